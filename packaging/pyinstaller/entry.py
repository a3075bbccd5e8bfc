"""The frozen build's entry point: the same as the ``counselor-app`` command."""

from __future__ import annotations

import sys

from counselor_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
