"""Saving an incomplete call shows each problem beside its field and goes to the first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.driving import COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from tests.ui.intake_driving import open_call, session_of, stored
from ui.controller import AppController
from ui.intake.intake import Intake


def _save(keyboard: Keyboard) -> None:
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def _errors(intake: Intake) -> dict[str, str]:
    return {
        code: row.message
        for code, row in intake.form_view.rows.items()
        if intake.form_view.is_shown(code) and row.message
    }


def test_required_fields_are_marked_in_words(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    rows = intake.form_view.rows
    assert rows["call_kind"].label.text() == "Who is calling? (required)"
    assert rows["call_kind"].input.accessibleDescription() == "Required."
    assert rows["first_contact"].label.text() == "First contact?"


def test_errors_beside_the_fields_and_focus_on_the_first(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    rows = intake.form_view.rows
    keyboard.press(Qt.Key.Key_Tab)  # leave "who is calling" empty
    _save(keyboard)

    assert window.intake_area.intake is intake
    assert intake.panel.timer.running
    assert _errors(intake) == {
        "call_kind": "⚠ Required: choose an answer.",
        "channel": "⚠ Required: choose an answer.",
    }
    assert intake.notice.text() == (
        "Some answers are missing or not valid: see the fields marked ⚠."
    )
    assert "Required: choose an answer." in rows["call_kind"].input.accessibleDescription()
    assert intake.form_view.sections.item(0).text() == "▸ The call ⚠"
    keyboard.wait_focus(rows["call_kind"].input)

    # An answer clears its problem at once.
    keyboard.type("1")
    assert "call_kind" not in _errors(intake)
    assert set(_errors(intake)) == {"channel", "reason", "response"}

    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("1")  # phone
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("1")  # domestic violence: the victim's questions now apply
    _save(keyboard)
    assert list(_errors(intake)) == [
        "victim_sex",
        "victim_age_band",
        "author_relation",
        "violence_types",
        "response",
    ]
    assert _errors(intake)["violence_types"] == "⚠ Required: choose at least one answer."
    keyboard.wait_focus(rows["victim_sex"].input)
    assert stored(session_of(controller)) == []


def test_a_number_out_of_range_and_an_unknown_departement(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    view = intake.form_view
    view.set_answers(
        {
            "call_kind": "victim",
            "channel": "phone",
            "reason": "domestic_violence",
            "victim_sex": "female",
            "victim_age_band": "25_34",
            "author_relation": "spouse",
            "violence_types": ["physical"],
            "has_children": "yes",
            "response": ["listening"],
        }
    )
    view.focus_field("victim_department")
    keyboard.wait_focus(view.rows["victim_department"].input)
    keyboard.type("nowhere")
    view.focus_field("children_minor_count")
    keyboard.wait_focus(view.rows["children_minor_count"].input)
    keyboard.type("16")
    _save(keyboard)

    assert _errors(intake) == {
        "victim_department": "⚠ “nowhere” is not one of the entries: type a code or choose a name.",
        "children_minor_count": "⚠ Enter a number from 0 to 15.",
    }
    keyboard.wait_focus(view.rows["victim_department"].input)
    assert stored(session_of(controller)) == []
