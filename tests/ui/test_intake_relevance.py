"""Only the fields that apply are shown; an answer that stops applying is dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.driving import COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from tests.ui.intake_driving import open_call, session_of, shown, stored
from ui.controller import AppController
from ui.intake.intake import Intake

VICTIM_SECTIONS = ("victim", "author", "violence", "children", "steps")


def _sections_shown(intake: Intake) -> list[str]:
    view = intake.form_view
    return [
        str(view.sections.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(view.sections.count())
        if not view.sections.item(i).isHidden()
    ]


def _go_to(keyboard: Keyboard, intake: Intake, code: str) -> None:
    widget = intake.form_view.rows[code].input
    for _ in range(40):
        if keyboard.focus() is widget:
            return
        keyboard.press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {code}")


def test_the_form_grows_with_the_answers(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    assert _sections_shown(intake) == ["call"]
    assert [c for c in intake.form_view.rows if shown(intake, c)] == ["call_kind", "channel"]

    keyboard.fill("1", "1")  # victim, phone
    assert _sections_shown(intake) == ["call", "response", "note"]
    assert shown(intake, "reason") and not shown(intake, "victim_sex")

    _go_to(keyboard, intake, "reason")
    keyboard.type("1")  # domestic violence
    assert _sections_shown(intake) == ["call", *VICTIM_SECTIONS, "response", "note"]
    assert not shown(intake, "children_minor_count")
    assert not shown(intake, "victim_pregnant")  # only once the victim is a woman

    keyboard.type("8")  # a request for information: no victim sections
    assert intake.answers()["reason"] == "information"
    assert _sections_shown(intake) == ["call", "response", "note"]


def test_children_fields_follow_has_children(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.fill("1", "1")
    _go_to(keyboard, intake, "reason")
    keyboard.type("1")
    _go_to(keyboard, intake, "has_children")
    keyboard.type("y")
    assert all(
        shown(intake, c) for c in ("children_minor_count", "children_exposed", "children_abused")
    )
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.fill("3", "y", "y")
    answers = intake.answers()
    assert answers["children_minor_count"] == 3
    assert answers["children_exposed"] == answers["children_abused"] == "yes"

    # Back to "has children": No. The children's answers go, and stay gone.
    _go_to(keyboard, intake, "has_children")
    keyboard.type("n")
    assert not shown(intake, "children_minor_count")
    assert not {"children_minor_count", "children_exposed", "children_abused"} & set(
        intake.answers()
    )
    keyboard.press(Qt.Key.Key_Up)  # yes again
    assert intake.answers()["has_children"] == "yes"
    assert shown(intake, "children_exposed")
    assert intake.form_view.rows["children_minor_count"].input.value() is None
    assert intake.form_view.rows["children_exposed"].input.value() is None


def test_a_reason_change_drops_the_victim_answers_from_the_record(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.fill("1", "1")
    _go_to(keyboard, intake, "reason")
    keyboard.type("1")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.fill("w", "2")  # victim_sex, victim_age_band
    _go_to(keyboard, intake, "reason")
    keyboard.type("8")  # information
    _go_to(keyboard, intake, "response")
    keyboard.press(Qt.Key.Key_Space)  # listening
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [record] = stored(session_of(controller))
    assert dict(record.answers) == {
        "call_kind": "victim",
        "channel": "phone",
        "reason": "information",
        "response": ["listening"],
    }


def test_a_non_substantive_kind_picked_in_the_form_hides_the_rest(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.fill("1", "1")
    _go_to(keyboard, intake, "call_kind")
    keyboard.type("a")  # "Abusive call": the only label starting with "a"
    assert intake.answers()["call_kind"] == "abusive"
    assert _sections_shown(intake) == ["call"]
