"""Reading the audit trail, for admins: filtered, a page at a time, and exported as CSV.

Entries come newest first, in the order of their numbers (the order of the chain).
A period is a span of local days, both included (``periods.period_bounds``). Every
``at`` is written by ``audit.record`` as UTC text of one form
(``2026-03-10T22:30:00+00:00``): bounds written the same way compare as text in the
order of time. Every function here requires ``Permission.VIEW_AUDIT``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from counselor_app import audit
from counselor_app.errors import InvalidInput
from counselor_app.periods import FIRST_REPORT_DAY, LAST_REPORT_DAY, period_bounds
from counselor_app.reports.files import write_whole
from counselor_app.roles import Permission
from counselor_app.store.db import transaction
from counselor_app.vault import Session

PAGE_SIZE = 200
CSV_HEADER = ("id", "at", "user", "action", "record_id", "outcome", "detail")
EXPORTED = "audit_exported"
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditFilter:
    """Which entries: local days (both included), one user, one action; None for any."""

    first_day: date | None = None
    last_day: date | None = None
    user_id: str | None = None
    action: str | None = None


@dataclass(frozen=True)
class AuditRow:
    """One entry, with the name of its user (removed users keep theirs)."""

    id: int
    at: str  # as stored: UTC, ISO 8601
    user_id: str | None
    user_name: str | None  # None without a user, or for one the users table does not hold
    action: str
    record_id: str | None
    outcome: str
    detail: str | None

    @property
    def moment(self) -> datetime | None:
        """``at`` as a moment; None when it cannot be read (an altered entry)."""
        try:
            moment = datetime.fromisoformat(self.at)
        except (TypeError, ValueError):
            return None
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)

    @property
    def user(self) -> str:
        """The user's name, else the id the entry holds, else nothing."""
        return self.user_name or self.user_id or ""


@dataclass(frozen=True)
class Person:
    """Someone who has an account or had one."""

    id: str
    name: str
    removed: bool


_SELECT = (
    "SELECT a.id, a.at, a.user_id, u.username, a.action, a.record_id, a.outcome, a.detail "
    "FROM audit a LEFT JOIN users u ON u.id = a.user_id"
)


def _stamp(moment: datetime) -> str:
    """A moment as ``audit.record`` writes it."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _check_days(filters: AuditFilter) -> None:
    for day in (filters.first_day, filters.last_day):
        if day is not None and not FIRST_REPORT_DAY <= day <= LAST_REPORT_DAY:
            raise InvalidInput(
                f"Choose days from {FIRST_REPORT_DAY.isoformat()} to "
                f"{LAST_REPORT_DAY.isoformat()}.",
                "audit_period_out_of_range",
            )


def _where(filters: AuditFilter, before: int | None = None) -> tuple[str, list[object]]:
    _check_days(filters)
    start, end = period_bounds(filters.first_day, filters.last_day)
    wanted: list[tuple[str, object]] = [
        ("a.at >= ?", None if start is None else _stamp(start)),
        ("a.at < ?", None if end is None else _stamp(end)),
        ("a.user_id = ?", filters.user_id),
        ("a.action = ?", filters.action),
        ("a.id < ?", before),
    ]
    chosen = [(clause, value) for clause, value in wanted if value is not None]
    if not chosen:
        return "", []
    return " WHERE " + " AND ".join(c for c, _ in chosen), [v for _, v in chosen]


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _rows(found: Iterable[tuple[object, ...]]) -> list[AuditRow]:
    return [
        AuditRow(
            id=int(str(r[0])),
            at=str(r[1]),
            user_id=_text(r[2]),
            user_name=_text(r[3]),
            action=str(r[4]),
            record_id=_text(r[5]),
            outcome=str(r[6]),
            detail=_text(r[7]),
        )
        for r in found
    ]


def page(
    session: Session, filters: AuditFilter, *, before: int | None = None, limit: int = PAGE_SIZE
) -> list[AuditRow]:
    """Up to ``limit`` entries of ``filters`` numbered below ``before``, newest first."""
    session.require(Permission.VIEW_AUDIT)
    where, params = _where(filters, before)
    found = session.conn.execute(f"{_SELECT}{where} ORDER BY a.id DESC LIMIT ?", [*params, limit])
    return _rows(found)


def count(session: Session, filters: AuditFilter) -> int:
    """How many entries ``filters`` finds."""
    session.require(Permission.VIEW_AUDIT)
    where, params = _where(filters)
    return int(session.conn.execute(f"SELECT count(*) FROM audit a{where}", params).fetchone()[0])


def people(session: Session) -> list[Person]:
    """Everyone who has or had an account, by name (a removed account after a current one)."""
    session.require(Permission.VIEW_AUDIT)
    found = session.conn.execute(
        "SELECT id, username, removed_at IS NOT NULL FROM users "
        "ORDER BY name_key, removed_at IS NOT NULL, created_at, id"
    )
    return [Person(str(r[0]), str(r[1]), bool(r[2])) for r in found]


def actions(session: Session) -> list[str]:
    """The actions the trail holds, by name."""
    session.require(Permission.VIEW_AUDIT)
    found = session.conn.execute("SELECT DISTINCT action FROM audit ORDER BY action")
    return [str(r[0]) for r in found]


def first_broken(session: Session) -> int | None:
    """The number of the first entry that does not fit the chain, or None if all do."""
    session.require(Permission.VIEW_AUDIT)
    return audit.first_broken(session.conn)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_text(found: Iterable[AuditRow]) -> str:
    """The CSV of ``found``: one line an entry, ``at`` in UTC as stored.

    A text that would start with ``= + - @`` (or a tab or a carriage return) is
    written after an apostrophe, so that a spreadsheet shows it instead of running it.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in found:
        texts = (row.user, row.action, row.record_id, row.outcome, row.detail)
        writer.writerow([row.id, row.at, *(_cell(t) for t in texts)])
    return buffer.getvalue()


def described(filters: AuditFilter) -> str:
    """The filters of an export, for its entry in the trail."""
    first, last = filters.first_day, filters.last_day
    parts = [
        "" if first is None and last is None else f"{first or ''}..{last or ''}",
        "" if filters.user_id is None else f"user={filters.user_id}",
        "" if filters.action is None else f"action={filters.action}",
    ]
    return " ".join(filter(None, parts)) or "all"


def export_csv(session: Session, filters: AuditFilter, path: Path) -> int:
    """Write the entries of ``filters``, oldest first, to ``path`` as CSV (UTF-8), whole or
    not at all (``files.write_whole``); returns how many.

    The export is recorded in the trail (``audit_exported``: the filters and the number
    of entries) just before the file takes its name: no entry, no file.
    """
    session.require(Permission.VIEW_AUDIT)
    where, params = _where(filters)
    found = _rows(session.conn.execute(f"{_SELECT}{where} ORDER BY a.id", params))

    def record() -> None:
        with transaction(session.conn):
            audit.record(
                session.conn,
                session.user.id,
                EXPORTED,
                detail=f"{described(filters)} entries={len(found)}",
            )

    write_whole(path, csv_text(found).encode("utf-8"), record)
    return len(found)
