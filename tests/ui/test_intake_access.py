"""The intake for screen readers and the keyboard: names, Tab order, keys on the buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.forms.catalogue import default_form
from counselor_app.vault import Session, open_vault
from tests.ui.driving import COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from tests.ui.intake_driving import open_call
from ui.controller import AppController
from ui.intake.intake import Intake
from ui.main_window import MainWindow

ALL_SHOWN = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "has_children": "yes",
    "author_cohabits": "yes",
}


@pytest.fixture
def session(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_vault(vault_dir, COUNSELOR, COUNSELOR_PASSWORD, settings) as opened:
        yield opened


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_input_is_named_after_its_field_and_label(
    qtbot: QtBot, session: Session, language: str
) -> None:
    form = default_form()
    intake = Intake(session, form, language)
    qtbot.addWidget(intake)
    for field in form.fields():
        found = intake.findChildren(QWidget, field.code)
        assert len(found) == 1, field.code
        assert found[0].accessibleName() == field.label.text(language), field.code
    age = intake.findChild(QWidget, "victim_age_band")
    assert age is not None
    assert age.accessibleName() == ("Âge de la victime" if language == "fr" else "Victim's age")
    intake.keep_draft()


def test_tab_follows_the_form_then_the_buttons(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    view = intake.form_view
    view.set_answers(ALL_SHOWN)
    view.focus_field("call_kind")
    expected: list[QWidget] = [row.input for code, row in view.rows.items() if view.is_shown(code)]
    assert len(expected) == len(view.rows)  # every field applies to this call
    expected += [intake.save_button, intake.discard_button]
    keyboard.wait_focus(expected[0])
    visited = [keyboard.focus()]
    for _ in expected[1:]:
        keyboard.press(Qt.Key.Key_Tab)
        visited.append(keyboard.focus())
    assert [w.objectName() for w in visited] == [w.objectName() for w in expected]
    # The list of sections follows, and marks the current one in words.
    assert view.section == "note"
    assert view.sections.item(view.sections.count() - 1).text() == "▸ Note"


def test_the_call_keys_on_the_toolbar(
    qtbot: QtBot, controller: AppController, login: Login
) -> None:
    window: MainWindow = login(COUNSELOR, COUNSELOR_PASSWORD)
    shown = [a for a in window.toolbar.actions() if a.isVisible()]  # Reports: not hers
    texts = [a.iconText() for a in shown if not a.isSeparator()]
    assert texts == [
        "Ctrl+N New call",
        "F5 Silent",
        "F6 Hung up",
        "F7 Wrong no.",
        "F8 Abusive",
        "F9 Test",
    ]
    assert window.quick_actions["silent"].toolTip() == "Log a call: Silent call"
    assert "camille" in window.welcome.text()
    assert QApplication.focusWidget() is window.welcome


def test_ctrl_pgdown_moves_between_sections(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    view = intake.form_view
    keyboard.fill("1", "1")
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    keyboard.wait_focus(view.rows["response"].input)
    assert view.section == "response"
    keyboard.press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    keyboard.wait_focus(view.rows["call_kind"].input)


@pytest.mark.usefixtures("french")
def test_the_intake_in_french(qtbot: QtBot, session: Session) -> None:
    intake = Intake(session, default_form(), "fr")
    qtbot.addWidget(intake)
    assert intake.save_button.text() == "Ctrl+S  Enregistrer"
    assert intake.form_view.rows["call_kind"].label.text() == "Qui appelle ? (obligatoire)"
    assert intake.panel.empty.text() == "Aucune pour l’instant."
    intake.keep_draft()
