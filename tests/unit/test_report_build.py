"""The report's tables from hand-made counts: grouping, local time, hidden figures."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest

from counselor_app.forms.catalogue import default_form
from counselor_app.reports.build import assemble
from counselor_app.reports.facts import Facts, hour_starts
from counselor_app.reports.model import Method, Report, ReportRequest

FORM = default_form()
METHOD = Method((), 0, 0, datetime(2026, 1, 1).astimezone(), "1.0", False)


def facts(**changes: object) -> Facts:
    base: dict[str, object] = {
        "calls": 0,
        "previous_calls": 0,
        "codes": {},
        "bases": {f.code: 0 for f in FORM.fields() if f.type != "text"},
        "hours": {},
        "durations": {},
        "pairs": {},
        "forms": {},
        "in_period": 0,
        "deleted": 0,
    }
    base.update(changes)
    return Facts(**base)  # type: ignore[arg-type]


def report(made: Facts, start: date = date(2026, 1, 1), end: date = date(2026, 3, 31)) -> Report:
    return assemble(made, FORM, ReportRequest(start, end, threshold=5), METHOD)


def test_overview_hides_small_kinds_and_figures_resting_on_few_calls() -> None:
    made = facts(
        calls=13,
        previous_calls=3,
        codes={("call_kind", "victim"): 3, ("call_kind", "silent"): 10},
        durations={600: 2, 900: 1},
    )
    table = report(made).table("overview")
    assert table.text("calls", "value") == "13"
    assert table.text("substantive", "value") == "<5"
    assert table.text("silent", "value") == "x"  # else 13 - 10 gives the 3 away
    assert table.text("median_duration_s", "value") == "<5"
    assert table.text("listening_hours", "value") == "<5"
    assert table.text("previous_calls", "value") == "<5"
    assert table.text("change_percent", "value") == "x"
    assert table.text("first_contact_percent", "value") == ""


def test_overview_figures_when_there_are_enough_calls() -> None:
    made = facts(
        calls=30,
        previous_calls=20,
        codes={
            ("call_kind", "victim"): 30,
            ("first_contact", "yes"): 6,
            ("first_contact", "no"): 18,
        },
        durations={60: 10, 120: 10, 600: 9, 3600: 1},
    )
    table = report(made).table("overview")
    assert table.text("median_duration_s", "value") == "120"
    assert table.text("p90_duration_s", "value") == "600"
    assert table.text("listening_hours", "value") == f"{(600 + 1200 + 5400 + 3600) / 3600:.1f}"
    assert table.text("first_contact_percent", "value") == "25.0"
    assert table.text("change_percent", "value") == "50.0"


def test_departements_top_fifteen_then_the_rest_grouped() -> None:
    counts = {f"{n:02d}": 100 - n for n in range(1, 20)}
    counts["21"] = 80
    counts["abroad"] = 7
    codes = {("victim_department", code): n for code, n in counts.items()}
    base = sum(counts.values()) + 11
    made = facts(calls=base, codes=codes, bases={**facts().bases, "victim_department": base})
    table = report(made).table("victim_department")
    assert table.body_rows() == (
        *(f"{n:02d}" for n in range(1, 16)),
        "other_departments",
        "abroad",
        "unknown",
        "not_answered",
    )
    assert table.text("other_departments", "count") == str(sum(100 - n for n in range(16, 20)) + 80)
    assert table.text("not_answered", "count") == "11"
    assert table.text("unknown", "count") == "0"
    regions = report(made).table("region")
    # 01 Ain, 03 Allier, 07 Ardèche, 15 Cantal: Auvergne-Rhône-Alpes (84)
    assert regions.text("84", "count") == str(99 + 97 + 93 + 85)
    assert regions.text("total", "count") == str(base)


def test_volume_by_day_for_a_short_period_in_local_time() -> None:
    moment = int(datetime(2026, 2, 3, 23, 0).astimezone().timestamp())
    made = facts(calls=7, hours={moment: 7})
    made_report = report(made, date(2026, 2, 1), date(2026, 2, 28))
    volume = made_report.table("volume_day")
    assert len(volume.body_rows()) == 28
    assert volume.text("2026-02-03", "count") == "7"
    heatmap = made_report.table("heatmap")
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
