"""Every report table, computed again from a JSONL export with independent code.

The records go into a real vault, some are deleted, all the live ones are
exported to JSON Lines, and the report's CSV is compared cell by cell with
tables recomputed here from that file alone: the standard library, the
codebook's relevance rules written out below and the list of départements.
Nothing from ``counselor_app.reports``, ``privacy`` or ``store`` is used for the
expected figures.

A published number must be the true one, text for text. A ``<N`` cell must hide
a true count from 1 to N - 1; an ``x`` cell may hide anything, but no additive
sum of a table (its parts and its total) may have exactly one hidden cell, or
that cell could be worked out from the others.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from counselor_app import records
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.exchange.transfer import export_file
from counselor_app.forms.catalogue import default_form
from counselor_app.reports.build import make_report
from counselor_app.reports.csv_export import csv_text
from counselor_app.reports.model import ReportRequest
from counselor_app.store.db import transaction
from counselor_app.store.records import RecordStore
from counselor_app.vault import Session

FORM = default_form()
ZONE_NAME = "Europe/Paris"  # the workstation's zone for the whole test; it has summer time
ZONE = ZoneInfo(ZONE_NAME)
DEPARTEMENTS_CSV = Path(__file__).parents[2] / "resources" / "reference" / "departements.csv"

# --- the codebook, written out ------------------------------------------------------------

SUBSTANTIVE_KINDS = frozenset(
    {"victim", "relative", "professional", "witness", "author", "other_caller"}
)
NON_SUBSTANTIVE_KINDS = ("silent", "hangup", "wrong_number", "abusive", "test")
NOT_VIOLENCE_REASONS = frozenset({"information", "other"})
ALWAYS = frozenset({"call_kind", "channel"})
ON_SUBSTANTIVE = frozenset({"first_contact", "heard_from", "reason", "response", "note"})
ON_CHILDREN = frozenset({"children_minor_count", "children_exposed", "children_abused"})
CROSS_ROWS, CROSS_COLUMNS = "violence_types", "author_relation"
TOP_DEPARTMENTS = 15
DAILY_UP_TO = 31

Answers = Mapping[str, Any]


def is_substantive(answers: Answers) -> bool:
    return answers.get("call_kind") in SUBSTANTIVE_KINDS


def is_violence(answers: Answers) -> bool:
    return is_substantive(answers) and answers.get("reason") not in NOT_VIOLENCE_REASONS


def relevant(code: str, answers: Answers) -> bool:
    """The codebook's ``relevant`` column; every field not listed is relevant on *violence*."""
    if code in ALWAYS:
        return True
    if code in ON_SUBSTANTIVE:
        return is_substantive(answers)
    if code == "victim_pregnant":
        return is_violence(answers) and answers.get("victim_sex") == "female"
    if code in ON_CHILDREN:
        return is_violence(answers) and answers.get("has_children") == "yes"
    if code == "wants_to_leave":
        return is_violence(answers) and answers.get("author_cohabits") == "yes"
    return is_violence(answers)


# --- the export, read back ----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    id: str
    start: datetime  # local time
    seconds: int
    answers: dict[str, Any]


def read_export(path: Path) -> list[Line]:
    out: list[Line] = []
    with path.open(encoding="utf-8") as handle:
        for text in handle:
            data = json.loads(text)
            started = datetime.fromisoformat(data["started_at"])
            ended = datetime.fromisoformat(data["ended_at"])
            assert started.tzinfo is not None and ended.tzinfo is not None
            out.append(
                Line(
                    id=data["id"],
                    start=started.astimezone(ZONE),
                    seconds=int((ended - started).total_seconds()),
                    answers=data["answers"],
                )
            )
    return out


def read_departements() -> tuple[dict[str, str], list[str]]:
    """Département code -> region code, and the region codes."""
    with DEPARTEMENTS_CSV.open(encoding="utf-8", newline="") as handle:
        region_of = {row["code"]: row["region_code"] for row in csv.DictReader(handle)}
    return region_of, sorted(set(region_of.values()))


