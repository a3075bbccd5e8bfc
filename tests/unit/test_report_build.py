"""The report's tables from hand-made calls: grouping, local time, hidden figures."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from counselor_app.forms.catalogue import default_form
from counselor_app.forms.expression import Answer
from counselor_app.periods import period_bounds
from counselor_app.reports.build import assemble
from counselor_app.reports.counting import Scope
from counselor_app.reports.hours import hour_starts
from counselor_app.reports.model import Method, Report, ReportRequest
from counselor_app.store.records import CallRecord
from tests.report_support import a_call, facts_of

FORM = default_form()
METHOD = Method((), "", "", datetime(2026, 1, 1).astimezone(), "1.0", False)


START, END = date(2026, 1, 1), date(2026, 3, 31)
DAY = datetime(2026, 2, 10, 10).astimezone()
SILENT: dict[str, Answer] = {"call_kind": "silent", "channel": "phone"}
INFO: dict[str, Answer] = {
    "call_kind": "relative",
    "channel": "phone",
    "reason": "information",
    "response": ["listening"],
}
VICTIM: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "35_44",
    "author_relation": "spouse",
    "violence_types": ["physical"],
    "response": ["listening"],
}


def calls_of(*groups: tuple[int, dict[str, Answer], int]) -> list[CallRecord]:
    """(how many, answers, seconds) -> that many calls, ten minutes apart from DAY."""
    made: list[CallRecord] = []
    for many, answers, seconds in groups:
        start = len(made)
        made += [
            a_call(answers, DAY + timedelta(minutes=10 * (start + i)), seconds) for i in range(many)
        ]
    return made


def report(
    calls: list[CallRecord], start: date = START, end: date = END, before: int = 0
) -> Report:
    low, high = period_bounds(start, end)
    made = replace(facts_of(calls, Scope(low, high)), previous_calls=before)
    return assemble(made, FORM, ReportRequest(start, end, threshold=5), METHOD)


def test_overview_hides_small_kinds_and_figures_resting_on_few_calls() -> None:
    table = report(calls_of((3, INFO, 600), (10, SILENT, 0)), before=3).table("overview")
    assert table.text("calls", "value") == "13"
    assert table.text("substantive", "value") == "<5"
    assert table.text("silent", "value") == "x"  # else 13 - 10 gives the 3 away
    assert table.text("median_duration_s", "value") == "<5"
    assert table.text("listening_hours", "value") == "<5"
    assert table.text("previous_calls", "value") == "<5"
    assert table.text("change_percent", "value") == "x"
    assert table.text("first_contact_percent", "value") == ""


def test_the_overview_and_the_call_kinds_hide_the_same_cells() -> None:
    hangup: dict[str, Answer] = {**SILENT, "call_kind": "hangup"}
    made = report(calls_of((3, SILENT, 0), (8, hangup, 0), (36, INFO, 60)))
    overview, kinds = made.table("overview"), made.table("call_kind")
    for kind in ("silent", "hangup", "wrong_number"):
        assert overview.text(kind, "value") == kinds.text(kind, "count"), kind
    assert overview.text("silent", "value") == "<5"
    assert "x" in [overview.text(r, "value") for r in ("hangup", "substantive", "calls")]


def test_overview_figures_when_there_are_enough_calls() -> None:
    yes: dict[str, Answer] = {**INFO, "first_contact": "yes"}
    no: dict[str, Answer] = {**INFO, "first_contact": "no"}
    calls = calls_of((6, yes, 60), (10, no, 120), (8, no, 600), (6, no, 3600))
    table = report(calls, before=20).table("overview")
    assert table.text("median_duration_s", "value") == "120"
    assert table.text("p90_duration_s", "value") == "3600"
    hours = (6 * 60 + 10 * 120 + 8 * 600 + 6 * 3600) / 3600
    assert table.text("listening_hours", "value") == f"{hours:.1f}"
    assert table.text("first_contact_percent", "value") == "20.0"
    assert table.text("change_percent", "value") == "50.0"


def test_a_share_of_a_hidden_count_is_hidden() -> None:
    yes: dict[str, Answer] = {**INFO, "first_contact": "yes"}
    no: dict[str, Answer] = {**INFO, "first_contact": "no"}
    made = report(calls_of((2, yes, 60), (18, no, 60)))
    assert made.table("first_contact").text("yes", "count") == "<5"
    assert made.table("overview").text("first_contact_percent", "value") == "x"


def test_departements_top_fifteen_then_the_rest_grouped() -> None:
    groups = [(40 - n, {**VICTIM, "victim_department": f"{n:02d}"}, 60) for n in range(1, 20)]
    groups += [(7, {**VICTIM, "victim_department": "abroad"}, 60), (11, VICTIM, 60)]
    groups += [(3, {**VICTIM, "victim_department": "2B"}, 60)]
    groups += [(45, {**VICTIM, "victim_department": "2A"}, 60)]
    made = report(calls_of(*groups), START, date(2026, 12, 31))
    table = made.table("victim_department")
    assert table.body_rows() == (
        "2A",
        *(f"{n:02d}" for n in range(1, 15)),
        "other_departments",
        "abroad",
        "unknown",
        "not_answered",
    )
    assert table.text("not_answered", "count") in ("11", "x")
    assert table.text("unknown", "count") == "0"
    regions = made.table("region")
    # 01 Ain, 03 Allier, 07 Ardèche: Auvergne-Rhône-Alpes (84); 15 Cantal is grouped
    assert regions.text("84", "count") == str(39 + 37 + 33 + 25)
    # Corse is 2A (shown) and 2B (3, grouped): one of the two must not be shown.
    assert "x" in (regions.text("94", "count"), table.text("2A", "count"))


def test_volume_by_day_for_a_short_period_in_local_time() -> None:
    late = datetime(2026, 2, 3, 23, 30).astimezone()
    calls = [a_call(SILENT, late) for _ in range(7)]
    made = report(calls, date(2026, 2, 1), date(2026, 2, 28))
    volume = made.table("volume_day")
    assert len(volume.body_rows()) == 28
    assert volume.text("2026-02-03", "count") == "7"
    heatmap = made.table("heatmap")
    assert heatmap.text("2", "23") == "7"  # a Tuesday, 23 h local time
    assert heatmap.text("total", "total") == "7"


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("name", ["Europe/Paris", "Asia/Kolkata", "America/St_Johns"])
def test_hours_start_on_local_hours_across_a_change_of_clocks(
    zone: Callable[[str], None], name: str
) -> None:
    zone(name)
    low = int(datetime(2026, 3, 28).astimezone().timestamp())
    high = int(datetime(2026, 3, 31).astimezone().timestamp())
    starts = hour_starts(low, high)
    assert starts[0] == low
    assert all(datetime.fromtimestamp(t).minute == 0 for t in starts)
    # 72 local hours, one fewer where the clocks go forward in the period
    assert len(starts) in (71, 72)
    assert len(starts) == (high - low) // 3600
