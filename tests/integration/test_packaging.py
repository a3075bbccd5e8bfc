"""The wheel carries both packages, the resources and the command."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def clean_copy(target: Path) -> Path:
    """The tracked files only, as a fresh clone has them (no build products lying around)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    for name in listed.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.mark.slow
def test_wheel_ships_packages_resources_and_entry_point(tmp_path: Path) -> None:
    source = clean_copy(tmp_path / "src")
    out = tmp_path / "dist"
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
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("counselor_app-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    assert "counselor_app/vault/session.py" in names
    assert "ui/app.py" in names
    assert not any(n.startswith("tests/") for n in names)
    resources = sorted(n for n in names if n.startswith("counselor_app/resources/"))
    assert "counselor_app/resources/i18n/counselor_app_fr.qm" in resources
    assert "counselor_app/resources/forms/vff.v1.json" in resources
    assert "counselor_app/resources/reference/departements.csv" in resources
    assert "counselor-app = counselor_app.cli:main" in scripts
