"""The menu actions: for supervisors only; a window closed under a running import stops it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.roles import Role
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session
from tests.ui.call_data import calls, write_jsonl
from ui.transfer import worker
from ui.transfer.actions import TransferActions
from ui.transfer.import_dialog import ImportDialog


def test_only_supervisors_and_admins_see_them(qtbot: QtBot, opener: Callable[[], Session]) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = TransferActions(Role.COUNSELOR, opener, window)
    assert [a.isVisible() or a.isEnabled() for a in actions.actions()] == [False, False]
    actions.set_role(Role.SUPERVISOR)
    assert [a.isVisible() and a.isEnabled() for a in actions.actions()] == [True, True]
    assert [a.text() for a in actions.actions()] == ["&Import records…", "&Export records…"]


def test_an_import_from_the_menu_is_announced(
    qtbot: QtBot, supervisor: Session, opener: Callable[[], Session], tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "calls.jsonl", calls(12, ["elsewhere"]))
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = TransferActions(Role.SUPERVISOR, opener, window)
    actions.import_action.trigger()
    dialog = window.findChild(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    dialog.file.edit.setText(str(path))
    with qtbot.waitSignal(actions.imported, timeout=30_000) as imported:
        dialog.run()
    assert imported.args[0].imported == 12
    assert records.list_count(supervisor, ListFilter()) == 12


def test_a_window_closed_under_a_running_import_stops_it(
    qtbot: QtBot, supervisor: Session, opener: Callable[[], Session], tmp_path: Path
) -> None:
    """As when the window locks and is deleted with its dialogs."""
    path = write_jsonl(tmp_path / "big.jsonl", calls(3000, ["elsewhere"], seed=9))
    window = QMainWindow()
    actions = TransferActions(Role.SUPERVISOR, opener, window)
    dialog = actions.show_import()
    dialog.file.edit.setText(str(path))
    job_worker = dialog.run()
    assert job_worker is not None
    with qtbot.waitSignal(job_worker.cancelled, timeout=60_000):
        window.deleteLater()  # the dialog goes with it; its worker is told to stop
    assert records.list_count(supervisor, ListFilter()) == 0
    qtbot.waitUntil(lambda: worker.running() == [])
