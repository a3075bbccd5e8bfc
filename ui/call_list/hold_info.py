"""Whether one record is on legal hold, since when and by whom.

``holds.holds`` lists every hold for those who may place them; the record's window
shows its hold to anyone who may see the record, so it reads that one hold here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counselor_app.store.db import Connection
from counselor_app.store.records import from_epoch


@dataclass(frozen=True)
class HoldInfo:
    placed_at: datetime
    placed_by: str  # the user name (kept when the account was removed)


def hold_of(conn: Connection, record_id: str) -> HoldInfo | None:
    """The record's hold, or None when it has none."""
    row = conn.execute(
        "SELECT h.placed_at, coalesce(u.username, h.placed_by) "
        "FROM legal_holds h JOIN records r ON r.rowid = h.record "
        "LEFT JOIN users u ON u.id = h.placed_by WHERE r.id = ?",
        (record_id,),
    ).fetchone()
    if row is None:
        return None
    return HoldInfo(from_epoch(int(row[0])), str(row[1]))
