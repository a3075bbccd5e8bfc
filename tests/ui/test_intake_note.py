"""The note is scanned as it is typed: findings highlighted, masked with one key,
and saving one left in asks first and records the choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.driving import COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from tests.ui.intake_driving import (
    alt_in_box,
    answer_next_box,
    escape_box,
    open_call,
    session_of,
    stored,
    stored_row,
)
from ui.controller import AppController
from ui.intake.intake import Intake
from ui.intake.note_editor import NoteEditor, utf16_offset

# Characters outside the BMP count twice in Qt positions: the highlight must still fit.
NOTE = "Très peur 😟😟 ; rappeler au 06 12 34 56 78 ou à marie.d@example.org"
PHONE = "06 12 34 56 78"


def _to_note(qtbot: QtBot, keyboard: Keyboard, intake: Intake) -> NoteEditor:
    """A relative calling for information, up to the note."""
    keyboard.fill("2", "1")  # a relative, by phone
    note = intake.form_view.rows["note"].input
    assert isinstance(note, NoteEditor)
    for _ in range(10):
        if keyboard.focus() is note:
            break
        if keyboard.focus() is intake.form_view.rows["reason"].input:
            keyboard.type("8")  # information
        if keyboard.focus() is intake.form_view.rows["response"].input:
            keyboard.press(Qt.Key.Key_Space)  # listening
        keyboard.press(Qt.Key.Key_Tab)
    keyboard.wait_focus(note)
    return note


def test_findings_are_highlighted_and_masked_with_ctrl_m(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    note = _to_note(qtbot, keyboard, intake)
    keyboard.type(NOTE)
    qtbot.waitUntil(lambda: len(note.highlighted_spans()) == 2)

    start = utf16_offset(NOTE, NOTE.index(PHONE))
    spans = note.highlighted_spans()
    assert spans[0] == (start, start + len(PHONE))
    utf16 = note.toPlainText().encode("utf-16-le")
    assert utf16[2 * spans[0][0] : 2 * spans[0][1]].decode("utf-16-le") == PHONE
    assert note.status.text().startswith(
        "⚠ Identifying details found (underlined): phone number, e-mail address."
    )

    # The cursor is at the end, after both: Ctrl+M masks the nearest before it.
    keyboard.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == NOTE.replace("marie.d@example.org", "[masqué]")
    # From the start of the note, Ctrl+M masks the first one after the cursor.
    keyboard.press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    keyboard.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == ("Très peur 😟😟 ; rappeler au [masqué] ou à [masqué]")
    assert note.highlighted_spans() == []
    assert not note.status.isVisibleTo(intake)

    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [record] = stored(session_of(controller))
    assert record.note == "Très peur 😟😟 ; rappeler au [masqué] ou à [masqué]"
    assert not record.findings_confirmed


def test_ctrl_shift_m_masks_every_finding(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    note = _to_note(qtbot, keyboard, intake)
    keyboard.type(NOTE)
    keyboard.press(
        Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert note.toPlainText().count("[masqué]") == 2
    assert note.findings == []


def test_saving_with_a_finding_asks_and_records_the_confirmation(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    note = _to_note(qtbot, keyboard, intake)
    keyboard.type("Rappeler au 06 12 34 56 78.")

    # Escape: back to the note, with the finding selected.
    seen = answer_next_box(escape_box())
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert seen == [
        "The note still contains identifying details: phone number.\n\n"
        "Mask them (Ctrl+M) before saving, or save the note as it is; "
        "that choice is recorded with the call."
    ]
    assert window.intake_area.intake is intake
    keyboard.wait_focus(note)
    assert note.textCursor().selectedText() == PHONE
    assert stored(session_of(controller)) == []

    seen = answer_next_box(alt_in_box(Qt.Key.Key_S))
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    assert window.intake_area.intake is None
    [record] = stored(session_of(controller))
    assert record.note == "Rappeler au 06 12 34 56 78."
    assert record.findings_confirmed
    assert stored_row(session_of(controller), record.id)["findings_confirmed"]
