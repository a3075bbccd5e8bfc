"""`python -m counselor_app` runs the same entry point as the `counselor-app` command."""

import sys

from counselor_app.cli import main

sys.exit(main())
