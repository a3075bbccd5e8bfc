"""Legal holds: a supervisor keeps a record, note included, out of the retention rules.

A hold is placed or lifted on a live record, checked inside the transaction that
changes it (a record deleted or purged meanwhile is reported, never held); each
change is written to the audit trail (``hold_placed``, ``hold_lifted``). A held
record can be neither changed nor deleted until its hold is lifted (``records``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from counselor_app import audit, records
from counselor_app.errors import RecordNotFound
from counselor_app.roles import Permission
from counselor_app.store.db import Connection, transaction
from counselor_app.store.records import RecordStore, from_epoch, to_epoch
from counselor_app.vault.session import Session

_HOLDS = (
    "SELECT r.id, r.started_at, h.placed_at, coalesce(u.username, h.placed_by) "
    "FROM legal_holds h JOIN records r ON r.rowid = h.record "
    "LEFT JOIN users u ON u.id = h.placed_by WHERE r.deleted_at IS NULL"
)


@dataclass(frozen=True)
class Hold:
    record_id: str
    started_at: datetime
    placed_at: datetime
    placed_by: str  # the user name (the id when the account is gone)


def _hold(row: tuple[object, ...]) -> Hold:
    return Hold(
        str(row[0]), from_epoch(int(str(row[1]))), from_epoch(int(str(row[2]))), str(row[3])
    )


def _live_rowid(conn: Connection, record_id: str) -> int:
    """Inside the transaction: the live record's rowid, or RecordNotFound."""
    row = conn.execute(
        "SELECT rowid FROM records WHERE id = ? AND deleted_at IS NULL", (record_id,)
    ).fetchone()
    if row is None:
        raise RecordNotFound(record_id)
    return int(row[0])


def is_held(conn: Connection, record_id: str) -> bool:
    rowid = RecordStore(conn).rowid(record_id)
    return rowid is not None and RecordStore(conn).held(rowid)


def hold_of(session: Session, record_id: str) -> Hold | None:
    """The hold of a record the session may see (RecordNotFound otherwise), or None."""
    records.get(session, record_id)
    row = session.conn.execute(_HOLDS + " AND r.id = ?", (record_id,)).fetchone()
    return None if row is None else _hold(row)


def place(session: Session, record_id: str, *, now: datetime | None = None) -> bool:
    """Put the record on hold; False if it already was (nothing written then)."""
    session.require(Permission.LEGAL_HOLD)
    moment = now if now is not None else datetime.now(UTC)
    with transaction(session.conn):
        rowid = _live_rowid(session.conn, record_id)
        cursor = session.conn.execute(
            "INSERT OR IGNORE INTO legal_holds (record, placed_at, placed_by) VALUES (?, ?, ?)",
            (rowid, to_epoch(moment), session.user.id),
        )
        if cursor.rowcount == 0:
            return False
        audit.record(session.conn, session.user.id, "hold_placed", record_id=record_id, now=now)
    return True


def lift(session: Session, record_id: str, *, now: datetime | None = None) -> bool:
    """Lift the record's hold; False if it had none (nothing written then)."""
    session.require(Permission.LEGAL_HOLD)
    with transaction(session.conn):
        rowid = _live_rowid(session.conn, record_id)
        cursor = session.conn.execute("DELETE FROM legal_holds WHERE record = ?", (rowid,))
        if cursor.rowcount == 0:
            return False
        audit.record(session.conn, session.user.id, "hold_lifted", record_id=record_id, now=now)
    return True


def holds(session: Session) -> list[Hold]:
    """Every hold on a live record, oldest call first."""
    session.require(Permission.LEGAL_HOLD)
    rows = session.conn.execute(_HOLDS + " ORDER BY r.started_at, r.rowid").fetchall()
    return [_hold(row) for row in rows]
