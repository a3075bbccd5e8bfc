"""The audit trail: who did what and when, never answers or notes.

Each entry is written in the transaction of the action it records, and its hash
covers the previous entry's hash, so an entry changed, removed or inserted later
breaks the chain from there on (``first_broken``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from counselor_app.store.db import Connection

GENESIS = "0" * 64


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    user_id: str | None
    action: str
    record_id: str | None
    outcome: str
    detail: str | None


def _digest(prev_hash: str, entry: Entry) -> str:
    body = json.dumps(
        [
            entry.id,
            entry.at,
            entry.user_id,
            entry.action,
            entry.record_id,
            entry.outcome,
            entry.detail,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def record(
    conn: Connection,
    user_id: str | None,
    action: str,
    *,
    record_id: str | None = None,
    outcome: str = "ok",
    detail: str | None = None,
    now: datetime | None = None,
) -> Entry:
    """Append an entry; call it inside the transaction of the action."""
    last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev_id, prev_hash = (0, GENESIS) if last is None else (int(last[0]), str(last[1]))
    at = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    entry = Entry(prev_id + 1, at, user_id, action, record_id, outcome, detail)
    conn.execute(
        "INSERT INTO audit (id, at, user_id, action, record_id, outcome, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.id,
            at,
            user_id,
            action,
            record_id,
            outcome,
            detail,
            prev_hash,
            _digest(prev_hash, entry),
        ),
    )
    return entry


def entries(conn: Connection) -> list[Entry]:
    rows = conn.execute(
        "SELECT id, at, user_id, action, record_id, outcome, detail FROM audit ORDER BY id"
    ).fetchall()
    return [Entry(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]


def first_broken(conn: Connection) -> int | None:
    """The id of the first entry that does not fit the chain, or None if all do."""
    expected_prev = GENESIS
    expected_id = 1
    rows = conn.execute(
        "SELECT id, at, user_id, action, record_id, outcome, detail, prev_hash, hash "
        "FROM audit ORDER BY id"
    )
    for row in rows:
        entry = Entry(int(row[0]), row[1], row[2], row[3], row[4], row[5], row[6])
        if (
            entry.id != expected_id
            or row[7] != expected_prev
            or row[8] != _digest(expected_prev, entry)
        ):
            return entry.id
        expected_prev = row[8]
        expected_id += 1
    return None
