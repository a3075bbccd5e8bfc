"""Turning the counts of a period into the report's tables, small counts suppressed.

Every count of every table is filed in one ``Ledger`` under what it means, with
every sum that links counts (within a table and across tables); hiding is then
decided once for the whole report (``privacy.suppression``): counts from 1 to
threshold - 1 are shown ``<5`` and further cells ``x`` wherever a total would give
them away. A figure that is not a count (a median, a share) is hidden ``<5`` when
it rests on fewer records than the threshold, ``x`` when it would give a hidden
count away.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from counselor_app.forms.definition import FormDefinition
from counselor_app.periods import period_bounds
from counselor_app.privacy.suppression import Suppressed
from counselor_app.reports.counting import Scope
from counselor_app.reports.facts import Facts, Opener, Progress, gather
from counselor_app.reports.field_tables import cross_table, field_table, place_tables
from counselor_app.reports.keys import (
    CALLS,
    DELETED,
    EXCLUDED,
    PREVIOUS,
    base_key,
    code_key,
)
from counselor_app.reports.ledger import Cell, Ledger, TableDraft, count, fixed
from counselor_app.reports.model import TOTAL, Method, Report, ReportRequest
from counselor_app.store.db import Connection

DAILY_UP_TO = 31  # days; a longer period is counted by month
WEEKDAYS = tuple(str(d) for d in range(1, 8))  # 1 = Monday
HOURS = tuple(str(h) for h in range(24))


def scope_of(request: ReportRequest) -> Scope:
    start, end = period_bounds(request.start, request.end)
    return Scope(start, end, request.channel, request.counselor_id, request.workstation)


def make_report(
    conn: Connection,
    form: FormDefinition,
    request: ReportRequest,
    *,
    program_version: str,
    training: bool,
    organisation: str = "",
    logo: Path | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    opener: Opener | None = None,
) -> Report:
    """``progress(done, total)`` is told as the counting goes; it may raise to stop it.
    ``opener`` gives a second connection to count on two cores (see ``facts.gather``)."""
    facts = gather(conn, form, scope_of(request), progress, opener)
    method = Method(
        form_versions=(),
        deleted="",
        excluded="",
        generated_at=(now or datetime.now()).astimezone(),
        program_version=program_version,
        training=training,
        organisation=organisation,
        logo=logo,
    )
    return assemble(facts, form, request, method)


def assemble(facts: Facts, form: FormDefinition, request: ReportRequest, method: Method) -> Report:
    """The report's tables from ``facts``; the counts of ``method`` are filled in here."""
    days = (request.end - request.start).days + 1
    granularity: Literal["month", "day"] = "day" if days <= DAILY_UP_TO else "month"
    ledger = Ledger()
    ledger.cell(CALLS, facts.calls)
    drafts: list[TableDraft] = [
        overview_table(ledger, facts, form, request.threshold),
        volume_table(ledger, facts, request, granularity),
        heatmap_table(ledger, facts, request, granularity),
    ]
    for field in form.fields():
        if field.type == "text":
            continue
        if field.code == "victim_department":
            drafts += place_tables(ledger, facts, form, field)
        else:
            drafts.append(field_table(ledger, facts, form, field))
    drafts.append(cross_table(ledger, facts, form))
    forms = method_counts(ledger, facts)
    cells = ledger.settle(request.threshold)
    tables = tuple(draft.render(cells) for draft in drafts)
    method = replace(
        method,
        form_versions=tuple((name, version, cells.shown(key)) for name, version, key in forms),
        deleted=cells.shown(DELETED),
        excluded=cells.shown(EXCLUDED),
    )
    return Report(request, tables, method, form, granularity)


def method_counts(ledger: Ledger, facts: Facts) -> list[tuple[str, int, Hashable]]:
    forms = [
        (name, version, ledger.cell(("form", name, version), n))
        for (name, version), n in sorted(facts.forms.items())
    ]
    ledger.total(CALLS, [key for _, _, key in forms])
    ledger.cell(DELETED, facts.deleted)
    # Not tied to the calls by a sum: the records of the period before filtering are
    # published nowhere in this report.
    ledger.cell(EXCLUDED, facts.in_period - facts.calls)
    return forms


# --- time ------------------------------------------------------------------------------


def _periods(request: ReportRequest, granularity: str) -> list[str]:
    out: list[str] = []
    day = request.start
    while day <= request.end:
        key = day.isoformat() if granularity == "day" else day.strftime("%Y-%m")
        if not out or out[-1] != key:
            out.append(key)
        day += timedelta(days=1)
    return out


def volume_table(
    ledger: Ledger, facts: Facts, request: ReportRequest, granularity: str
) -> TableDraft:
    counts: Counter[str] = Counter()
    for moment, n in facts.hours.items():
        local = datetime.fromtimestamp(moment).date()
        counts[local.isoformat() if granularity == "day" else local.strftime("%Y-%m")] += n
    rows = _periods(request, granularity)
    keys = [ledger.cell(("period", r), counts[r]) for r in rows]
    ledger.total(CALLS, keys)
    cells: dict[tuple[str, str], Cell] = {
        (r, "count"): count(k) for r, k in zip(rows, keys, strict=True)
    }
    cells[(TOTAL, "count")] = count(CALLS)
    return TableDraft(f"volume_{granularity}", "volume", (*rows, TOTAL), ("count",), cells)


