"""The inputs on their own: choices by number, letter and arrows; the département search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counselor_app.forms.catalogue import default_form
from counselor_app.forms.definition import Field
from tests.ui.driving import Keyboard
from ui.intake.choices import ChoiceField
from ui.intake.widgets import NumberField, SearchChoice


def _field(code: str) -> Field:
    field = default_form().field(code)
    assert field is not None
    return field


def _shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _type_accented(widget: QWidget, char: str) -> None:
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def test_a_single_choice_by_number_letter_arrows_and_delete(qtbot: QtBot) -> None:
    choice = ChoiceField(_field("call_kind"), "en")
    _shown(qtbot, choice)
    assert [b.text() for b in choice.buttons][:2] == ["(1) Victim", "(2) Relative or friend"]
    assert choice.buttons[0].accessibleName() == "Victim"

    QTest.keyClick(choice, Qt.Key.Key_4)
    assert choice.value() == "witness"
    # Two digits typed quickly: the tenth option.
    QTest.keyClicks(choice, "10")
    assert choice.value() == "abusive"
    QTest.keyClick(choice, Qt.Key.Key_Down)
    assert choice.value() == "test"
    QTest.keyClick(choice, Qt.Key.Key_Delete)
    assert choice.value() is None
    QTest.keyClick(choice, Qt.Key.Key_W)
    assert choice.value() == "witness"
    QTest.keyClick(choice, Qt.Key.Key_W)  # again: the next label with a W
    assert choice.value() == "wrong_number"
    QTest.keyClick(choice, Qt.Key.Key_Home)
    assert choice.value() == "victim"
    assert choice.buttons[0].isChecked() and not choice.buttons[1].isChecked()


def test_yes_no_in_french_by_first_letter(qtbot: QtBot) -> None:
    choice = ChoiceField(_field("first_contact"), "fr")
    _shown(qtbot, choice)
    QTest.keyClick(choice, Qt.Key.Key_O)
    assert choice.value() == "yes"
    QTest.keyClick(choice, Qt.Key.Key_N)
    assert choice.value() == "no"
    QTest.keyClick(choice, Qt.Key.Key_N)
    assert choice.value() == "unknown"  # « Ne sait pas »


def test_a_multiple_choice_toggled_with_space(qtbot: QtBot) -> None:
    choice = ChoiceField(_field("violence_types"), "fr")
    _shown(qtbot, choice)
    _type_accented(choice, "é")  # « Économiques », typed with or without its accent
    QTest.keyClick(choice, Qt.Key.Key_Space)
    QTest.keyClick(choice, Qt.Key.Key_1)
    assert choice.value() == ["economic"]
    QTest.keyClick(choice, Qt.Key.Key_Space)
    assert choice.value() == ["psychological", "economic"]
    QTest.keyClick(choice, Qt.Key.Key_Space)
    assert choice.value() == ["economic"]
    QTest.keyClick(choice, Qt.Key.Key_E)
    QTest.keyClick(choice, Qt.Key.Key_Space)
    assert choice.value() is None


def test_exclusive_options_replace_the_others(qtbot: QtBot) -> None:
    choice = ChoiceField(_field("danger_signs"), "en")
    _shown(qtbot, choice)
    for key in (Qt.Key.Key_1, Qt.Key.Key_Space, Qt.Key.Key_3, Qt.Key.Key_Space):
        QTest.keyClick(choice, key)
    assert choice.value() == ["death_threats", "weapon"]
    QTest.keyClick(choice, Qt.Key.Key_7)  # none
    QTest.keyClick(choice, Qt.Key.Key_Space)
    assert choice.value() == ["none"]
    QTest.keyClick(choice, Qt.Key.Key_5)
    QTest.keyClick(choice, Qt.Key.Key_Space)
    assert choice.value() == ["escalation"]


@pytest.mark.parametrize(
    ("typed", "code", "shown"),
    [
        ("33", "33", "33 — Gironde"),
        ("2a", "2A", "2A — Corse-du-Sud"),
        ("5", "05", "05 — Hautes-Alpes"),
        ("974", "974", "974 — La Réunion"),
        ("savoie", "73", "73 — Savoie"),
        ("haute-sav", "74", "74 — Haute-Savoie"),
        ("ardeche", "07", "07 — Ardèche"),
        ("abroad", "abroad", "Abroad"),
    ],
)
def test_a_departement_by_code_or_name(
    qtbot: QtBot, keyboard: Keyboard, typed: str, code: str, shown: str
) -> None:
    box = SearchChoice(_field("victim_department"), "en")
    _shown(qtbot, box)
    keyboard.type(typed)
    assert box.value() == code
    box.commit()
    assert box.currentText() == shown
    assert box.problem() is None


def test_a_departement_from_the_suggestions(qtbot: QtBot, keyboard: Keyboard) -> None:
    box = SearchChoice(_field("victim_department"), "en")
    _shown(qtbot, box)
    keyboard.type("sav")  # Savoie and Haute-Savoie: not one yet
    assert box.value() is None
    assert box.problem() is not None
    completer = box.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 2
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert box.value() == "74"
    qtbot.waitUntil(lambda: box.currentText() == "74 — Haute-Savoie")


def test_a_number_takes_digits_only(qtbot: QtBot, keyboard: Keyboard) -> None:
    number = NumberField(_field("children_minor_count"))
    _shown(qtbot, number)
    assert number.placeholderText() == "0 to 15"
    keyboard.type("a1x2")
    assert number.text() == "12"
    assert number.value() == 12
    number.set_value(None)
    assert number.value() is None