# --- what every cell should be ------------------------------------------------------------

Key = tuple[str, str, str]  # table, row, column


@dataclass(frozen=True)
class Cell:
    """The independent value of one cell.

    ``count``: a count (``text`` is its decimal form). ``of``: the count cell a
    percentage belongs to. ``based_on``: how many records a figure rests on.
    """

    text: str
    count: int | None = None
    of: Key | None = None
    based_on: int | None = None


@dataclass
class Expected:
    cells: dict[Key, Cell]
    sums: list[list[Key]]  # each: the parts and the total of one additive sum

    def count(self, table: str, row: str, column: str, n: int) -> Key:
        key = (table, row, column)
        self.cells[key] = Cell(str(n), count=n)
        return key


def percent(part: int, whole: int) -> str:
    return "0.0" if whole == 0 else f"{100 * part / whole:.1f}"


def nearest_rank(values: Sequence[int], share: float) -> int | None:
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def local_day(line: Line) -> date:
    return line.start.date()


def one_way(
    expected: Expected,
    table: str,
    rows: Sequence[str],
    counts: Mapping[str, int],
    base: int,
    *,
    additive: bool,
) -> None:
    keys: list[Key] = []
    for row, n in [*((r, counts.get(r, 0)) for r in rows), ("total", base)]:
        key = expected.count(table, row, "count", n)
        expected.cells[(table, row, "percent")] = Cell(percent(n, base), of=key)
        keys.append(key)
    if additive:
        expected.sums.append(keys)


def overview(expected: Expected, inside: list[Line], previous: list[Line]) -> None:
    table = "overview"
    substantive = [line for line in inside if is_substantive(line.answers)]
    kinds = Counter(line.answers["call_kind"] for line in inside)
    parts = [expected.count(table, "substantive", "value", len(substantive))]
    parts += [expected.count(table, k, "value", kinds[k]) for k in NON_SUBSTANTIVE_KINDS]
    calls = expected.count(table, "calls", "value", len(inside))
    expected.sums.append([*parts, calls])
    seconds = [line.seconds for line in substantive]
    median, p90 = nearest_rank(seconds, 0.5), nearest_rank(seconds, 0.9)
    figures = {
        "median_duration_s": "" if median is None else str(median),
        "p90_duration_s": "" if p90 is None else str(p90),
        "listening_hours": f"{sum(seconds) / 3600:.1f}",
    }
    for row, text in figures.items():
        expected.cells[(table, row, "value")] = Cell(text, based_on=len(substantive))
    first = Counter(line.answers.get("first_contact") for line in substantive)
    answered = first["yes"] + first["no"]
    expected.cells[(table, "first_contact_percent", "value")] = Cell(
        "" if answered == 0 else percent(first["yes"], answered), based_on=answered
    )
    expected.count(table, "previous_calls", "value", len(previous))
    change = "" if not previous else f"{100 * (len(inside) - len(previous)) / len(previous):.1f}"
    expected.cells[(table, "change_percent", "value")] = Cell(change)


def volume(expected: Expected, inside: list[Line], start: date, end: date) -> None:
    daily = (end - start).days + 1 <= DAILY_UP_TO
    table = "volume_day" if daily else "volume_month"

    def label(day: date) -> str:
        return day.isoformat() if daily else f"{day.year:04d}-{day.month:02d}"

    periods: list[str] = []
    day = start
    while day <= end:
        if label(day) not in periods:
            periods.append(label(day))
        day += timedelta(days=1)
    counts = Counter(label(local_day(line)) for line in inside)
    keys = [expected.count(table, p, "count", counts[p]) for p in periods]
    keys.append(expected.count(table, "total", "count", len(inside)))
    expected.sums.append(keys)


