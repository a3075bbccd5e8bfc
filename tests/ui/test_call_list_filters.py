"""The filter bar over the call list: periods in local days, kinds, reasons, counselors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session
from tests.ui.call_data import calls, insert, open_as, timezone, user_ids
from tests.ui.driving import ADMIN, COUNSELOR, Keyboard
from ui.call_list.filters import CallFilterBar, Period, period_days, week_start
from ui.call_list.model import Column
from ui.call_list.view import CallListView

COUNT = 600


@pytest.fixture
def admin(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_as(vault_dir, ADMIN, settings) as session:
        ids = user_ids(session)
        insert(session, calls(COUNT, [ids[ADMIN], ids[COUNSELOR]], days=40))
        yield session


@pytest.fixture
def counselor(admin: Session, vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_as(vault_dir, COUNSELOR, settings) as session:
        yield session


def show(qtbot: QtBot, session: Session, language: str = "en") -> CallListView:
    view = CallListView(session, language)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    return view


def all_rows(view: CallListView) -> int:
    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())
    return view.model.rowCount()


def column(view: CallListView, which: Column) -> set[str]:
    return {view.model.index(r, which).data() for r in range(view.model.rowCount())}


def test_periods_are_whole_local_days() -> None:
    wednesday = date(2025, 3, 5)
    assert week_start(wednesday, 1) == date(2025, 3, 3)
    assert week_start(wednesday, 7) == date(2025, 3, 2)
    assert week_start(date(2025, 3, 3), 1) == date(2025, 3, 3)
    custom = (date(2025, 2, 1), date(2025, 1, 10))
    assert period_days(Period.TODAY, wednesday, 1, custom) == (wednesday, wednesday)
    assert period_days(Period.WEEK, wednesday, 1, custom) == (date(2025, 3, 3), date(2025, 3, 9))
    assert period_days(Period.MONTH, date(2024, 2, 10), 1, custom) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    assert period_days(Period.CUSTOM, wednesday, 1, custom) == (date(2025, 1, 10), date(2025, 2, 1))
    assert period_days(Period.ALL, wednesday, 1, custom) == (None, None)


@pytest.fixture
def paris() -> Iterator[None]:
    with timezone("Europe/Paris"):
        yield


@pytest.mark.usefixtures("paris")
def test_days_become_utc_bounds_start_included_end_excluded(qtbot: QtBot, admin: Session) -> None:
    day = date(2025, 7, 14)
    bar = CallFilterBar(admin, "en", today=lambda: day)
    qtbot.addWidget(bar)
    assert bar.current_period() is Period.TODAY
    today = bar.current_filter()
    assert today.start == datetime(2025, 7, 13, 22, 0, tzinfo=UTC)  # midnight in Paris
    assert today.end == datetime(2025, 7, 14, 22, 0, tzinfo=UTC)
    assert today.start is not None and today.start.tzinfo is UTC

    with qtbot.waitSignal(bar.changed) as changed:
        bar.set_period(Period.CUSTOM)
    assert bar.start.isVisibleTo(bar) and bar.end.isVisibleTo(bar)
    bar.start.setDate(QDate(2025, 1, 1))
    bar.end.setDate(QDate(2025, 1, 31))
    chosen = bar.current_filter()
    assert chosen.start == datetime(2024, 12, 31, 23, 0, tzinfo=UTC)  # winter time
    assert chosen.end == datetime(2025, 1, 31, 23, 0, tzinfo=UTC)
    assert isinstance(changed.args[0], ListFilter)

    bar.set_period(Period.ALL)
    assert not bar.start.isVisibleTo(bar)
    assert bar.current_filter() == ListFilter()


def test_choices_by_keyboard_change_the_rows(
    qtbot: QtBot, keyboard: Keyboard, admin: Session
) -> None:
    view = show(qtbot, admin)
    today = view.filters.current_filter()
    assert view.model.rowCount() == records.list_count(admin, today)
    assert view.count_label.text() == f"Calls: {records.list_count(admin, today)}"

    keyboard.focus()
    keyboard.alt(Qt.Key.Key_P)
    keyboard.wait_focus(view.filters.period)
    keyboard.press(Qt.Key.Key_End)  # All dates
    assert view.filters.current_period() is Period.ALL
    assert records.list_count(admin, ListFilter()) == COUNT
    assert view.count_label.text() == f"Calls: {COUNT}"

    keyboard.alt(Qt.Key.Key_K)
    keyboard.wait_focus(view.filters.kind)
    keyboard.press(Qt.Key.Key_Down)  # the first kind: Victim
    victims = ListFilter(call_kinds=frozenset({"victim"}))
    assert view.filters.current_filter() == victims
    assert all_rows(view) == records.list_count(admin, victims) > 0
    assert column(view, Column.KIND) == {"Victim"}

    keyboard.alt(Qt.Key.Key_R)
    keyboard.wait_focus(view.filters.reason)
    keyboard.press(Qt.Key.Key_Down)  # Domestic violence
    both = ListFilter(call_kinds=frozenset({"victim"}), reason="domestic_violence")
    assert all_rows(view) == records.list_count(admin, both) > 0
    assert column(view, Column.REASON) == {"Domestic violence"}

    counselor = view.filters.counselor
    assert counselor is not None
    keyboard.alt(Qt.Key.Key_N)
    keyboard.wait_focus(counselor)
    while counselor.currentText() != COUNSELOR:
        keyboard.press(Qt.Key.Key_Down)
    hers = ListFilter(
        call_kinds=frozenset({"victim"}),
        reason="domestic_violence",
        counselor_id=user_ids(admin)[COUNSELOR],
    )
    assert view.filters.current_filter() == hers
    assert all_rows(view) == records.list_count(admin, hers) > 0
    assert column(view, Column.COUNSELOR) == {COUNSELOR}


def test_tab_goes_through_the_filters_then_the_list(
    qtbot: QtBot, keyboard: Keyboard, admin: Session
) -> None:
    view = show(qtbot, admin)
    view.filters.period.setFocus()
    bar = view.filters
    expected = [bar.period, bar.kind, bar.reason, bar.counselor, view.table]
    visited = [keyboard.focus()]
    for _ in expected[1:]:
        keyboard.press(Qt.Key.Key_Tab)
        visited.append(keyboard.focus())
    assert visited == expected

    # With chosen dates, Tab goes through each date's day, month and year, then on.
    bar.set_period(Period.CUSTOM)
    bar.period.setFocus()
    stops: list[object] = []
    for _ in range(bar.start.sectionCount() + bar.end.sectionCount() + 1):
        keyboard.press(Qt.Key.Key_Tab)
        if not stops or stops[-1] is not keyboard.focus():
            stops.append(keyboard.focus())
        if stops[-1] is bar.kind:
            break
    assert stops == [bar.start, bar.end, bar.kind]


def test_a_counselor_has_no_counselor_filter_and_sees_her_calls(
    qtbot: QtBot, keyboard: Keyboard, counselor: Session
) -> None:
    view = show(qtbot, counselor)
    assert view.filters.counselor is None
    assert "counselor" not in {w.objectName() for w in view.filters.inputs()}
    view.filters.set_period(Period.ALL)
    mine = records.list_count(counselor, ListFilter())
    assert 0 < mine < COUNT
    assert all_rows(view) == mine
    assert column(view, Column.COUNSELOR) == {COUNSELOR}
    assert view.count_label.text() == f"Calls: {mine}"


def test_a_week_is_seven_days(qtbot: QtBot, admin: Session) -> None:
    bar = CallFilterBar(admin, "fr", today=lambda: date(2025, 3, 5))
    qtbot.addWidget(bar)
    bar.set_period(Period.WEEK)
    first, last = bar.days()
    assert first is not None and last is not None
    assert last - first == timedelta(days=6)
    assert first <= date(2025, 3, 5) <= last
    start, end = bar.current_filter().start, bar.current_filter().end
    assert start is not None and end is not None
    local = datetime.combine(first, time.min).astimezone()
    assert start == local.astimezone(UTC)
    assert [bar.kind.itemText(i) for i in range(3)] == [
        "All kinds",
        "Victime",
        "Proche (famille, ami·e)",
    ]


def test_refresh_after_midnight_shows_the_new_day(qtbot: QtBot, admin: Session) -> None:
    days = [date(2025, 3, 5)]
    view = CallListView(admin, "en", today=lambda: days[-1])
    qtbot.addWidget(view)
    before = view.model.filters.start
    days.append(date(2025, 3, 6))
    view.refresh()
    after = view.model.filters.start
    assert before is not None and after is not None
    assert after - before == timedelta(days=1)
