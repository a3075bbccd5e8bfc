"""The Reports dialog by keyboard and screen reader, in English and in French."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counselor_app.vault import Session
from tests.ui.access import mnemonics, unnamed_inputs
from tests.ui.driving import Keyboard
from tests.ui.report_driving import make, show
from ui.reports.dialog import ReportsDialog


def _stops(keyboard: Keyboard, first: QWidget) -> list[str]:
    """The object names Tab visits, once round."""
    stops = [first]
    for _ in range(30):
        keyboard.press(Qt.Key.Key_Tab)
        if keyboard.focus() is first:
            break
        if keyboard.focus() is not stops[-1]:
            stops.append(keyboard.focus())
    return [w.objectName() for w in stops]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_inputs_are_named_and_mnemonics_unique(
    request: pytest.FixtureRequest, qtbot: QtBot, supervisor: Session, language: str
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    dialog = ReportsDialog(supervisor, supervisor.reopen, language)
    qtbot.addWidget(dialog)
    assert unnamed_inputs(dialog) == []
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    if language == "fr":
        assert dialog.run_button.text() == "Faire le &rapport"
        assert dialog.choices.radios[next(iter(dialog.choices.radios))].text() == (
            "Le &mois dernier"
        )


def test_tab_goes_through_the_choices_the_report_and_the_buttons(
    qtbot: QtBot, keyboard: Keyboard, supervisor: Session
) -> None:
    dialog = show(qtbot, keyboard, supervisor)
    # Before a report: the preset, the filters, Make report, Close (dates are a preset's).
    assert _stops(keyboard, keyboard.focus()) == [
        "period_month",
        "channel",
        "counselor",
        "report_language",
        "make_report",
        "close",
    ]
    make(qtbot, dialog)
    assert _stops(keyboard, dialog.view.sections) == [
        "sections",
        "report_table",
        "save_pdf",
        "save_csv",
        "close",
        "period_month",
        "channel",
        "counselor",
        "report_language",
        "make_report",
    ]
    table = dialog.view.table
    assert table.accessibleName().startswith("Table: ")
    assert dialog.view.chart.accessibleDescription()
