"""No widget that showed a record survives a lock: only the login dialog is left.

Calls are logged through the window with markers in their notes; the call list, a
record, a record being corrected, the reports and the audit trail are open when the
window locks. Afterwards no widget of the session is alive, none shows a marker
(texts, labels, editors, the items of every view), and the one window shown is the
login dialog. A control case keeps a widget on purpose: it is found.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.vault import open_vault
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, Keyboard, Login
from tests.ui.intake_driving import open_call
from tests.ui.lock_driving import leftovers, marker, settle, to_note, visible_windows
from ui.call_list.record_dialog import RecordDialog
from ui.controller import AppController
from ui.login import LoginDialog
from ui.main_window import MainWindow


def log_call_with_note(qtbot: QtBot, keyboard: Keyboard, window: MainWindow, note: str) -> None:
    intake = open_call(qtbot, keyboard, window)
    to_note(keyboard, intake).setFocus()
    keyboard.type(note)
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.intake_area.intake is None, intake.notice.text()


def open_record_of(qtbot: QtBot, window: MainWindow, note: str) -> RecordDialog:
    view = window.call_list
    rows = [
        r for r in range(view.model.rowCount()) if note in _note(window, view.model.record_id(r))
    ]
    assert rows, "the call is not in the list"
    dialog = view.open_record(rows[0])
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert note in dialog.text.toPlainText()
    return dialog


def _note(window: MainWindow, record_id: str) -> str:
    return records.get(window.intake_area.session, record_id).note or ""


def locked_alone(qtbot: QtBot, controller: AppController, keyboard: Keyboard) -> LoginDialog:
    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.session is None and controller.window is None
    settle(qtbot)
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    return dialog


def test_nothing_of_the_records_survives_a_lock(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    markers = [marker() for _ in range(3)]
    window = login(ADMIN, ADMIN_PASSWORD)
    for note in markers[:2]:
        log_call_with_note(qtbot, keyboard, window, note)
    window.call_list.table.setFocus()
    # The first call is corrected: its record, then Edit; a marker added to its note.
    open_record_of(qtbot, window, markers[0]).request_edit()
    intake = window.intake_area.intake
    assert intake is not None and intake.note is not None
    intake.note.setFocus()
    keyboard.press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    keyboard.type(f" {markers[2]}")
    # Over it, the record of the second call, the reports and the audit trail.
    open_record_of(qtbot, window, markers[1])
    for shown in (window.reports.show(), window.audit.show()):
        assert shown is not None
        qtbot.waitExposed(shown)
    assert len(leftovers(markers)) > 10  # the scan sees what is on screen

    login_dialog = locked_alone(qtbot, controller, keyboard)

    assert leftovers(markers) == []
    assert visible_windows() == [login_dialog]


@pytest.fixture
def noted(vault_dir: Path, settings: Settings) -> str:
    """A call of the admin's, with a marker in its note, saved through the core."""
    note = marker()
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        started = datetime.now(UTC) - timedelta(minutes=20)
        record = records.new_record(
            session,
            started_at=started,
            ended_at=started + timedelta(minutes=9),
            answers={
                "call_kind": "relative",
                "channel": "phone",
                "reason": "information",
                "response": ["listening"],
                "note": note,
            },
        )
        records.create(session, record)
    return note


def test_the_search_finds_a_widget_kept_on_purpose(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard, noted: str
) -> None:
    """The control case: a record's text taken out of its dialog outlives the lock."""
    window = login(ADMIN, ADMIN_PASSWORD)
    dialog = open_record_of(qtbot, window, noted)
    kept: QWidget = dialog.text
    kept.setParent(None)  # now Python's: not deleted with the window
    kept_dialog = dialog
    kept_dialog.setParent(None)
    try:
        login_dialog = locked_alone(qtbot, controller, keyboard)
        found = leftovers([noted])
        assert f"QTextBrowser 'record_text' shows {noted}" in found
        assert "RecordDialog 'record_dialog' is still alive" in found
        assert visible_windows() == [login_dialog]
        kept.show()
        assert kept in visible_windows()
    finally:
        kept.close()
        kept.deleteLater()
        kept_dialog.deleteLater()
        settle(qtbot)
    assert leftovers([noted]) == []
