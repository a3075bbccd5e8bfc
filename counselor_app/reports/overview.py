"""The overview of a report: volumes, durations, first contacts, change on the period before."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from counselor_app.forms.definition import FormDefinition
from counselor_app.reports.conditions import to_sql
from counselor_app.reports.counting import Scope, count_records, field_counts
from counselor_app.store.db import Connection


@dataclass(frozen=True)
class Overview:
    calls: int
    substantive: int
    non_substantive: dict[str, int]  # by call kind
    median_duration_s: int | None  # substantive calls
    p90_duration_s: int | None
    listening_hours: float  # substantive calls
    first_contact_share: float | None  # of substantive calls where it was answered yes/no
    previous_calls: int  # the period of the same length just before
    change_percent: float | None


def _percentile(sorted_values: list[int], share: float) -> int | None:
    """Nearest-rank percentile."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(share * len(sorted_values)))
    return sorted_values[rank - 1]


def overview(conn: Connection, form: FormDefinition, scope: Scope) -> Overview:
    substantive_condition = form.definitions["substantive"]
    calls = count_records(conn, scope)
    kinds = field_counts(conn, form, "call_kind", scope).counts
    non_substantive = {k: kinds.get(k, 0) for k in form.non_substantive_kinds}
    where, params = scope.sql()
    text, extra = to_sql(substantive_condition)
    durations = [
        int(r[0])
        for r in conn.execute(
            f"SELECT r.ended_at - r.started_at AS d FROM records r WHERE {where} AND {text} "
            "ORDER BY d",
            [*params, *extra],
        )
    ]
    first = field_counts(conn, form, "first_contact", scope).counts
    answered = first.get("yes", 0) + first.get("no", 0)
    previous = _previous(scope)
    previous_calls = count_records(conn, previous) if previous is not None else 0
    return Overview(
        calls=calls,
        substantive=len(durations),
        non_substantive=non_substantive,
        median_duration_s=_percentile(durations, 0.5),
        p90_duration_s=_percentile(durations, 0.9),
        listening_hours=round(sum(durations) / 3600, 1),
        first_contact_share=(
            None if answered == 0 else round(100 * first.get("yes", 0) / answered, 1)
        ),
        previous_calls=previous_calls,
        change_percent=None
        if previous is None or previous_calls == 0
        else round(100 * (calls - previous_calls) / previous_calls, 1),
    )


def _previous(scope: Scope) -> Scope | None:
    if scope.start is None or scope.end is None:
        return None
    length = scope.end - scope.start
    return replace(scope, start=scope.start - length, end=scope.start)
