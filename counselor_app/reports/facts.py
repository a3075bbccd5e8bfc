"""The raw counts a report is made of, gathered in a few index scans.

Nothing here reads a record's answers: coded answers are counted over the
``record_codes`` index (which carries each call's start, so a period is one index
range per code), and volumes, durations and kinds come from the covering index
``records_report``. With a channel, counselor or workstation filter the counts join
the records instead, which is slower but gives the same numbers (with a workstation
filter, over that workstation's index ``records_workstation``).

How many records a field was relevant for (its base) is worked out from the
``(call_kind, reason)`` groups when its condition only names those two, and from
the counts of codes when the condition is a field's own relevance plus one of its
codes, or one of several codes of a field answered once (answers to hidden fields
are never stored, so each record holding the code met the rest). Anything else is
counted with the condition in SQL. Every count of one report is read as of one
moment (``snapshot``).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace

from counselor_app.forms.definition import FormDefinition
from counselor_app.forms.expression import Compare, In, Node, evaluate, fields_of
from counselor_app.reports.conditions import COLUMN_FIELDS, to_sql
from counselor_app.reports.counting import Scope, count_records, relevance_of
from counselor_app.reports.hours import hour_starts
from counselor_app.reports.keys import conjuncts
from counselor_app.reports.pairs import array, count_pairs
from counselor_app.reports.snapshot import Stamp, snapshot
from counselor_app.store.db import Connection
from counselor_app.store.records import to_epoch

_FAR = 2**62
OTHER_STEPS = 5  # progress steps besides the one per code
ONE_ANSWER = frozenset({"single", "yesno"})  # coded fields a record holds one code of at most

# Told (steps done, steps in all) as the work goes; it may raise to stop the work.
Progress = Callable[[int, int], None]
# Opens a second connection to the vault; called in the thread that will use it.
Opener = Callable[[], AbstractContextManager[Connection]]


@dataclass(frozen=True)
class Facts:
    calls: int
    previous_calls: int | None  # the period of the same length just before; None if open
    codes: dict[tuple[str, str], int]  # (field, code) -> records holding that answer
    bases: dict[str, int]  # field -> records the field was relevant for
    hours: dict[int, int]  # start of an hour of local time (epoch s) -> calls
    durations: dict[int, int]  # seconds -> substantive calls of that length
    pairs: dict[tuple[str, str], int]  # (violence type, author relation) -> records
    forms: dict[tuple[str, int], int]  # (form, version) -> calls
    in_period: int  # records of the period before the channel, counselor, workstation filters
    deleted: int  # records of the period that were deleted


def _bounds(scope: Scope) -> tuple[int, int]:
    return (
        -_FAR if scope.start is None else to_epoch(scope.start),
        _FAR if scope.end is None else to_epoch(scope.end),
    )


Groups = dict[tuple[str, str | None], int]  # (call kind, reason) -> calls
Forms = dict[tuple[str, int], int]  # (form, version) -> calls
_Counted = tuple[dict[tuple[str, str], int], Groups, Forms]


def gather(
    conn: Connection,
    form: FormDefinition,
    scope: Scope,
    progress: Progress | None = None,
    opener: Opener | None = None,
) -> Facts:
    """The counts of ``scope``, all as of one moment (see ``snapshot``). With ``opener``
    (a second connection, opened in the thread that uses it), the codes and groups are
    counted beside the rest, on another core; if the records changed between the start
    of the two snapshots, they are counted again on ``conn``."""
    steps = _Steps(progress)
    with snapshot(conn) as seen:
        if opener is None:
            alone = _codes_and_groups(conn, form, scope, steps)
            return _gather_rest(conn, form, scope, steps, lambda: alone)
        with ThreadPoolExecutor(max_workers=1) as pool:

            def count() -> tuple[Stamp, _Counted]:
                with opener() as other, snapshot(other) as other_seen:
                    return other_seen, _codes_and_groups(other, form, scope, steps)

            future = pool.submit(count)

            def counted() -> _Counted:
                other_seen, found = future.result()
                if other_seen == seen:
                    return found
                return _codes_and_groups(conn, form, scope, steps)

            try:
                return _gather_rest(conn, form, scope, steps, counted)
            finally:
                steps.stopping = True  # the other thread stops at its next step if still running


def _codes_and_groups(
    conn: Connection, form: FormDefinition, scope: Scope, steps: _Steps
) -> _Counted:
    codes = _code_counts(conn, form, scope, steps)
    where, params = scope.sql()
    groups: Counter[tuple[str, str | None]] = Counter()
    forms: Counter[tuple[str, int]] = Counter()
    for kind, reason, name, version, n in conn.execute(
        "SELECT r.call_kind, r.reason, r.form, r.form_version, count(*) "
        f"FROM records r INDEXED BY {scope.index('records_groups')} WHERE {where} "
        "GROUP BY 1, 2, 3, 4",
        params,
    ):
        groups[(str(kind), None if reason is None else str(reason))] += int(n)
        forms[(str(name), int(version))] += int(n)
    steps.advance()
    return codes, dict(groups), dict(forms)


def _gather_rest(
    conn: Connection,
    form: FormDefinition,
    scope: Scope,
    steps: _Steps,
    counted: Callable[[], _Counted],
) -> Facts:
    hours, durations, calls = _times(conn, form, scope, steps)
    low, high = _bounds(scope)
    in_period = (
        int(
            conn.execute(
                "SELECT count(*) FROM records WHERE deleted_at IS NULL "
                "AND started_at >= ? AND started_at < ?",
                (low, high),
            ).fetchone()[0]
        )
        if scope.filtered()
        else calls
    )
    deleted = int(
        conn.execute(
            "SELECT count(*) FROM records WHERE deleted_at IS NOT NULL "
            "AND started_at >= ? AND started_at < ?",
            (low, high),
        ).fetchone()[0]
    )
    previous = _previous(scope)
    previous_calls = None if previous is None else count_records(conn, previous)
    steps.advance()  # the previous period
    steps.advance()  # the pairs
    pairs = count_pairs(conn, scope, low, high, scope.filtered())
    codes, groups, forms = counted()
    bases = {
        f.code: _base(conn, form, scope, f.code, codes, groups, calls)
        for f in form.fields()
        if f.type != "text"
    }
    steps.advance()
    return Facts(
        calls=calls,
        previous_calls=previous_calls,
        codes=codes,
        bases=bases,
        hours=hours,
        durations=durations,
        pairs=pairs,
        forms=forms,
        in_period=in_period,
        deleted=deleted,
    )


def _times(
    conn: Connection, form: FormDefinition, scope: Scope, steps: _Steps
) -> tuple[dict[int, int], dict[int, int], int]:
    """Calls by hour of local time, substantive calls by length, and all calls: one pass
    over the covering index, its start times sorted already."""
    where, params = scope.sql()
    substantive, extra = to_sql(form.definitions["substantive"], columns=True)
    row = conn.execute(
        "SELECT json_group_array(r.started_at), "
        f"json_group_array(r.ended_at - r.started_at) FILTER (WHERE {substantive}) "
        f"FROM records r INDEXED BY {scope.index('records_report')} WHERE {where}",
        [*extra, *params],
    ).fetchone()
    steps.advance()
    starts, lengths = (array(text) for text in row)
    durations = dict(Counter(lengths))
    if not starts:
        return {}, durations, 0
    starts.sort()  # in index order already: a linear check
    low, high = _bounds(scope)
    low, high = max(low, starts[0]), min(high, starts[-1] + 1)
    hours: dict[int, int] = {}
    bounds = hour_starts(low, high)
    for begin, end in zip(bounds, [*bounds[1:], high], strict=True):
        n = bisect_left(starts, end) - bisect_left(starts, begin)
        if n:
            hours[begin] = n
    return hours, durations, len(starts)


def _previous(scope: Scope) -> Scope | None:
    """The period of the same length just before, in local time: the 31 local days
    before a 31-day period, whatever clock change lies in either."""
    if scope.start is None or scope.end is None:
        return None
    start = scope.start.astimezone().replace(tzinfo=None)
    end = scope.end.astimezone().replace(tzinfo=None)
    return replace(scope, start=(start - (end - start)).astimezone(), end=scope.start)


class _Steps:
    """Progress told from either thread; ``stopping`` ends the other thread's work."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0
        self.total = OTHER_STEPS
        self.stopping = False
        self._lock = threading.Lock()

    def add(self, count: int) -> None:
        with self._lock:
            self.total += count

    def advance(self) -> None:
        if self.stopping:
            raise _Stopped
        with self._lock:
            self.done += 1
            done, total = self.done, self.total
        if self.progress is not None:
            self.progress(done, total)


