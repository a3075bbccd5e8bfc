"""Retention: notes shredded after N days, records deleted after N months.

The periods come from the site settings (``note_retention_days``,
``record_retention_months``; 0 keeps for ever) and count from the call's start.
A record on legal hold (``holds``) keeps its note and stays. A purge removes,
in one transaction with its ``purge`` audit entry:

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


# Records of calls started before a moment, through the two partial indexes that
# cover live records and tombstones, never a scan of the table.
_OLD_RECORDS = (
    "SELECT rowid FROM records WHERE started_at < :before AND deleted_at IS NULL "
    "UNION ALL SELECT rowid FROM records WHERE started_at < :before AND deleted_at IS NOT NULL"
)
_UNHELD = "rowid NOT IN (SELECT record FROM legal_holds)"


def _count(conn: Connection, sql: str, params: dict[str, int]) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


def _apply(conn: Connection, notes_before: int | None, records_before: int | None) -> PurgeResult:
    notes = tombstones = records = drafts = 0
    held: set[int] = set()
    if records_before is not None:
        params = {"before": records_before}
        old = f"rowid IN ({_OLD_RECORDS}) AND {_UNHELD}"
        held |= {
            int(r[0])
            for r in conn.execute(
                f"SELECT rowid FROM records WHERE rowid IN ({_OLD_RECORDS}) AND NOT {_UNHELD}",
                params,
            )
        }
        tombstones = _count(
            conn, f"SELECT count(*) FROM records WHERE {old} AND deleted_at IS NOT NULL", params
        )
        # The notes go with their records (ON DELETE CASCADE); count them as shredded.
        notes += _count(
            conn,
            f"SELECT count(*) FROM record_notes WHERE record IN (SELECT rowid FROM records "
            f"WHERE {old})",
            params,
        )
        records = conn.execute(f"DELETE FROM records WHERE {old}", params).rowcount
    if notes_before is not None:
        params = {"before": notes_before}
        held |= {
            int(r[0])
            for r in conn.execute(
                "SELECT n.record FROM record_notes n JOIN records r ON r.rowid = n.record "
                "WHERE r.started_at < :before AND n.record IN (SELECT record FROM legal_holds)",
                params,
            )
        }
        # Only the notes left (those of recent calls and held records) are looked at.
        notes += conn.execute(
            "DELETE FROM record_notes WHERE record IN (SELECT n.record FROM record_notes n "
            "JOIN records r ON r.rowid = n.record WHERE r.started_at < :before) "
            "AND record NOT IN (SELECT record FROM legal_holds)",
            params,
        ).rowcount
        drafts = conn.execute("DELETE FROM drafts WHERE saved_at < :before", params).rowcount
    return PurgeResult(
        None,
        None,
        notes_shredded=notes,
        records_deleted=records,
        tombstones_deleted=tombstones,
        drafts_removed=drafts,
        held_kept=len(held),
    )


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
        (LAST_RUN, moment.astimezone(UTC).date().isoformat()),
    )


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, to roll it back."""

    def __init__(self, counted: PurgeResult) -> None:
        super().__init__()
        self.counted = counted


def purge(
    session: Session,
    policy: Policy,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    automatic: bool = False,
) -> PurgeResult:
    """Apply the policy. ``dry_run`` counts what would go and changes nothing;
    ``automatic`` (the daily run at login) needs no permission of the user."""
    if not automatic:
        session.require(Permission.PURGE)
    moment = now if now is not None else datetime.now(UTC)
    notes_at, records_at = cutoffs(policy, moment)
    conn = session.conn
    try:
        with transaction(conn):
            counted = _apply(
                conn,
                None if notes_at is None else to_epoch(notes_at),
                None if records_at is None else to_epoch(records_at),
            )
            if dry_run:
                raise _DryRun(counted)
            _mark_run(conn, moment)
            audit.record(
                conn, session.user.id, "purge", detail=_detail(counted, automatic), now=moment
            )
    except _DryRun as stopped:
        return replace(stopped.counted, notes_before=notes_at, records_before=records_at)
    # Even when nothing new went: an earlier purge may have been kept from emptying the log.
    rewritten = _rewrite_file(conn)
    return replace(
        counted, notes_before=notes_at, records_before=records_at, file_rewritten=rewritten
    )


def last_run(conn: Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (LAST_RUN,)).fetchone()
    return None if row is None else str(row[0])


def purge_if_due(
    session: Session, policy: Policy, *, now: datetime | None = None
) -> PurgeResult | None:
    """The daily run: purge unless a purge already ran this UTC day; None when not due."""
    moment = now if now is not None else datetime.now(UTC)
    if last_run(session.conn) == moment.astimezone(UTC).date().isoformat():
        return None
    return purge(session, policy, now=moment, automatic=True)
