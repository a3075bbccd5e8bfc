"""Prompts appear beside the form as they apply, never block, and are recorded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.driving import COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from tests.ui.intake_driving import open_call, session_of, stored, stored_row
from ui.controller import AppController
from ui.intake.intake import Intake
from ui.intake.timer import clock


def _tab_to(keyboard: Keyboard, intake: Intake, code: str) -> None:
    target = intake.form_view.rows[code].input
    for _ in range(40):
        if keyboard.focus() is target:
            return
        keyboard.press(Qt.Key.Key_Tab)
    raise AssertionError(code)


def test_prompts_for_a_minor_and_a_weapon(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    panel = intake.panel
    assert panel.active() == []
    assert panel.empty.isVisibleTo(panel)
    keyboard.fill("1", "1")
    _tab_to(keyboard, intake, "reason")
    keyboard.type("1")
    _tab_to(keyboard, intake, "victim_sex")
    keyboard.fill("w", "1")  # a girl under 18

    assert panel.active() == ["child_line_119"]
    card = panel.cards["child_line_119"]
    assert card.text().startswith("ℹ Child protection: 119\n")
    assert not panel.empty.isVisibleTo(panel)
    # It does not take the focus: typing goes on in the form.
    assert keyboard.focus() is intake.form_view.rows["victim_age_band"].input

    _tab_to(keyboard, intake, "author_relation")
    keyboard.type("1")
    _tab_to(keyboard, intake, "violence_types")
    keyboard.type("3")
    keyboard.press(Qt.Key.Key_Space)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("w")  # danger signs: weapon
    keyboard.press(Qt.Key.Key_Space)
    assert panel.active() == ["child_line_119", "danger_protocol"]
    assert panel.cards["danger_protocol"].text().startswith("⚠ Serious danger: protocol\n")

    # No longer a weapon: the prompt goes, but it was shown and stays on record.
    keyboard.press(Qt.Key.Key_Space)
    assert panel.active() == ["child_line_119"]

    _tab_to(keyboard, intake, "response")
    keyboard.press(Qt.Key.Key_Space)
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [record] = stored(session_of(controller))
    assert record.prompts_shown == ("child_line_119", "danger_protocol")
    assert stored_row(session_of(controller), record.id)["prompts_shown"] == [
        "child_line_119",
        "danger_protocol",
    ]


def test_the_timer_runs_from_ctrl_n_until_saved(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    timer = intake.panel.timer
    assert timer.running
    assert timer.text() == "00:00"
    assert clock(61) == "01:01" and clock(3725) == "1:02:05"
    keyboard.fill("7", "1")  # a silent call, from the form
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not timer.running
