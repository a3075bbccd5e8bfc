"""The call list and a call's record, by keyboard and screen reader, in English and French."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.store.listing import ListFilter
from counselor_app.store.records import CallRecord
from counselor_app.vault import Session
from tests.ui.access import mnemonics, unnamed_inputs
from tests.ui.call_data import SUPERVISOR, add_supervisor, calls, insert, open_as
from ui.call_list.delete_dialog import DeleteRecordDialog
from ui.call_list.filters import Period
from ui.call_list.record_dialog import RecordDialog
from ui.call_list.view import CallListView

Maker = Callable[[Session, str], QWidget]


def _record(session: Session) -> CallRecord:
    row = records.list_page(session, ListFilter(), limit=1)[0]
    return records.get(session, row.id)


def _view(session: Session, language: str) -> QWidget:
    view = CallListView(session, language)
    view.filters.set_period(Period.CUSTOM)  # every filter shown
    return view


MAKERS: dict[str, Maker] = {
    "view": _view,
    "record": lambda s, lang: RecordDialog(s, _record(s), lang),
    "delete": lambda s, lang: DeleteRecordDialog(s, _record(s).id, "today"),
}


@pytest.fixture
def supervisor(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    add_supervisor(vault_dir, settings)
    with open_as(vault_dir, SUPERVISOR, settings) as session:
        insert(session, calls(5, [session.user.id]), datetime.now(UTC) - timedelta(hours=1))
        yield session


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(MAKERS))
def test_inputs_are_named_and_mnemonics_unique(
    request: pytest.FixtureRequest, qtbot: QtBot, supervisor: Session, name: str, language: str
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    widget = MAKERS[name](supervisor, language)
    qtbot.addWidget(widget)
    assert unnamed_inputs(widget) == []
    keys = mnemonics(widget)
    assert keys and len(keys) == len(set(keys)), keys


@pytest.mark.usefixtures("french")
def test_the_list_speaks_french(qtbot: QtBot, supervisor: Session) -> None:
    view = CallListView(supervisor, "fr")
    qtbot.addWidget(view)
    view.filters.set_period(Period.ALL)
    titles = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert titles == ["Date et heure", "Durée", "Type d’appel", "Motif", "Écoutant·e"]
    assert view.count_label.text() == "Appels\u00a0: 5"
    assert view.filters.period.currentText() == "Toutes les dates"
