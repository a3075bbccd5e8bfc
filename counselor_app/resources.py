"""The one place that knows where bundled data lives.

In a frozen build the data sits under the bundle's folder; in an installed wheel
it is ``counselor_app/resources``; in a checkout it is the repository's
``resources/`` folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [
        *([Path(frozen) / "resources"] if frozen else []),
        _PACKAGE / "resources",
        _PACKAGE.parent / "resources",
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the program's resources folder is missing")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
