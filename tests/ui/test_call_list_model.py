"""The call list's table model: lazy pages by key, columns in the window's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session
from tests.ui.call_data import calls, insert, open_as, user_ids
from tests.ui.driving import ADMIN, COUNSELOR
from ui.call_list.model import RECORD_ID_ROLE, CallListModel, Column

COUNT = 1000
PAGE = 200


@pytest.fixture
def session(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_as(vault_dir, ADMIN, settings) as admin:
        ids = user_ids(admin)
        insert(admin, calls(COUNT, [ids[ADMIN], ids[COUNSELOR]]))
        yield admin


def _display(model: CallListModel, row: int) -> list[Any]:
    return [model.index(row, column).data() for column in Column]


@pytest.mark.qt_log_level_fail("WARNING")
def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester, session: Session) -> None:
    """Qt's model tester reports by warnings: any warning fails the test."""
    model = CallListModel(session, "en", page_size=50)
    assert model.rowCount() == 50
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.fetchMore(QModelIndex())
    model.set_filter(ListFilter(reason="domestic_violence"))
    model.fetchMore(QModelIndex())
    model.refresh()
    assert model.rowCount() == 50


def test_pages_are_fetched_only_when_asked(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    limits: list[int] = []
    real_page = records.list_page

    def page(*args: Any, **kwargs: Any) -> Any:
        limits.append(kwargs["limit"])
        return real_page(*args, **kwargs)

    monkeypatch.setattr(records, "list_page", page)
    model = CallListModel(session, "en", page_size=PAGE)
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    assert limits == [PAGE + 1]

    seen = [model.record_id(row) for row in range(model.rowCount())]
    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        assert model.rowCount() == min(before + PAGE, COUNT)
        seen += [model.record_id(row) for row in range(before, model.rowCount())]
    assert model.rowCount() == COUNT == records.list_count(session, ListFilter())
    assert len(set(seen)) == COUNT
    assert all(limit == PAGE + 1 for limit in limits)
    assert len(limits) == COUNT // PAGE
    starts = [model.list_row(row).started_at for row in range(COUNT)]
    assert starts == sorted(starts, reverse=True)


def test_a_filter_resets_the_model_to_its_first_page(qtbot: QtBot, session: Session) -> None:
    model = CallListModel(session, "en", page_size=PAGE)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    only = ListFilter(call_kinds=frozenset({"silent"}))
    with qtbot.waitSignal(model.modelReset):
        model.set_filter(only)
    expected = records.list_count(session, only)
    assert 0 < expected < PAGE
    assert model.rowCount() == expected
    assert not model.canFetchMore(QModelIndex())
    assert {model.index(r, Column.KIND).data() for r in range(expected)} == {"Silent call"}


def test_columns_show_labels_local_times_and_durations(session: Session) -> None:
    model = CallListModel(session, "en", page_size=PAGE)
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert titles == ["Date and time", "Duration", "Call kind", "Reason", "Counselor"]
    for row in range(20):
        item = model.list_row(row)
        record = records.get(session, item.id)
        started, duration, kind, reason, counselor = _display(model, row)
        minutes, seconds = divmod(record.duration_s, 60)
        assert duration == f"{minutes}:{seconds:02d}"
        assert kind != record.answers["call_kind"]
        assert counselor in (ADMIN, COUNSELOR)
        if item.reason is None:
            assert reason == "–"
        else:
            assert reason and reason != item.reason
        assert model.index(row, 0).data(RECORD_ID_ROLE) == item.id == model.record_id(row)
        spoken = model.index(row, Column.DURATION).data(Qt.ItemDataRole.AccessibleTextRole)
        assert spoken == f"{minutes} min {seconds} s"
        assert model.index(row, Column.STARTED).data(Qt.ItemDataRole.ToolTipRole)
        assert started


def test_labels_follow_the_language(session: Session) -> None:
    model = CallListModel(session, "fr", filters=ListFilter(reason="domestic_violence"))
    assert model.rowCount() > 0
    assert model.index(0, Column.REASON).data() == "Violences conjugales"


def test_a_counselor_sees_only_her_calls(
    vault_dir: Path, settings: Settings, session: Session
) -> None:
    with open_as(vault_dir, COUNSELOR, settings) as camille:
        model = CallListModel(camille, "en", page_size=PAGE)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        mine = records.list_count(camille, ListFilter())
        assert 0 < mine < COUNT
        assert model.rowCount() == mine
        names = {model.index(r, Column.COUNSELOR).data() for r in range(model.rowCount())}
        assert names == {COUNSELOR}
