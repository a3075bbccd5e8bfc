"""The files the frozen build and the .deb are made from (the builds themselves run in
``make package-check``)."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from counselor_app import __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "pyinstaller" / "counselor-app.spec"
DESKTOP = ROOT / "packaging" / "debian" / "counselor-app.desktop"
ICONS = ROOT / "resources" / "icons"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_spec_is_python_and_reads_the_one_version() -> None:
    source = SPEC.read_text(encoding="utf-8")
    compile(source, str(SPEC), "exec")
    pattern = re.search(r"re\.search\(\s*r'(.+?)',", source)
    assert pattern is not None
    init = (ROOT / "counselor_app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(pattern.group(1), init, re.MULTILINE)
    assert found is not None and found.group(1) == __version__


def test_the_desktop_entry_has_what_menus_need() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "counselor-app"
    assert section["Icon"] == "counselor-app"
    assert section["Terminal"] == "false"
    assert section["Categories"] == "Office;"
    assert section["Name"] and section["Comment"] and section["Name[fr]"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no validator")
def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, "")


def test_the_icons_are_there_in_every_size() -> None:
    ET.parse(ICONS / "counselor-app.svg")  # noqa: S314 (our own file): well-formed
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        data = (ICONS / f"counselor-app-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    assert (ICONS / "counselor-app.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (ICONS / "counselor-app.icns").read_bytes()[:4] == b"icns"


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("dpkg-query", "objdump", "ldd", "ls")),
    reason="not a Debian system with binutils",
)
def test_depends_names_the_packages_of_the_libraries_a_folder_links_to(
    tmp_path: Path,
) -> None:
    depends = load(ROOT / "packaging" / "debian" / "depends.py")
    ls = Path(str(shutil.which("ls"))).resolve()
    shutil.copy2(ls, tmp_path / "ls")
    line, why = depends.depends(tmp_path)
    first, *others = line.split(", ")
    assert re.fullmatch(r"libc6 \(>= 2\.[0-9]+\)", first)
    assert "libc.so.6" in why["libc6"]
    # Each other package is there for a library ls links to, and none is libc6 again.
    assert others == sorted(others)
    assert all(why[package] for package in others)
    assert "libc6" not in others


def test_depends_refuses_a_folder_without_binaries(tmp_path: Path) -> None:
    depends = load(ROOT / "packaging" / "debian" / "depends.py")
    (tmp_path / "readme.txt").write_text("nothing to run", encoding="utf-8")
    with pytest.raises(depends.Failed, match="holds no executable or library"):
        depends.depends(tmp_path)