def heatmap(expected: Expected, inside: list[Line]) -> None:
    table = "heatmap"
    weekdays = [str(d) for d in range(1, 8)]
    hours = [str(h) for h in range(24)]
    grid = Counter((str(line.start.isoweekday()), str(line.start.hour)) for line in inside)
    for d in weekdays:
        row = [expected.count(table, d, h, grid[(d, h)]) for h in hours]
        n = sum(grid[(d, h)] for h in hours)
        expected.sums.append([*row, expected.count(table, d, "total", n)])
    for h in hours:
        column = [(table, d, h) for d in weekdays]
        n = sum(grid[(d, h)] for d in weekdays)
        expected.sums.append([*column, expected.count(table, "total", h, n)])
    grand = expected.count(table, "total", "total", len(inside))
    expected.sums.append([*((table, d, "total") for d in weekdays), grand])
    expected.sums.append([*((table, "total", h) for h in hours), grand])


def by_number(code: str) -> tuple[int, str]:
    return (len(code), code)


def field_tables(expected: Expected, inside: list[Line]) -> None:
    region_of, region_codes = read_departements()
    for field in FORM.fields():
        if field.type == "text":
            continue
        on = [line for line in inside if relevant(field.code, line.answers)]
        base = len(on)
        counts: Counter[str] = Counter()
        for line in inside:
            value = line.answers.get(field.code)
            if value is None:
                continue
            # The codebook: an answer to a field that is not relevant is never stored.
            assert relevant(field.code, line.answers), (line.id, field.code)
            for code in value if isinstance(value, list) else [value]:
                counts[str(code)] += 1
        answered = sum(1 for line in on if field.code in line.answers)
        listed = list(field.codes)
        if field.type == "integer":
            listed = sorted(counts, key=by_number)
        extra = sorted(c for c in counts if c not in listed)
        if field.type == "multiple":
            one_way(expected, field.code, [*listed, *extra], counts, base, additive=False)
            continue
        counts["not_answered"] = base - answered
        unanswered = ["not_answered"] if counts["not_answered"] else []
        if field.code != "victim_department":
            rows = [*listed, *extra, *unanswered]
            one_way(expected, field.code, rows, counts, base, additive=True)
            continue
        regions: Counter[str] = Counter()
        for code, n in counts.items():
            regions[region_of.get(code, code)] += n
        rows = [*region_codes, "abroad", "unknown"]
        rows += sorted(c for c in regions if c not in rows and c != "not_answered")
        one_way(expected, "region", [*rows, *unanswered], regions, base, additive=True)
        ranked = sorted((c for c in counts if c in region_of), key=lambda c: (-counts[c], c))
        top = ranked[:TOP_DEPARTMENTS]
        counts["other_departments"] = sum(counts[c] for c in ranked[TOP_DEPARTMENTS:])
        rows = [*top, "other_departments", "abroad", "unknown", *unanswered]
        one_way(expected, field.code, rows, counts, base, additive=True)


def cross_table(expected: Expected, inside: list[Line]) -> None:
    table = f"{CROSS_ROWS}_x_{CROSS_COLUMNS}"
    row_field, column_field = FORM.field(CROSS_ROWS), FORM.field(CROSS_COLUMNS)
    assert row_field is not None and column_field is not None
    columns = [*column_field.codes, "not_answered"]
    on = [line for line in inside if relevant(CROSS_ROWS, line.answers)]
    cells: Counter[tuple[str, str]] = Counter()
    by_column: Counter[str] = Counter()
    for line in on:
        column = line.answers.get(CROSS_COLUMNS, "not_answered")
        by_column[column] += 1
        for row in line.answers.get(CROSS_ROWS, []):
            cells[(row, column)] += 1
    for row in row_field.codes:
        keys = [expected.count(table, row, c, cells[(row, c)]) for c in columns]
        n = sum(cells[(row, c)] for c in columns)
        expected.sums.append([*keys, expected.count(table, row, "total", n)])
    keys = [expected.count(table, "total", c, by_column[c]) for c in columns]
    expected.sums.append([*keys, expected.count(table, "total", "total", len(on))])


