"""A whole call by keyboard only, from Ctrl+N to Ctrl+S, and the record it leaves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.drafts import load_draft
from counselor_app.vault.database import DatabaseError
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

NOTE = "Elle appelle depuis chez une amie ; très inquiète pour sa fille."


def test_a_victim_call_by_keyboard_only(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    assert intake.panel.timer.running

    def answer(keys: str, *then: Qt.Key) -> None:
        keyboard.type(keys)
        for key in then:
            keyboard.press(key)
        keyboard.press(Qt.Key.Key_Tab)

    space = Qt.Key.Key_Space
    answer("1")  # call_kind: victim
    answer("1")  # channel: phone
    answer("y")  # first_contact: yes
    answer("i")  # heard_from: internet
    answer("1")  # reason: domestic violence
    answer("w")  # victim_sex: woman
    answer("3")  # victim_age_band: 25 to 34
    answer("gironde")  # victim_department, by name
    answer("1")  # victim_employment: employed
    answer("n")  # victim_disability: no
    answer("n")  # victim_pregnant: no
    answer("2")  # author_sex: man
    answer("1")  # author_relation: spouse
    answer("y")  # author_cohabits: yes
    answer("4")  # author_age_band: 35 to 44
    keyboard.type("1")
    keyboard.press(space)
    keyboard.type("3")
    answer("", space)  # violence_types: psychological, physical
    answer("r", space)  # danger_signs: recent escalation
    answer("2")  # violence_since: 1 to 5 years
    answer("y")  # has_children: yes
    answer("2")  # children_minor_count
    answer("y")  # children_exposed: yes
    answer("n")  # children_abused: no
    keyboard.type("2")
    answer("", space)  # steps_taken: main courante
    answer("y")  # wants_to_leave: yes
    keyboard.type("1")
    keyboard.press(space)
    keyboard.type("3")
    answer("", space)  # response: listening, referral to an association
    keyboard.wait_focus(intake.form_view.rows["note"].input)
    keyboard.type(NOTE)
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert window.intake_area.intake is None, intake.notice.text()
    assert window.statusBar().currentMessage().startswith("Call saved (")
    session = session_of(controller)
    [record] = stored(session)
    assert dict(record.answers) == {
        "call_kind": "victim",
        "channel": "phone",
        "first_contact": "yes",
        "heard_from": "internet",
        "reason": "domestic_violence",
        "victim_sex": "female",
        "victim_age_band": "25_34",
        "victim_department": "33",
        "victim_employment": "employed",
        "victim_disability": "no",
        "victim_pregnant": "no",
        "author_sex": "male",
        "author_relation": "spouse",
        "author_cohabits": "yes",
        "author_age_band": "35_44",
        "violence_types": ["psychological", "physical"],
        "danger_signs": ["escalation"],
        "violence_since": "1_5y",
        "has_children": "yes",
        "children_minor_count": 2,
        "children_exposed": "yes",
        "children_abused": "no",
        "steps_taken": ["main_courante"],
        "wants_to_leave": "yes",
        "response": ["listening", "referral_association"],
        "note": NOTE,
    }
    assert record.counselor_id == session.user.id
    assert record.ended_at >= record.started_at
    assert record.prompts_shown == ()
    assert not record.findings_confirmed
    row = stored_row(session, record.id)
    assert row["call_kind"] == "victim"
    assert "note" not in row["answers"]  # kept apart, to be shredded on its own
    assert load_draft(session) is None


def test_f5_logs_a_silent_call_when_no_call_is_open(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    keyboard.press(Qt.Key.Key_F5)

    assert window.intake_area.intake is None
    assert window.statusBar().currentMessage() == "Logged: Silent call."
    [record] = stored(session_of(controller))
    assert dict(record.answers) == {"call_kind": "silent", "channel": "phone"}
    assert record.started_at == record.ended_at


def test_a_quick_key_ends_the_open_call_with_its_channel(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("2")  # channel: chat
    keyboard.press(Qt.Key.Key_F6)

    assert window.intake_area.intake is None
    assert window.statusBar().currentMessage() == "Logged: Hung up."
    [record] = stored(session_of(controller))
    assert dict(record.answers) == {"call_kind": "hangup", "channel": "chat"}
    assert record.started_at == intake.started_at.replace(microsecond=0)
    assert load_draft(session_of(controller)) is None
    # Each key logs its own kind.
    for key, kind in [
        (Qt.Key.Key_F5, "silent"),
        (Qt.Key.Key_F7, "wrong_number"),
        (Qt.Key.Key_F8, "abusive"),
        (Qt.Key.Key_F9, "test"),
    ]:
        keyboard.press(key)
        assert stored(session_of(controller))[-1].answers["call_kind"] == kind


def test_a_quick_key_asks_before_dropping_answers(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.fill("1", "1", "y")  # victim, phone, first contact

    seen = answer_next_box(escape_box())
    keyboard.press(Qt.Key.Key_F7)
    assert seen == ["This call already has answers. Log it as “Wrong number” and drop them?"]
    assert window.intake_area.intake is intake
    assert stored(session_of(controller)) == []

    seen = answer_next_box(alt_in_box(Qt.Key.Key_L))
    keyboard.press(Qt.Key.Key_F7)
    assert len(seen) == 1
    assert window.intake_area.intake is None
    [record] = stored(session_of(controller))
    assert dict(record.answers) == {"call_kind": "wrong_number", "channel": "phone"}


def test_ctrl_n_returns_to_the_open_call(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.fill("1", "")
    keyboard.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.intake_area.intake is intake
    assert window.statusBar().currentMessage().startswith("A call is already open")
    keyboard.wait_focus(intake.form_view.rows["call_kind"].input)


def test_escape_asks_before_discarding(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.fill("1", "1")
    intake.autosave()
    assert load_draft(session_of(controller)) is not None

    # Escape in the question cancels it: the call stays open, as typed.
    seen = answer_next_box(escape_box())
    keyboard.press(Qt.Key.Key_Escape)
    assert seen == ["Discard this call without saving it? Its answers will be lost."]
    assert window.intake_area.intake is intake
    assert intake.answers() == {"call_kind": "victim", "channel": "phone"}

    seen = answer_next_box(alt_in_box(Qt.Key.Key_D))
    keyboard.press(Qt.Key.Key_Escape)
    assert len(seen) == 1
    assert window.intake_area.intake is None
    assert window.statusBar().currentMessage() == "Call discarded."
    assert stored(session_of(controller)) == []
    assert load_draft(session_of(controller)) is None


def test_a_failed_save_keeps_the_call_open_and_its_draft(
    qtbot: QtBot,
    controller: AppController,
    login: Login,
    keyboard: Keyboard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise DatabaseError("database or disk is full")

    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.fill("7", "1")  # silent, phone: from the form
    monkeypatch.setattr(records, "create", disk_full)
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert window.intake_area.intake is intake
    assert intake.notice.text().startswith("The disk is full: nothing was saved.")
    draft = load_draft(session_of(controller))
    assert draft is not None and draft.answers == {"call_kind": "silent", "channel": "phone"}

    monkeypatch.undo()
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.intake_area.intake is None
    [record] = stored(session_of(controller))
    assert dict(record.answers) == {"call_kind": "silent", "channel": "phone"}
