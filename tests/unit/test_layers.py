"""The core never imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import counselor_app


def test_importing_the_whole_core_does_not_import_pyside6() -> None:
    modules = sorted(
        m.name for m in pkgutil.walk_packages(counselor_app.__path__, "counselor_app.")
    )
    assert "counselor_app.cli" in modules and "counselor_app.vault.session" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    if name != 'counselor_app.__main__':\n"
        "        importlib.import_module(name)\n"
        "roots = ('PySide6', 'shiboken6', 'ui')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in roots)\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_running_a_command_does_not_import_pyside6() -> None:
    code = (
        "import sys\n"
        "from counselor_app.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("False")


def test_no_core_module_imports_qt_even_in_a_function() -> None:
    """Importing is not enough to see an import inside a function: read every module."""
    import ast
    from pathlib import Path

    found = []
    for path in Path(counselor_app.__path__[0]).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] in ("PySide6", "shiboken6", "ui")
            ]
    assert found == []