def recompute(lines: list[Line], start: date, end: date, threshold: int) -> Expected:
    days = (end - start).days + 1
    inside = [line for line in lines if start <= local_day(line) <= end]
    before = start - timedelta(days=days)
    previous = [line for line in lines if before <= local_day(line) < start]
    expected = Expected({}, [])
    overview(expected, inside, previous)
    volume(expected, inside, start, end)
    heatmap(expected, inside)
    field_tables(expected, inside)
    cross_table(expected, inside)
    return expected


# --- the comparison -----------------------------------------------------------------------


def is_hidden(text: str) -> bool:
    return text == "x" or text.startswith("<")


def compare(published: Mapping[Key, str], expected: Expected, threshold: int) -> list[str]:
    """Every way the CSV departs from the independent tables, one line each."""
    problems: list[str] = []
    missing = sorted(set(expected.cells) - set(published))
    extra = sorted(set(published) - set(expected.cells))
    problems += [f"{key}: expected a cell, the CSV has none" for key in missing]
    problems += [f"{key}: in the CSV ({published[key]!r}), not expected" for key in extra]
    small = f"<{threshold}"
    for key, cell in sorted(expected.cells.items()):
        if key not in published:
            continue
        got = published[key]
        where = f"{key}: got {got!r}, expected {cell.text!r}"
        if got.startswith("<") and got != small:
            problems.append(f"{where} (a small cell must read {small!r})")
        elif cell.count is not None:
            if got == small and not 1 <= cell.count < threshold:
                problems.append(f"{where} (shown small but the count is {cell.count})")
            elif not is_hidden(got) and got != cell.text:
                problems.append(where)
            elif not is_hidden(got) and 1 <= cell.count < threshold:
                problems.append(f"{where} (a small count is published)")
            elif 1 <= cell.count < threshold and got != small:
                problems.append(f"{where} (a small count must read {small!r})")
        elif cell.of is not None:
            count_hidden = is_hidden(published.get(cell.of, ""))
            # A share of a hidden total would give the total away: hidden too.
            base_hidden = is_hidden(published.get((key[0], "total", "count"), ""))
            if count_hidden and not is_hidden(got):
                problems.append(f"{where} (shown beside its hidden count)")
            elif not count_hidden and base_hidden and got != "x":
                problems.append(f"{where} (a share of a hidden total)")
            elif not count_hidden and not base_hidden and got != cell.text:
                problems.append(where)
        elif cell.based_on is not None:
            parts_hidden = key[1] == "first_contact_percent" and any(
                is_hidden(published.get(("first_contact", code, "count"), ""))
                for code in ("yes", "no")
            )
            if 0 < cell.based_on < threshold:
                if got != small:
                    problems.append(f"{where} (rests on {cell.based_on} records)")
            elif parts_hidden:
                if got != "x":
                    problems.append(f"{where} (a share of a hidden count)")
            elif got != cell.text:
                problems.append(where)
        elif key[1] == "change_percent":
            overview_hidden = any(
                is_hidden(published.get(("overview", row, "value"), ""))
                for row in ("calls", "previous_calls")
            )
            # Against hidden calls a change would give them away: no number then.
            if (overview_hidden and got not in ("x", "")) or (
                not overview_hidden and got != cell.text
            ):
                problems.append(where)
        elif got != cell.text:
            problems.append(where)
    for keys in expected.sums:
        hidden = [key for key in keys if is_hidden(published.get(key, ""))]
        if len(hidden) == 1:
            problems.append(f"{hidden[0]}: the only hidden cell of the sum {keys}")
        true = {key: expected.cells[key].count for key in keys if key in expected.cells}
        lows = [k for k in hidden if 1 <= (true.get(k) or 0) < threshold]
        guard = [k for k in hidden if (true.get(k) or 0) >= threshold]
        if lows and not guard and any((n or 0) >= threshold for n in true.values()):
            # The hidden cells would add up to a known small number.
            problems.append(f"{lows[0]}: no larger hidden count beside it in {keys}")
    return problems