class _Stopped(Exception):
    """The other thread's work was abandoned (the main one failed or was stopped)."""


def _code_counts(
    conn: Connection, form: FormDefinition, scope: Scope, steps: _Steps
) -> dict[tuple[str, str], int]:
    coded = {f.code for f in form.fields() if f.type != "text"}
    known = {
        int(i): (str(f), str(c))
        for i, f, c in conn.execute("SELECT id, field, code FROM codes")
        if f in coded
    }
    counts: Counter[tuple[str, str]] = Counter()
    if scope.filtered():
        where, params = scope.sql()
        rows = conn.execute(
            "SELECT x.code_id, count(*) FROM records r JOIN record_codes x "
            f"ON x.record = r.rowid WHERE {where} GROUP BY x.code_id",
            params,
        )
        for code_id, n in rows:
            if int(code_id) in known:
                counts[known[int(code_id)]] += int(n)
        return dict(counts)
    low, high = _bounds(scope)
    steps.add(len(known))
    for code_id, pair in known.items():
        steps.advance()
        n = conn.execute(
            "SELECT count(*) FROM record_codes WHERE code_id = ? "
            "AND started_at >= ? AND started_at < ?",
            (code_id, low, high),
        ).fetchone()[0]
        if n:
            counts[pair] = int(n)
    return dict(counts)


