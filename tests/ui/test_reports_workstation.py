"""The Reports dialog of a consolidation vault: a Workstation box, by keyboard, that
limits the report to one workstation; no such box in a vault without workstations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from counselor_app.exchange.consolidation import import_bundles
from counselor_app.store import bundles
from counselor_app.vault import Session
from counselor_app.workstation import identity
from tests.integration.bundle_support import Org, consolidation, send, workstation
from tests.integration.test_report_workstation import log_calls
from tests.ui.access import mnemonics, unnamed_inputs
from tests.ui.driving import Keyboard
from tests.ui.report_driving import choose_dates, make, show

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
ONE_CALLS, TWO_CALLS = 6, 8


@dataclass
class Hub:
    session: Session
    one: str  # workstation ids
    two: str


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    """A consolidation vault holding the March calls of two workstations."""
    org = Org(tmp_path / "org")
    with workstation(tmp_path, "one") as one, workstation(tmp_path, "two") as two:
        log_calls(one, ONE_CALLS)
        log_calls(two, TWO_CALLS)
        ids = identity(one.conn).id, identity(two.conn).id
        files = [send(one, tmp_path / "a", org).path, send(two, tmp_path / "b", org).path]
    with consolidation(tmp_path, org) as session:
        outcomes = import_bundles(session, files, accept=set(ids))
        assert [o.refused for o in outcomes] == [None, None]
        yield Hub(session, *ids)


def test_no_workstation_box_without_workstations(
    qtbot: QtBot, keyboard: Keyboard, supervisor: Session
) -> None:
    dialog = show(qtbot, keyboard, supervisor)
    assert dialog.choices.workstation is None
    assert dialog.findChild(QComboBox, "workstation") is None
    assert dialog.choices.request(5).workstation is None


def test_the_workstation_box_lists_them_and_filters_the_report(
    qtbot: QtBot, keyboard: Keyboard, hub: Hub
) -> None:
    dialog = show(qtbot, keyboard, hub.session)
    choices = dialog.choices
    box = choices.workstation
    assert box is not None and box.isVisible()
    assert box.accessibleName() == "Workstation"
    # In the order of 'workstation list' (as accepted), each with its records.
    order = [w.id for w in bundles.workstations(hub.session.conn)]
    assert sorted(order) == sorted([hub.one, hub.two])
    records = {hub.one: ONE_CALLS, hub.two: TWO_CALLS}
    assert [box.itemText(i) for i in range(box.count())] == [
        "All workstations",
        *(f"{w} (records: {records[w]})" for w in order),
    ]
    assert [box.itemData(i) for i in range(box.count())] == [None, *order]
    assert unnamed_inputs(dialog) == []
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    # Reached by its mnemonic, and by Tab between the counselor and the language.
    keyboard.alt(Qt.Key.Key_W)
    keyboard.wait_focus(box)
    choices.counselor.setFocus()
    keyboard.wait_focus(choices.counselor)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.wait_focus(box)
    keyboard.press(Qt.Key.Key_Down)  # the first workstation
    assert box.currentData() == order[0]
    box.setCurrentIndex(box.findData(hub.one))
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.wait_focus(choices.language)

    choose_dates(dialog, *MARCH)
    report = make(qtbot, dialog)
    assert report.request.workstation == hub.one
    assert report.table("overview").text("calls", "value") == str(ONE_CALLS)
    assert f"Workstation: {hub.one}." in dialog.view.summary.text()
    assert box.isEnabled() and not dialog.is_running()

    box.setCurrentIndex(0)
    report = make(qtbot, dialog)
    assert report.request.workstation is None
    assert report.table("overview").text("calls", "value") == str(ONE_CALLS + TWO_CALLS)
    assert "Workstation:" not in dialog.view.summary.text()
