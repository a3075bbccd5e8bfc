"""Legal holds: a supervisor keeps a record, note included, out of the retention rules.

A hold is placed or lifted on a live record that the session may see; each change
is written to the audit trail (``hold_placed``, ``hold_lifted``) in its own
transaction. A held record cannot be deleted by hand until its hold is lifted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from counselor_app import audit
from counselor_app.errors import RecordNotFound
from counselor_app.roles import Permission
from counselor_app.store.db import Connection, transaction
from counselor_app.store.records import RecordStore, from_epoch, to_epoch
from counselor_app.vault.session import Session


@dataclass(frozen=True)
class Hold:
    record_id: str
    started_at: datetime
    placed_at: datetime
    placed_by: str  # the user name


def _live_rowid(session: Session, record_id: str) -> int:
    rowid = RecordStore(session.conn).rowid(record_id)
    if rowid is None:
        raise RecordNotFound(record_id)
    row = session.conn.execute(
        "SELECT deleted_at FROM records WHERE rowid = ?", (rowid,)
    ).fetchone()
    if row[0] is not None:
        raise RecordNotFound(record_id)
    return rowid


def is_held(conn: Connection, record_id: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM legal_holds h JOIN records r ON r.rowid = h.record WHERE r.id = ?",
        (record_id,),
    ).fetchone()
    return row is not None


def place(session: Session, record_id: str, *, now: datetime | None = None) -> bool:
    """Put the record on hold; False if it already was (nothing written then)."""
    session.require(Permission.LEGAL_HOLD)
    rowid = _live_rowid(session, record_id)
    moment = now if now is not None else datetime.now(UTC)
    with transaction(session.conn):
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
    rowid = _live_rowid(session, record_id)
    with transaction(session.conn):
        cursor = session.conn.execute("DELETE FROM legal_holds WHERE record = ?", (rowid,))
        if cursor.rowcount == 0:
            return False
        audit.record(session.conn, session.user.id, "hold_lifted", record_id=record_id, now=now)
    return True


def holds(session: Session) -> list[Hold]:
    """Every hold on a live record, oldest call first."""
    session.require(Permission.LEGAL_HOLD)
    rows = session.conn.execute(
        "SELECT r.id, r.started_at, h.placed_at, coalesce(u.username, h.placed_by) "
        "FROM legal_holds h JOIN records r ON r.rowid = h.record "
        "LEFT JOIN users u ON u.id = h.placed_by "
        "WHERE r.deleted_at IS NULL ORDER BY r.started_at, r.rowid"
    ).fetchall()
    return [Hold(str(r[0]), from_epoch(r[1]), from_epoch(r[2]), str(r[3])) for r in rows]
