"""Retention: notes shredded after N days, records deleted after N months.

The periods come from the site settings (``note_retention_days``,
``record_retention_months``; 0 keeps for ever) and count from the call's start.
A record on legal hold (``holds``) keeps its note and stays. A purge removes, in
transactions of a few hundred records and notes, each with its ``purge`` audit
entry:

- the notes of calls older than the note period;
- the records (live ones and the tombstones of records deleted by hand) of calls
  older than the record period, with their coded answers, notes and history;
- drafts saved before the note period began (a draft can hold a note).

Removed means gone from the file, not flagged: the vault runs with
``secure_delete``, so SQLite overwrites what it frees, and the write-ahead log,
which still holds older copies of the pages, is then checkpointed into the file
and truncated. If another connection keeps the log busy, the last connection to
close does it (``file_rewritten`` is then False).

It runs with the ``purge`` command and at a window login, at most once a day
(``purge_if_due``).
"""

from __future__ import annotations

import json
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from counselor_app import audit
from counselor_app.config import Settings
from counselor_app.roles import Permission
from counselor_app.store.db import Connection, transaction
from counselor_app.store.records import to_epoch
from counselor_app.vault.database import BUSY_TIMEOUT_MS
from counselor_app.vault.session import Session

LAST_RUN = "retention_last_run"  # meta key: the UTC day of the last purge
CHECKPOINT_WAIT_MS = 500
BATCH = 500  # records and notes a transaction: a save elsewhere waits for one at most


@dataclass(frozen=True)
class Policy:
    note_days: int = 90  # 0: never
    record_months: int = 60  # 0: never

    @classmethod
    def from_settings(cls, settings: Settings) -> Policy:
        return cls(settings.note_retention_days, settings.record_retention_months)


@dataclass(frozen=True)
class PurgeResult:
    notes_before: datetime | None  # notes of calls started before this were shredded
    records_before: datetime | None  # records of calls started before this were deleted
    notes_shredded: int = 0
    records_deleted: int = 0  # of which tombstones:
    tombstones_deleted: int = 0
    drafts_removed: int = 0
    held_kept: int = 0  # records on hold that a rule would have touched
    file_rewritten: bool = True
    finished: bool = True  # False: stopped before the end (it goes on at the next purge)

    @property
    def removed_anything(self) -> bool:
        return bool(self.notes_shredded or self.records_deleted or self.drafts_removed)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day
    when it is shorter)."""
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    day = min(moment.day, monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def cutoffs(policy: Policy, now: datetime) -> tuple[datetime | None, datetime | None]:
    """(notes before, records before), each None when its rule keeps for ever."""
    moment = now.astimezone(UTC)
    notes = moment - timedelta(days=policy.note_days) if policy.note_days else None
    records = months_before(moment, policy.record_months) if policy.record_months else None
    return notes, records


# Records of calls started before a moment, oldest first, through the two partial
# indexes that cover live records and tombstones, never a scan of the table.
_OLD_RECORDS = (
    "SELECT rowid, 0 FROM records WHERE started_at < :before AND deleted_at IS NULL {unheld} "
    "UNION ALL SELECT rowid, 1 FROM records WHERE started_at < :before "
    "AND deleted_at IS NOT NULL {unheld} LIMIT :limit"
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
_EVERY = -1  # LIMIT -1: no limit


def _count(conn: Connection, sql: str, params: tuple[object, ...]) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


def _ids(rows: list[tuple[int, ...]]) -> str:
    return json.dumps([int(r[0]) for r in rows])


def _held(conn: Connection, notes_before: int | None, records_before: int | None) -> int:
    """Records on hold that a rule would otherwise touch."""
    held: set[int] = set()
    if records_before is not None:
        rows = conn.execute(
            _OLD_RECORDS.format(unheld=_HELD), {"before": records_before, "limit": _EVERY}
        )
        held |= {int(r[0]) for r in rows}
    if notes_before is not None:
        rows = conn.execute(_OLD_NOTES.format(hold="IN"), {"before": notes_before, "limit": _EVERY})
        held |= {int(r[0]) for r in rows}
    return len(held)


def _apply(
    conn: Connection, notes_before: int | None, records_before: int | None, limit: int
) -> tuple[PurgeResult, bool]:
    """Remove what the rules say, at most ``limit`` records and ``limit`` notes; and
    whether a limit was reached (there may be more)."""
    notes = tombstones = records = drafts = 0
    more = False
    if records_before is not None:
        rows = conn.execute(
            _OLD_RECORDS.format(unheld=_UNHELD), {"before": records_before, "limit": limit}
        ).fetchall()
        tombstones = sum(int(r[1]) for r in rows)
        more = len(rows) == limit
        ids = _ids(rows)
        # The notes go with their records (ON DELETE CASCADE): counted as shredded.
        notes += _count(
            conn,
            "SELECT count(*) FROM record_notes WHERE record IN (SELECT value FROM json_each(?))",
            (ids,),
        )
        records = conn.execute(
            "DELETE FROM records WHERE rowid IN (SELECT value FROM json_each(?))", (ids,)
        ).rowcount
    if notes_before is not None:
        rows = conn.execute(
            _OLD_NOTES.format(hold="NOT IN"), {"before": notes_before, "limit": limit}
        ).fetchall()
        more = more or len(rows) == limit
        notes += conn.execute(
            "DELETE FROM record_notes WHERE record IN (SELECT value FROM json_each(?))",
            (_ids(rows),),
        ).rowcount
        drafts = conn.execute("DELETE FROM drafts WHERE saved_at < ?", (notes_before,)).rowcount
    result = PurgeResult(
        None,
        None,
        notes_shredded=notes,
        records_deleted=records,
        tombstones_deleted=tombstones,
        drafts_removed=drafts,
    )
    return result, more


def _detail(result: PurgeResult, automatic: bool) -> str:
    parts = [
        f"notes={result.notes_shredded}",
        f"records={result.records_deleted}",
        f"drafts={result.drafts_removed}",
        f"held={result.held_kept}",
    ]
    return ("automatic " if automatic else "") + " ".join(parts)


def _rewrite_file(conn: Connection) -> bool:
    """Move every page out of the write-ahead log and empty it; False if a reader
    kept it from finishing (waiting for it briefly: a login must not hang on it)."""
    conn.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return not busy


def _mark_run(conn: Connection, moment: datetime) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (LAST_RUN, today_utc(moment)),
    )


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, to roll it back."""

    def __init__(self, counted: PurgeResult) -> None:
        super().__init__()
        self.counted = counted


