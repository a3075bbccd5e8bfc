"""The SQL of the retention purge: what is past its period, counted or removed.

Times are epoch seconds; ``None`` for a rule that keeps for ever. Records on legal
hold (``legal_holds``) are never touched. No permission checks and no
transactions here: see ``counselor_app.retention``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from counselor_app.store.db import Connection

# Records of calls started before a moment, through the two partial indexes that
# cover live records and tombstones, never a scan of the table.
_OLD_RECORDS = (
    "SELECT rowid, 0 FROM records WHERE started_at < :before AND deleted_at IS NULL {held} "
    "UNION ALL SELECT rowid, 1 FROM records WHERE started_at < :before "
    "AND deleted_at IS NOT NULL {held} LIMIT :limit"
)
_UNHELD = "AND rowid NOT IN (SELECT record FROM legal_holds)"
_HELD = "AND rowid IN (SELECT record FROM legal_holds)"
# Notes of calls started before a moment: only the notes left are looked at (those
# of recent calls and of held records), not every old record.
_OLD_NOTES = (
    "SELECT n.record FROM record_notes n JOIN records r ON r.rowid = n.record "
    "WHERE r.started_at < :before AND n.record {hold} (SELECT record FROM legal_holds) "
    "LIMIT :limit"
)
EVERY = -1  # LIMIT -1: no limit


@dataclass(frozen=True)
class Removal:
    notes: int = 0  # including the notes of the records deleted
    records: int = 0  # including tombstones
    tombstones: int = 0
    drafts: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.notes or self.records or self.drafts)

    def __add__(self, other: Removal) -> Removal:
        return Removal(
            self.notes + other.notes,
            self.records + other.records,
            self.tombstones + other.tombstones,
            self.drafts + other.drafts,
        )


def _old_records(
    conn: Connection, before: int, limit: int, *, held: bool = False
) -> list[tuple[int, int]]:
    """(rowid, 1 if a tombstone) of records of calls before ``before``."""
    sql = _OLD_RECORDS.format(held=_HELD if held else _UNHELD)
    return [(int(r[0]), int(r[1])) for r in conn.execute(sql, {"before": before, "limit": limit})]


def _old_notes(conn: Connection, before: int, limit: int, *, held: bool = False) -> list[int]:
    sql = _OLD_NOTES.format(hold="IN" if held else "NOT IN")
    return [int(r[0]) for r in conn.execute(sql, {"before": before, "limit": limit})]


def held_past(conn: Connection, notes_before: int | None, records_before: int | None) -> int:
    """How many records on hold a rule would otherwise touch."""
    held: set[int] = set()
    if records_before is not None:
        held |= {rowid for rowid, _ in _old_records(conn, records_before, EVERY, held=True)}
    if notes_before is not None:
        held |= set(_old_notes(conn, notes_before, EVERY, held=True))
    return len(held)


def _noted(conn: Connection, rowids: list[int]) -> set[int]:
    """Those of ``rowids`` that have a note."""
    rows = conn.execute(
        "SELECT record FROM record_notes WHERE record IN (SELECT value FROM json_each(?))",
        (json.dumps(rowids),),
    )
    return {int(r[0]) for r in rows}


def count_due(conn: Connection, notes_before: int | None, records_before: int | None) -> Removal:
    """What ``remove`` would take, read only (call it inside a read transaction)."""
    noted: set[int] = set()
    records = tombstones = drafts = 0
    if records_before is not None:
        rows = _old_records(conn, records_before, EVERY)
        records = len(rows)
        tombstones = sum(tomb for _, tomb in rows)
        noted |= _noted(conn, [rowid for rowid, _ in rows])
    if notes_before is not None:
        noted |= set(_old_notes(conn, notes_before, EVERY))
        drafts = int(
            conn.execute(
                "SELECT count(*) FROM drafts WHERE saved_at < ?", (notes_before,)
            ).fetchone()[0]
        )
    return Removal(len(noted), records, tombstones, drafts)


def remove(
    conn: Connection, notes_before: int | None, records_before: int | None, limit: int
) -> tuple[Removal, bool]:
    """Remove at most ``limit`` records and ``limit`` notes past their periods (call it
    inside a write transaction); and whether a limit was reached (there may be more)."""
    removed = Removal()
    more = False
    if records_before is not None:
        rows = _old_records(conn, records_before, limit)
        more = len(rows) == limit
        rowids = [rowid for rowid, _ in rows]
        # The notes go with their records (ON DELETE CASCADE): counted as shredded.
        notes = len(_noted(conn, rowids))
        deleted = conn.execute(
            "DELETE FROM records WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(rowids),),
        ).rowcount
        removed += Removal(notes, deleted, sum(tomb for _, tomb in rows))
    if notes_before is not None:
        noted = _old_notes(conn, notes_before, limit)
        more = more or len(noted) == limit
        notes = conn.execute(
            "DELETE FROM record_notes WHERE record IN (SELECT value FROM json_each(?))",
            (json.dumps(noted),),
        ).rowcount
        drafts = conn.execute("DELETE FROM drafts WHERE saved_at < ?", (notes_before,)).rowcount
        removed += Removal(notes=notes, drafts=drafts)
    return removed, more


def newest_save(conn: Connection) -> int | None:
    """When the record stored last was saved (epoch seconds), or None without records."""
    row = conn.execute("SELECT created_at FROM records ORDER BY rowid DESC LIMIT 1").fetchone()
    return None if row is None else int(row[0])