# --- the vault ----------------------------------------------------------------------------

END_OF_DATA = datetime(2026, 4, 20, 22, 0, tzinfo=ZONE)
YEAR = (date(2025, 4, 1), date(2026, 3, 31))
# Summer time starts on 29 March: the month is an hour shorter than 31 days of 24 hours,
# and the period before it (31 local days) starts at midnight on 29 January all the same.
MONTH = (date(2026, 3, 1), date(2026, 3, 31))


@dataclass(frozen=True)
class Vault:
    session: Session
    export: Path
    deleted: frozenset[str]


@pytest.fixture
def local_zone() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = ZONE_NAME
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def edges(start: date, end: date) -> list[datetime]:
    """Local moments on both sides of the period's bounds and of the period before it."""
    days = (end - start).days + 1
    midnights = [start, end + timedelta(days=1), start - timedelta(days=days)]
    out: list[datetime] = []
    for day in midnights:
        midnight = datetime(day.year, day.month, day.day, tzinfo=ZONE)
        out += [midnight - timedelta(seconds=1), midnight, midnight + timedelta(minutes=59)]
    return out


@pytest.fixture
def vault(local_zone: None, admin_session: Session, tmp_path: Path) -> Vault:
    me = [admin_session.user.id]
    calls = list(synthetic_calls(FORM, 3000, seed=11, counselors=me, end=END_OF_DATA, days=450))
    calls += synthetic_calls(FORM, 1200, seed=12, counselors=me, end=END_OF_DATA, days=80)
    moments = [*edges(*YEAR), *edges(*MONTH)]
    for i, moment in enumerate(moments):
        model = calls[i * 7]
        calls.append(
            replace(
                model,
                id=f"00000000-0000-4000-8000-{i:012d}",
                started_at=moment.astimezone(UTC),
                ended_at=(moment + timedelta(seconds=600)).astimezone(UTC),
            )
        )
    store = RecordStore(admin_session.conn)
    with transaction(admin_session.conn):
        for record in calls:
            store.insert(record, record.ended_at)
    # Deleted records must be left out: some in March, one at its edge (00:59 on 1 March),
    # some elsewhere.
    march = [r for r in calls if r.started_at.astimezone(ZONE).month == 3]
    doomed = [*march[:12], *calls[:12], calls[-7]]
    for record in doomed:
        records.delete(admin_session, record.id, "entered twice")
    path = tmp_path / "all.jsonl"
    written = export_file(admin_session, path)
    assert written == len(calls) - len({r.id for r in doomed})
    return Vault(admin_session, path, frozenset(r.id for r in doomed))


def report_cells(session: Session, start: date, end: date, threshold: int) -> dict[Key, str]:
    request = ReportRequest(start, end, threshold=threshold)
    report = make_report(session.conn, FORM, request, program_version="test", training=False)
    text = csv_text(report)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    published: dict[Key, str] = {}
    for row in rows:
        key = (row["table"], row["row"], row["column"])
        assert key not in published, f"{key} twice in the CSV"
        published[key] = row["value"]
    return published


@pytest.mark.parametrize("threshold", [5, 20])
@pytest.mark.parametrize("period", [YEAR, MONTH], ids=["year", "month"])
def test_every_cell_agrees_with_the_export(
    vault: Vault, period: tuple[date, date], threshold: int
) -> None:
    lines = read_export(vault.export)
    assert not vault.deleted & {line.id for line in lines}
    start, end = period
    expected = recompute(lines, start, end, threshold)
    published = report_cells(vault.session, start, end, threshold)
    problems = compare(published, expected, threshold)
    assert not problems, "\n".join(problems[:40])
    # The case must mean something: hidden cells, and both kinds of them.
    shown = list(published.values())
    assert any(v.startswith("<") for v in shown) and "x" in shown
