"""The call list: filtered pages of records, newest first, fetched by key (never all)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counselor_app.store.db import Connection
from counselor_app.store.records import from_epoch, to_epoch


@dataclass(frozen=True)
class ListFilter:
    start: datetime | None = None  # inclusive
    end: datetime | None = None  # exclusive
    call_kinds: frozenset[str] | None = None
    reason: str | None = None
    counselor_id: str | None = None


@dataclass(frozen=True)
class ListRow:
    rowid: int
    id: str
    started_at: datetime
    duration_s: int
    call_kind: str
    reason: str | None
    counselor: str
    held: bool = False  # on legal hold

    @property
    def key(self) -> tuple[int, int]:
        """Where the next page starts (exclusive)."""
        return (to_epoch(self.started_at), self.rowid)


def _where(filters: ListFilter) -> tuple[str, list[object]]:
    clauses = ["r.deleted_at IS NULL"]
    params: list[object] = []
    if filters.start is not None:
        clauses.append("r.started_at >= ?")
        params.append(to_epoch(filters.start))
    if filters.end is not None:
        clauses.append("r.started_at < ?")
        params.append(to_epoch(filters.end))
    if filters.call_kinds is not None:
        kinds = sorted(filters.call_kinds)
        clauses.append(f"r.call_kind IN ({','.join('?' * len(kinds))})" if kinds else "0")
        params.extend(kinds)
    if filters.reason is not None:
        clauses.append("r.reason = ?")
        params.append(filters.reason)
    if filters.counselor_id is not None:
        clauses.append("r.counselor_id = ?")
        params.append(filters.counselor_id)
    return " AND ".join(clauses), params


def count(conn: Connection, filters: ListFilter) -> int:
    where, params = _where(filters)
    return int(conn.execute(f"SELECT count(*) FROM records r WHERE {where}", params).fetchone()[0])


def page(
    conn: Connection, filters: ListFilter, *, after: tuple[int, int] | None = None, limit: int = 200
) -> list[ListRow]:
    """Up to ``limit`` rows, newest first, strictly after the key ``after``."""
    where, params = _where(filters)
    if after is not None:
        where += " AND (r.started_at < ? OR (r.started_at = ? AND r.rowid < ?))"
        params += [after[0], after[0], after[1]]
    rows = conn.execute(
        "SELECT r.rowid, r.id, r.started_at, r.ended_at - r.started_at, r.call_kind, r.reason, "
        "u.username, EXISTS (SELECT 1 FROM legal_holds h WHERE h.record = r.rowid) "
        f"FROM records r JOIN users u ON u.id = r.counselor_id WHERE {where} "
        "ORDER BY r.started_at DESC, r.rowid DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        ListRow(int(r[0]), r[1], from_epoch(r[2]), int(r[3]), r[4], r[5], r[6], bool(r[7]))
        for r in rows
    ]
