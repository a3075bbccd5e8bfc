"""Turning the counts of a period into the report's tables, small counts suppressed.

Every table goes through ``privacy.suppression``: counts from 1 to threshold - 1
are shown ``<5`` and further cells ``x`` wherever a total would give them away.
A figure that is not a count (a median, a share) is hidden ``<5`` when it rests
on fewer records than the threshold.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.periods import period_bounds
from counselor_app.privacy.suppression import Sum, cross, one_way, suppress
from counselor_app.reports.counting import Scope
from counselor_app.reports.facts import CROSS, Facts, Opener, Progress, gather
from counselor_app.reports.geography import departements, regions
from counselor_app.reports.model import (
    NOT_ANSWERED,
    OTHER_DEPARTMENTS,
    TOTAL,
    Method,
    Report,
    ReportRequest,
    Table,
)
from counselor_app.store.db import Connection

TOP_DEPARTMENTS = 15
DAILY_UP_TO = 31  # days; a longer period is counted by month
WEEKDAYS = tuple(str(d) for d in range(1, 8))  # 1 = Monday
HOURS = tuple(str(h) for h in range(24))


def scope_of(request: ReportRequest) -> Scope:
    start, end = period_bounds(request.start, request.end)
    return Scope(start, end, request.channel, request.counselor_id)


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
    return assemble(
        facts,
        form,
        request,
        Method(
            form_versions=tuple(
                (name, version, n) for (name, version), n in sorted(facts.forms.items())
            ),
            deleted=facts.deleted,
            excluded=facts.in_period - facts.calls,
            generated_at=(now or datetime.now()).astimezone(),
            program_version=program_version,
            training=training,
            organisation=organisation,
            logo=logo,
        ),
    )


def assemble(facts: Facts, form: FormDefinition, request: ReportRequest, method: Method) -> Report:
    threshold = request.threshold
    days = (request.end - request.start).days + 1
    granularity: Literal["month", "day"] = "day" if days <= DAILY_UP_TO else "month"
    tables: list[Table] = [
        overview_table(facts, form, threshold),
        volume_table(facts, request, granularity, threshold),
        heatmap_table(facts, threshold),
    ]
    for field in form.fields():
        if field.type == "text":
            continue
        if field.code == "victim_department":
            tables.append(region_table(facts, threshold))
            tables.append(department_table(facts, threshold))
        else:
            tables.append(field_table(facts, field, threshold))
    tables.append(cross_table(facts, form, threshold))
    return Report(request, tuple(tables), method, form, granularity)


# --- helpers ---------------------------------------------------------------------------


def _percent(part: int, whole: int) -> str:
    return "0.0" if whole == 0 else f"{100 * part / whole:.1f}"


def _one_way(
    name: str,
    rows: list[str],
    counts: Mapping[str, int],
    base: int,
    threshold: int,
    *,
    additive: bool,
    field: str | None,
) -> Table:
    cells = one_way({r: counts.get(r, 0) for r in rows}, base, threshold, additive=additive)
    out: dict[tuple[str, str], str] = {}
    for row in (*rows, TOTAL):
        out[(row, "count")] = cells.shown(row)
        out[(row, "percent")] = (
            cells.shown(row) if cells.is_hidden(row) else _percent(cells.counts[row], base)
        )
    return Table(name, "field", (*rows, TOTAL), ("count", "percent"), out, base, field)


def _field_counts(facts: Facts, field: Field) -> dict[str, int]:
    counts = {code: n for (f, code), n in facts.codes.items() if f == field.code}
    if field.type in ("single", "yesno", "integer"):
        counts[NOT_ANSWERED] = facts.bases[field.code] - sum(counts.values())
    return counts


def _rows(field: Field, counts: Mapping[str, int]) -> list[str]:
    codes = (
        list(field.codes)
        if field.codes
        else sorted((c for c in counts if c != NOT_ANSWERED), key=lambda c: (len(c), c))
    )
    extra = sorted(c for c in counts if c not in codes and c != NOT_ANSWERED and counts[c])
    return [*codes, *extra, *([NOT_ANSWERED] if counts.get(NOT_ANSWERED) else [])]


# --- the tables ------------------------------------------------------------------------


def field_table(facts: Facts, field: Field, threshold: int) -> Table:
    counts = _field_counts(facts, field)
    return _one_way(
        field.code,
        _rows(field, counts),
        counts,
        facts.bases[field.code],
        threshold,
        additive=field.type != "multiple",
        field=field.code,
    )


def region_table(facts: Facts, threshold: int) -> Table:
    by_department = {c: n for (f, c), n in facts.codes.items() if f == "victim_department"}
    reference = departements()
    counts: Counter[str] = Counter()
    for code, n in by_department.items():
        counts[reference[code].region_code if code in reference else code] += n
    base = facts.bases["victim_department"]
    counts[NOT_ANSWERED] = base - sum(by_department.values())
    rows = [*regions(), "abroad", "unknown"]
    rows += sorted(c for c in counts if c not in rows and c != NOT_ANSWERED and counts[c])
    if counts[NOT_ANSWERED]:
        rows.append(NOT_ANSWERED)
    return _one_way("region", rows, counts, base, threshold, additive=True, field=None)


def department_table(facts: Facts, threshold: int) -> Table:
    by_department = {c: n for (f, c), n in facts.codes.items() if f == "victim_department"}
    reference = departements()
    ranked = sorted(
        (c for c, n in by_department.items() if c in reference and n > 0),
        key=lambda c: (-by_department[c], c),
    )
    top = ranked[:TOP_DEPARTMENTS]
    counts: dict[str, int] = {c: by_department[c] for c in top}
    counts[OTHER_DEPARTMENTS] = sum(
        n for c, n in by_department.items() if c not in top and c not in ("abroad", "unknown")
    )
    for code in ("abroad", "unknown"):
        counts[code] = by_department.get(code, 0)
    base = facts.bases["victim_department"]
    counts[NOT_ANSWERED] = base - sum(by_department.values())
    rows = [*top, OTHER_DEPARTMENTS, "abroad", "unknown"]
    if counts[NOT_ANSWERED]:
        rows.append(NOT_ANSWERED)
    return _one_way(
        "victim_department", rows, counts, base, threshold, additive=True, field="victim_department"
    )


def cross_table(facts: Facts, form: FormDefinition, threshold: int) -> Table:
    row_field, column_field = (form.field(code) for code in CROSS)
    assert row_field is not None and column_field is not None
    base = facts.bases[row_field.code]
    row_totals = {r: facts.codes.get((row_field.code, r), 0) for r in row_field.codes}
    columns = [*column_field.codes, NOT_ANSWERED]
    cells = {
        (r, c): facts.pairs.get((r, c), 0) for r in row_field.codes for c in column_field.codes
    }
    for r in row_field.codes:
        cells[(r, NOT_ANSWERED)] = row_totals[r] - sum(cells[(r, c)] for c in column_field.codes)
    column_totals = {c: facts.codes.get((column_field.code, c), 0) for c in column_field.codes}
    column_totals[NOT_ANSWERED] = base - sum(column_totals.values())
    result = cross(
        cells,
        list(row_field.codes),
        columns,
        row_totals=row_totals,
        column_totals=column_totals,
        grand_total=base,
        threshold=threshold,
        additive_columns=False,
    )
    rows = (*row_field.codes, TOTAL)
    all_columns = (*columns, TOTAL)
    text = {(r, c): result.shown((r, c)) for r in rows for c in all_columns}
    return Table(
        f"{row_field.code}_x_{column_field.code}",
        "cross",
        rows,
        all_columns,
        text,
        base,
        row_field.code,
        column_field.code,
    )


def heatmap_table(facts: Facts, threshold: int) -> Table:
    grid: Counter[tuple[str, str]] = Counter()
    for moment, n in facts.hours.items():
        local = datetime.fromtimestamp(moment)
        grid[(str(local.isoweekday()), str(local.hour))] += n
    row_totals = {d: sum(grid[(d, h)] for h in HOURS) for d in WEEKDAYS}
    column_totals = {h: sum(grid[(d, h)] for d in WEEKDAYS) for h in HOURS}
    result = cross(
        dict(grid),
        WEEKDAYS,
        HOURS,
        row_totals=row_totals,
        column_totals=column_totals,
        grand_total=sum(grid.values()),
        threshold=threshold,
    )
    rows = (*WEEKDAYS, TOTAL)
    columns = (*HOURS, TOTAL)
    text = {(r, c): result.shown((r, c)) for r in rows for c in columns}
    return Table("heatmap", "heatmap", rows, columns, text)


def _periods(request: ReportRequest, granularity: str) -> list[str]:
    out: list[str] = []
    day = request.start
    while day <= request.end:
        key = day.isoformat() if granularity == "day" else day.strftime("%Y-%m")
        if not out or out[-1] != key:
            out.append(key)
        day += timedelta(days=1)
    return out


def volume_table(facts: Facts, request: ReportRequest, granularity: str, threshold: int) -> Table:
    counts: Counter[str] = Counter()
    for moment, n in facts.hours.items():
        local = datetime.fromtimestamp(moment).date()
        counts[local.isoformat() if granularity == "day" else local.strftime("%Y-%m")] += n
    rows = _periods(request, granularity)
    result = one_way({r: counts[r] for r in rows}, facts.calls, threshold)
    text = {(r, "count"): result.shown(r) for r in (*rows, TOTAL)}
    return Table(f"volume_{granularity}", "volume", (*rows, TOTAL), ("count",), text)


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


def overview_table(facts: Facts, form: FormDefinition, threshold: int) -> Table:
    kinds = {c: n for (f, c), n in facts.codes.items() if f == "call_kind"}
    substantive = sum(facts.durations.values())
    counts: dict[Hashable, int] = {"calls": facts.calls, "substantive": substantive}
    for kind in form.non_substantive_kinds:
        counts[kind] = kinds.get(kind, 0)
    sums = [Sum("calls", ("substantive", *form.non_substantive_kinds))]
    if facts.previous_calls is not None:
        counts["previous_calls"] = facts.previous_calls
    cells = suppress(counts, sums, threshold)
    small = f"<{threshold}"

    def figure(value: str, based_on: int) -> str:
        return small if 0 < based_on < threshold else value

    median = _nearest_rank(facts.durations, 0.5)
    p90 = _nearest_rank(facts.durations, 0.9)
    hours = sum(d * n for d, n in facts.durations.items()) / 3600
    first_yes = facts.codes.get(("first_contact", "yes"), 0)
    first_answered = first_yes + facts.codes.get(("first_contact", "no"), 0)
    text: dict[str, str] = {str(k): cells.shown(k) for k in counts}
    text["median_duration_s"] = figure("" if median is None else str(median), substantive)
    text["p90_duration_s"] = figure("" if p90 is None else str(p90), substantive)
    text["listening_hours"] = figure(f"{hours:.1f}", substantive)
    text["first_contact_percent"] = figure(
        "" if first_answered == 0 else _percent(first_yes, first_answered), first_answered
    )
    previous = facts.previous_calls
    if previous is None:
        text["previous_calls"] = ""
        text["change_percent"] = ""
    elif cells.is_hidden("previous_calls") or cells.is_hidden("calls"):
        text["change_percent"] = "x"
    else:
        text["change_percent"] = (
            "" if previous == 0 else f"{100 * (facts.calls - previous) / previous:.1f}"
        )
    rows = (
        "calls",
        "substantive",
        *form.non_substantive_kinds,
        "median_duration_s",
        "p90_duration_s",
        "listening_hours",
        "first_contact_percent",
        "previous_calls",
        "change_percent",
    )
    return Table("overview", "overview", rows, ("value",), {(r, "value"): text[r] for r in rows})
