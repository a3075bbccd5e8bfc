"""Every action the core writes into the audit trail has words in the window."""

from __future__ import annotations

import ast
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.audit.wording import action_name, action_names

CORE = Path(__file__).resolve().parents[2] / "counselor_app"


def written_actions() -> set[str]:
    """The literal action names passed to ``audit.record`` or to helpers that forward
    theirs (``_audit``, ``_write_backup``, ``_give_slot``), and the module constants."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name in {"record", "_audit", "_write_backup", "_give_slot"}:
                    found.update(
                        arg.value
                        for arg in node.args
                        if isinstance(arg, ast.Constant)
                        and isinstance(arg.value, str)
                        and arg.value.replace("_", "").isalpha()
                        and arg.value.islower()
                    )
    return found


def test_every_written_action_is_worded(qtbot: QtBot) -> None:
    actions = written_actions()
    assert {"record_created", "bundle_import", "backup_automatic", "upgrade"} <= actions
    names = action_names()
    missing = sorted(action for action in actions if action not in names)
    assert missing == []
    assert action_name("bundle_export") == "Bundle sent"