def heatmap_table(
    ledger: Ledger, facts: Facts, request: ReportRequest, granularity: str
) -> TableDraft:
    grid: Counter[tuple[str, str]] = Counter()
    for moment, n in facts.hours.items():
        local = datetime.fromtimestamp(moment)
        grid[(str(local.isoweekday()), str(local.hour))] += n
    cells: dict[tuple[str, str], Cell] = {}
    for d in WEEKDAYS:
        keys = [ledger.cell(("hm", d, h), grid[(d, h)]) for h in HOURS]
        ledger.cell(("weekday", d), sum(grid[(d, h)] for h in HOURS))
        ledger.total(("weekday", d), keys)
        cells.update({(d, h): count(k) for h, k in zip(HOURS, keys, strict=True)})
        cells[(d, TOTAL)] = count(("weekday", d))
    for h in HOURS:
        ledger.cell(("hour", h), sum(grid[(d, h)] for d in WEEKDAYS))
        ledger.total(("hour", h), [("hm", d, h) for d in WEEKDAYS])
        cells[(TOTAL, h)] = count(("hour", h))
    ledger.total(CALLS, [("weekday", d) for d in WEEKDAYS])
    ledger.total(CALLS, [("hour", h) for h in HOURS])
    cells[(TOTAL, TOTAL)] = count(CALLS)
    if granularity == "day":  # each weekday's total is also the sum of its days
        days: dict[str, list[Hashable]] = {d: [] for d in WEEKDAYS}
        day = request.start
        while day <= request.end:
            days[str(day.isoweekday())].append(("period", day.isoformat()))
            day += timedelta(days=1)
        for d, keys in days.items():
            ledger.total(("weekday", d), keys)
    return TableDraft("heatmap", "heatmap", (*WEEKDAYS, TOTAL), (*HOURS, TOTAL), cells)


# --- the overview ----------------------------------------------------------------------


def _nearest_rank(histogram: Mapping[int, int], share: float) -> int | None:
    total = sum(histogram.values())
    if total == 0:
        return None
    rank = max(1, math.ceil(share * total))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return None  # pragma: no cover - the ranks add up to the total


def overview_table(
    ledger: Ledger, facts: Facts, form: FormDefinition, threshold: int
) -> TableDraft:
    call_kind = form.field("call_kind")
    assert call_kind is not None
    kinds = {
        c: ledger.cell(code_key("call_kind", c), facts.codes.get(("call_kind", c), 0))
        for c in call_kind.codes
    }
    substantive_key = base_key(form.definitions["substantive"])
    substantive = ledger.cell(substantive_key, sum(facts.durations.values()))
    listed = [c for c in call_kind.codes if c not in form.non_substantive_kinds]
    ledger.total(substantive_key, [kinds[c] for c in listed])
    ledger.total(CALLS, [substantive_key, *(kinds[k] for k in form.non_substantive_kinds)])
    small = f"<{threshold}"

    def figure(value: str, based_on: int) -> Cell:
        return fixed(small if 0 < based_on < threshold else value)

    median = _nearest_rank(facts.durations, 0.5)
    p90 = _nearest_rank(facts.durations, 0.9)
    hours = sum(d * n for d, n in facts.durations.items()) / 3600
    yes_key, no_key = code_key("first_contact", "yes"), code_key("first_contact", "no")
    yes = ledger.cell(yes_key, facts.codes.get(("first_contact", "yes"), 0))
    no = ledger.cell(no_key, facts.codes.get(("first_contact", "no"), 0))
    answered = facts.codes.get(("first_contact", "yes"), 0) + facts.codes.get(
        ("first_contact", "no"), 0
    )

    def first_contact(cells: Suppressed) -> str:
        if 0 < answered < threshold:
            return small
        if cells.is_hidden(yes) or cells.is_hidden(no):
            return "x"  # the share would give a hidden count away
        return "" if answered == 0 else _percent(cells.counts[yes], answered)

    rows: dict[str, Cell] = {"calls": count(CALLS), "substantive": count(substantive)}
    rows.update({k: count(kinds[k]) for k in form.non_substantive_kinds})
    based_on = ledger.counts[substantive]
    rows["median_duration_s"] = figure("" if median is None else str(median), based_on)
    rows["p90_duration_s"] = figure("" if p90 is None else str(p90), based_on)
    rows["listening_hours"] = figure(f"{hours:.1f}", based_on)
    rows["first_contact_percent"] = first_contact
    if facts.previous_calls is None:
        rows["previous_calls"] = rows["change_percent"] = fixed("")
    else:
        previous = ledger.cell(PREVIOUS, facts.previous_calls)
        before = facts.previous_calls

        def change(cells: Suppressed) -> str:
            if cells.is_hidden(previous) or cells.is_hidden(CALLS):
                return "x"
            return "" if before == 0 else f"{100 * (facts.calls - before) / before:.1f}"

        rows["previous_calls"] = count(previous)
        rows["change_percent"] = change
    return TableDraft(
        "overview", "overview", tuple(rows), ("value",), {(r, "value"): c for r, c in rows.items()}
    )


def _percent(part: int, whole: int) -> str:
    return "0.0" if whole == 0 else f"{100 * part / whole:.1f}"
