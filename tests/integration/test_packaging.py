"""The wheel carries both packages, the resources and the command."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_ships_packages_resources_and_entry_point(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("counselor_app-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    assert "counselor_app/vault/session.py" in names
    assert "ui/app.py" in names
    assert not any(n.startswith("tests/") for n in names)
    resources = sorted(n for n in names if n.startswith("counselor_app/resources/"))
    assert "counselor_app/resources/i18n/counselor_app_fr.qm" in resources
    assert "counselor-app = counselor_app.cli:main" in scripts
