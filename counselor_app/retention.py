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

from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from counselor_app import audit
from counselor_app.config import Settings
from counselor_app.errors import RetentionPaused
from counselor_app.roles import Permission
from counselor_app.store import retention as store
from counselor_app.store.db import Connection, transaction
from counselor_app.store.records import from_epoch, to_epoch
from counselor_app.store.retention import Removal
from counselor_app.vault.database import BUSY_TIMEOUT_MS
from counselor_app.vault.session import Session

LAST_RUN = "retention_last_run"  # meta key: the UTC day of the last purge
CHECKPOINT_WAIT_MS = 500
CLOCK_GAP = timedelta(days=31)
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


def _detail(removed: Removal, held: int | None, automatic: bool) -> str:
    parts = [f"notes={removed.notes}", f"records={removed.records}", f"drafts={removed.drafts}"]
    if held is not None:
        parts.append(f"held={held}")
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


def _result(
    notes_at: datetime | None, records_at: datetime | None, removed: Removal, held: int
) -> PurgeResult:
    return PurgeResult(
        notes_at,
        records_at,
        notes_shredded=removed.notes,
        records_deleted=removed.records,
        tombstones_deleted=removed.tombstones,
        drafts_removed=removed.drafts,
        held_kept=held,
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

    ``dry_run`` counts what would go, reading only; ``automatic`` (the daily run at
    login) needs no permission of the user.
    """
    if not automatic:
        session.require(Permission.PURGE)
    if batch < 1:
        raise ValueError("a purge removes at least one record or note a transaction")
    moment = now if now is not None else datetime.now(UTC)
    notes_at, records_at = cutoffs(policy, moment)
    notes_before = None if notes_at is None else to_epoch(notes_at)
    records_before = None if records_at is None else to_epoch(records_at)
    conn = session.conn
    if dry_run:
        conn.execute("BEGIN")  # one snapshot for every count; readers block no one
        try:
            due = store.count_due(conn, notes_before, records_before)
            kept = store.held_past(conn, notes_before, records_before)
        finally:
            conn.execute("COMMIT")
        return _result(notes_at, records_at, due, kept)
    total = Removal()
    held: int | None = None
    more = True
    while more:
        if stop is not None and stop():
            break
        with transaction(conn):
            first = held is None
            if held is None:
                held = store.held_past(conn, notes_before, records_before)
            step, more = store.remove(conn, notes_before, records_before, batch)
            total += step
            # A purge by hand is recorded even when it found nothing; the daily run then not.
            if step.anything or (first and not more and not automatic):
                audit.record(
                    conn,
                    session.user.id,
                    "purge",
                    detail=_detail(step, held if first else None, automatic),
                    now=now,  # each transaction at its own time, unless a time was given
                )
            if not more:
                _mark_run(conn, moment)
    # Even when nothing new went: an earlier purge may have been kept from emptying the log.
    return replace(
        _result(notes_at, records_at, total, held or 0),
        finished=not more,
        file_rewritten=_rewrite_file(conn),
    )


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
    """The daily run: purge unless a purge finished this UTC day; None when not due.

    Raises RetentionPaused when the clock is more than ``CLOCK_GAP`` past the last call
    saved: a clock set years ahead must not delete every record at the next login.
    """
    moment = now if now is not None else datetime.now(UTC)
    if last_run(session.conn) == today_utc(moment):
        return None
    newest = store.newest_save(session.conn)
    if newest is not None and moment - from_epoch(newest) > CLOCK_GAP:
        raise RetentionPaused((moment - from_epoch(newest)).days)
    return purge(session, policy, now=now, automatic=True, batch=batch, stop=stop)