def _base(
    conn: Connection,
    form: FormDefinition,
    scope: Scope,
    code: str,
    codes: dict[tuple[str, str], int],
    groups: dict[tuple[str, str | None], int],
    calls: int,
) -> int:
    field = form.field(code)
    assert field is not None
    condition = relevance_of(form, field)
    parts = conjuncts(condition)
    on_columns = {p for p in parts if fields_of(p) <= COLUMN_FIELDS}
    rest = parts - on_columns
    if not rest:
        if not parts:
            return calls
        total = 0
        for (kind, reason), n in groups.items():
            answers: dict[str, str] = {"call_kind": kind}
            if reason is not None:
                answers["reason"] = reason
            if all(evaluate(p, answers) for p in on_columns):
                total += n
        return total
    if len(rest) == 1:
        (leaf,) = rest
        values = _code_values(leaf)
        if values is not None:
            target = form.field(values[0])
            if (
                target is not None
                and (target.type in ONE_ANSWER or len(values[1]) == 1)
                and conjuncts(relevance_of(form, target)) == parts - rest
            ):
                return sum(codes.get((target.code, v), 0) for v in values[1])
    return count_records(conn, scope, condition)


def _code_values(node: Node) -> tuple[str, tuple[str, ...]] | None:
    """``field = 'a'`` or ``field in ('a', 'b')`` on a coded answer: (field, codes).

    The records holding one of the codes are the sum of each code's records only when
    a record holds one code at most (``ONE_ANSWER``): a record may hold several codes
    of a multiple choice, and would count once for each.
    """
    if isinstance(node, Compare) and node.op == "=" and isinstance(node.value, str):
        return node.field, (node.value,)
    if isinstance(node, In) and all(isinstance(v, str) for v in node.values):
        return node.field, tuple(str(v) for v in node.values)
    return None
