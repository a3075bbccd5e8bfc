"""Helpers for the intake tests: opening a call, answering boxes, reading records back."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.store.records import CallRecord
from counselor_app.vault import Session
from tests.ui.driving import Keyboard
from tests.ui.driving import answer_next_box as answer_next_box
from ui.controller import AppController
from ui.intake.intake import Intake
from ui.main_window import MainWindow


def session_of(controller: AppController) -> Session:
    assert controller.session is not None
    return controller.session


def open_call(qtbot: QtBot, keyboard: Keyboard, window: MainWindow) -> Intake:
    """Ctrl+N; the focus lands in the first field."""
    keyboard.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = window.intake_area.intake
    assert intake is not None, "Ctrl+N did not open a call"
    keyboard.wait_focus(intake.form_view.rows["call_kind"].input)
    return intake


def field(intake: Intake, code: str) -> QWidget:
    widget = intake.findChild(QWidget, code)
    assert widget is not None, code
    return widget


def shown(intake: Intake, code: str) -> bool:
    return intake.form_view.is_shown(code)


def press_in_box(key: Qt.Key, modifier: Qt.KeyboardModifier) -> Callable[[QMessageBox], None]:
    return lambda box: QTest.keyClick(box, key, modifier)


def alt_in_box(key: Qt.Key) -> Callable[[QMessageBox], None]:
    """Answer a box by a button's mnemonic."""
    return press_in_box(key, Qt.KeyboardModifier.AltModifier)


def escape_box() -> Callable[[QMessageBox], None]:
    return press_in_box(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)


def stored(session: Session) -> list[CallRecord]:
    """Every record in the vault, oldest first, read back through the core."""
    ids = [row[0] for row in session.conn.execute("SELECT id FROM records ORDER BY rowid")]
    return [records.get(session, record_id) for record_id in ids]


def stored_row(session: Session, record_id: str) -> dict[str, Any]:
    """The columns of one record, as the database holds them."""
    row = session.conn.execute(
        "SELECT call_kind, answers, prompts_shown, findings_confirmed, started_at, ended_at "
        "FROM records WHERE id = ?",
        (record_id,),
    ).fetchone()
    return {
        "call_kind": row[0],
        "answers": json.loads(row[1]),
        "prompts_shown": json.loads(row[2]),
        "findings_confirmed": bool(row[3]),
        "started_at": row[4],
        "ended_at": row[5],
    }
