"""SQL of record bundles: the bundles a workstation sent, the workstations a
consolidation vault accepted, and the records a bundle carries in and out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from counselor_app.store.db import Connection
from counselor_app.store.records import NOTE_FIELD


@dataclass(frozen=True)
class SentBundle:
    sequence: int
    base: int
    made_at: int
    changes_until: int
    records: int


@dataclass(frozen=True)
class Workstation:
    id: str
    signing_key: str  # base64 of the raw Ed25519 public key
    accepted_at: int
    accepted_by: str  # the accepting user's name, or their id if the account is gone
    last_sequence: int
    last_made_at: int | None
    last_imported_at: int | None
    records: int  # live records from it


@dataclass(frozen=True)
class Existing:
    rowid: int
    revision: int
    workstation: str | None
    deleted: bool
    held: bool


def last_sent(conn: Connection) -> SentBundle | None:
    row = conn.execute(
        "SELECT sequence, base, made_at, changes_until, records FROM bundles_sent "
        "ORDER BY sequence DESC LIMIT 1"
    ).fetchone()
    return None if row is None else SentBundle(*(int(v) for v in row))


def sent(conn: Connection, sequence: int) -> SentBundle | None:
    row = conn.execute(
        "SELECT sequence, base, made_at, changes_until, records FROM bundles_sent "
        "WHERE sequence = ?",
        (sequence,),
    ).fetchone()
    return None if row is None else SentBundle(*(int(v) for v in row))


def add_sent(conn: Connection, bundle: SentBundle, *, notes: bool, made_by: str) -> None:
    conn.execute(
        "INSERT INTO bundles_sent (sequence, base, made_at, changes_until, records, notes, "
        "made_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            bundle.sequence,
            bundle.base,
            bundle.made_at,
            bundle.changes_until,
            bundle.records,
            int(notes),
            made_by,
        ),
    )


def change_counter(conn: Connection) -> int:
    """The vault's change counter: every record written since has a higher ``changed``."""
    return int(conn.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0])


def changed_since(
    conn: Connection, counter: int | None, *, notes: bool
) -> Iterator[dict[str, Any]]:
    """The records made in this vault that were written after the change counter was
    ``counter`` (None: all of them), as the payload of a bundle; deleted ones as
    tombstones without answers."""
    rows = conn.execute(
        "SELECT r.id, r.form, r.form_version, r.started_at, r.ended_at, r.answers, "
        "r.prompts_shown, r.findings_confirmed, r.created_at, r.updated_at, r.deleted_at, "
        "n.note, r.revision FROM records r LEFT JOIN record_notes n ON n.record = r.rowid "
        "WHERE r.workstation IS NULL AND r.changed > ? ORDER BY r.changed",
        (-1 if counter is None else counter,),
    )
    for row in rows:
        answers = json.loads(row[5])
        if notes and row[11] is not None:
            answers[NOTE_FIELD] = row[11]
        yield {
            "id": row[0],
            "form": row[1],
            "form_version": int(row[2]),
            "started_at": int(row[3]),
            "ended_at": int(row[4]),
            "answers": answers,
            "prompts_shown": json.loads(row[6]),
            "findings_confirmed": bool(row[7]),
            "created_at": int(row[8]),
            "updated_at": int(row[9]),
            "deleted_at": None if row[10] is None else int(row[10]),
            "revision": int(row[12]),
        }


def existing(conn: Connection, record_id: str) -> Existing | None:
    row = conn.execute(
        "SELECT rowid, revision, workstation, deleted_at IS NOT NULL, "
        "EXISTS (SELECT 1 FROM legal_holds h WHERE h.record = records.rowid) "
        "FROM records WHERE id = ?",
        (record_id,),
    ).fetchone()
    if row is None:
        return None
    return Existing(int(row[0]), int(row[1]), row[2], bool(row[3]), bool(row[4]))


def set_origin(conn: Connection, rowid: int, workstation: str, revision: int) -> None:
    """Mark where a record came from, with the workstation's revision, which later bundles
    are compared with. Its times stay those of this vault (when it was imported)."""
    conn.execute(
        "UPDATE records SET workstation = ?, revision = ? WHERE rowid = ?",
        (workstation, revision, rowid),
    )


def workstations(conn: Connection) -> list[Workstation]:
    rows = conn.execute(
        "SELECT w.id, w.signing_key, w.accepted_at, coalesce(u.username, w.accepted_by), "
        "w.last_sequence, w.last_made_at, w.last_imported_at, "
        "(SELECT count(*) FROM records r WHERE r.workstation = w.id AND r.deleted_at IS NULL) "
        "FROM workstations w LEFT JOIN users u ON u.id = w.accepted_by ORDER BY w.accepted_at, w.id"
    ).fetchall()
    return [
        Workstation(str(r[0]), str(r[1]), int(r[2]), str(r[3]), int(r[4]), r[5], r[6], int(r[7]))
        for r in rows
    ]


def workstation(conn: Connection, workstation_id: str) -> Workstation | None:
    return next((w for w in workstations(conn) if w.id == workstation_id), None)


def accept(conn: Connection, workstation_id: str, signing_key: str, by: str, at: int) -> None:
    conn.execute(
        "INSERT INTO workstations (id, signing_key, accepted_at, accepted_by) VALUES (?, ?, ?, ?)",
        (workstation_id, signing_key, at, by),
    )


def advance(
    conn: Connection, workstation_id: str, sequence: int, made_at: int, imported_at: int
) -> None:
    conn.execute(
        "UPDATE workstations SET last_sequence = ?, last_made_at = ?, last_imported_at = ? "
        "WHERE id = ?",
        (sequence, made_at, imported_at, workstation_id),
    )