def _dry_run(conn: Connection, notes_before: int | None, records_before: int | None) -> PurgeResult:
    try:
        with transaction(conn):
            counted, _ = _apply(conn, notes_before, records_before, _EVERY)
            raise _DryRun(replace(counted, held_kept=_held(conn, notes_before, records_before)))
    except _DryRun as stopped:
        return stopped.counted


def _add(total: PurgeResult, step: PurgeResult) -> PurgeResult:
    return replace(
        total,
        notes_shredded=total.notes_shredded + step.notes_shredded,
        records_deleted=total.records_deleted + step.records_deleted,
        tombstones_deleted=total.tombstones_deleted + step.tombstones_deleted,
        drafts_removed=total.drafts_removed + step.drafts_removed,
    )


def purge(
    session: Session,
    policy: Policy,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    automatic: bool = False,
    batch: int = BATCH,
    stop: Callable[[], bool] | None = None,
) -> PurgeResult:
    """Apply the policy, ``batch`` records and notes a transaction (each with its
    ``purge`` audit entry), so that saves on other connections are never held up
    long. ``stop`` is asked between transactions; a purge stopped early is not
    marked as the day's run (``finished`` False) and goes on at the next.

    ``dry_run`` counts what would go and changes nothing; ``automatic`` (the daily
    run at login) needs no permission of the user.
    """
    if not automatic:
        session.require(Permission.PURGE)
    moment = now if now is not None else datetime.now(UTC)
    notes_at, records_at = cutoffs(policy, moment)
    notes_before = None if notes_at is None else to_epoch(notes_at)
    records_before = None if records_at is None else to_epoch(records_at)
    conn = session.conn
    if dry_run:
        counted = _dry_run(conn, notes_before, records_before)
        return replace(counted, notes_before=notes_at, records_before=records_at)
    total = PurgeResult(notes_at, records_at)
    more = True
    while more:
        if stop is not None and stop():
            break
        with transaction(conn):
            if total == PurgeResult(notes_at, records_at):  # the first step
                total = replace(total, held_kept=_held(conn, notes_before, records_before))
            step, more = _apply(conn, notes_before, records_before, batch)
            step = replace(step, held_kept=total.held_kept)
            first = not total.removed_anything
            total = _add(total, step)
            # A purge by hand is recorded even when it found nothing; the daily run then not.
            if step.removed_anything or (first and not more and not automatic):
                audit.record(
                    conn, session.user.id, "purge", detail=_detail(step, automatic), now=moment
                )
            if not more:
                _mark_run(conn, moment)
    # Even when nothing new went: an earlier purge may have been kept from emptying the log.
    return replace(total, finished=not more, file_rewritten=_rewrite_file(conn))


def today_utc(now: datetime | None = None) -> str:
    """The UTC day, as the last run is noted."""
    return (now if now is not None else datetime.now(UTC)).astimezone(UTC).date().isoformat()


def last_run(conn: Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (LAST_RUN,)).fetchone()
    return None if row is None else str(row[0])


def purge_if_due(
    session: Session,
    policy: Policy,
    *,
    now: datetime | None = None,
    batch: int = BATCH,
    stop: Callable[[], bool] | None = None,
) -> PurgeResult | None:
    """The daily run: purge unless a purge finished this UTC day; None when not due."""
    moment = now if now is not None else datetime.now(UTC)
    if last_run(session.conn) == today_utc(moment):
        return None
    return purge(session, policy, now=moment, automatic=True, batch=batch, stop=stop)
