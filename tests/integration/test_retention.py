"""Retention and legal holds in a real vault: what goes, what stays, what is recorded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from counselor_app import accounts, audit, holds, records, retention
from counselor_app.config import Settings
from counselor_app.drafts import Draft, load_draft, save_draft
from counselor_app.errors import PermissionDenied, RecordHeld, RecordNotFound, RetentionPaused
from counselor_app.forms.expression import Answer
from counselor_app.retention import Policy
from counselor_app.roles import Role
from counselor_app.store import retention as retention_store
from counselor_app.store.db import transaction
from counselor_app.store.records import CallRecord
from counselor_app.vault import Session, open_vault
from counselor_app.vault.database import integrity_problems

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
POLICY = Policy(note_days=90, record_months=60)
CALL: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological"],
    "response": ["listening"],
    "note": "Rappellera demain.",
}


@pytest.fixture
def sara(admin_session: Session, vault_dir: Path, settings: Settings) -> Iterator[Session]:
    accounts.add_user(admin_session, "sara", Role.SUPERVISOR, "sara's long password")
    accounts.add_user(admin_session, "cora", Role.COUNSELOR, "cora's long password")
    with open_vault(vault_dir, "sara", "sara's long password", settings) as session:
        yield session


def log(session: Session, started: datetime, *, note: str | None = "Rappellera demain.") -> str:
    answers = dict(CALL)
    if note is None:
        del answers["note"]
    else:
        answers["note"] = note
    record = records.new_record(
        session, started_at=started, ended_at=started + timedelta(minutes=5), answers=answers
    )
    # Saved lately: the daily run refuses a clock far past the last save.
    return records.create(session, record, now=max(started, NOW - timedelta(hours=2))).id


def fetch(session: Session, record_id: str) -> CallRecord:
    return records.get(session, record_id)


def test_months_are_calendar_months() -> None:
    assert retention.months_before(datetime(2026, 11, 28, tzinfo=UTC), 60) == datetime(
        2021, 11, 28, tzinfo=UTC
    )
    assert retention.months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(
        2026, 2, 28, tzinfo=UTC
    )
    assert retention.months_before(datetime(2024, 1, 15, tzinfo=UTC), 13) == datetime(
        2022, 12, 15, tzinfo=UTC
    )
    notes, kept = retention.cutoffs(Policy(note_days=0, record_months=0), NOW)
    assert (notes, kept) == (None, None)


def test_old_notes_are_shredded_and_recent_ones_kept(sara: Session) -> None:
    old = log(sara, NOW - timedelta(days=91))
    edge = log(sara, NOW - timedelta(days=89, hours=23))
    silent = log(sara, NOW - timedelta(days=200), note=None)
    result = retention.purge(sara, POLICY, now=NOW, automatic=True)
    assert result.notes_shredded == 1 and result.records_deleted == 0
    assert result.notes_before == NOW - timedelta(days=90)
    assert fetch(sara, old).note is None
    assert fetch(sara, old).answers["violence_types"] == ["psychological"]  # the rest stays
    assert fetch(sara, edge).note == "Rappellera demain."
    assert fetch(sara, silent).note is None
    assert integrity_problems(sara.conn) == []


def test_old_records_are_deleted_with_their_tombstones(sara: Session) -> None:
    old = log(sara, NOW - timedelta(days=61 * 31))
    deleted = log(sara, NOW - timedelta(days=62 * 31))
    records.delete(sara, deleted, "doublon", now=NOW - timedelta(days=60 * 31))
    young = log(sara, NOW - timedelta(days=58 * 31))
    result = retention.purge(sara, POLICY, now=NOW, automatic=True)
    assert (result.records_deleted, result.tombstones_deleted) == (2, 1)
    assert result.notes_shredded == 2  # old's note, and young's (past 90 days)
    with pytest.raises(RecordNotFound):
        fetch(sara, old)
    rows = sara.conn.execute("SELECT id FROM records").fetchall()
    assert [r[0] for r in rows] == [young]
    for table in ("record_codes", "record_history", "record_notes"):
        orphans = sara.conn.execute(
            f"SELECT count(*) FROM {table} WHERE record NOT IN (SELECT rowid FROM records)"
        ).fetchone()[0]
        assert orphans == 0, table
    assert integrity_problems(sara.conn) == []


def test_a_legal_hold_keeps_the_record_and_its_note(sara: Session) -> None:
    kept = log(sara, NOW - timedelta(days=70 * 31), note="Dossier judiciaire")
    gone = log(sara, NOW - timedelta(days=70 * 31))
    assert holds.place(sara, kept, now=NOW) is True
    assert holds.place(sara, kept, now=NOW) is False  # already held: nothing written
    result = retention.purge(sara, POLICY, now=NOW, automatic=True)
    assert (result.records_deleted, result.held_kept) == (1, 1)
    assert fetch(sara, kept).note == "Dossier judiciaire"
    with pytest.raises(RecordNotFound):
        fetch(sara, gone)
    assert [h.record_id for h in holds.holds(sara)] == [kept]
    assert holds.lift(sara, kept, now=NOW) is True
    assert holds.lift(sara, kept, now=NOW) is False
    later = retention.purge(sara, POLICY, now=NOW + timedelta(days=1), automatic=True)
    assert later.records_deleted == 1
    actions = [e.action for e in audit.entries(sara.conn) if e.record_id == kept]
    assert actions == ["record_created", "hold_placed", "hold_lifted"]


def test_a_held_record_can_be_neither_changed_nor_deleted(sara: Session) -> None:
    record_id = log(sara, NOW - timedelta(days=3))
    holds.place(sara, record_id)
    with pytest.raises(RecordHeld) as refused:
        records.delete(sara, record_id, "erreur")
    assert refused.value.action == "delete"
    changed = {**CALL, "note": "autre chose"}
    with pytest.raises(RecordHeld) as refused:
        records.update(sara, record_id, answers=changed)
    assert refused.value.action == "change"
    assert fetch(sara, record_id).note == "Rappellera demain."
    hold = holds.hold_of(sara, record_id)
    assert hold is not None and hold.placed_by == "sara"
    holds.lift(sara, record_id)
    assert holds.hold_of(sara, record_id) is None
    records.delete(sara, record_id, "erreur")
    with pytest.raises(RecordNotFound):
        holds.place(sara, record_id)  # a tombstone has nothing left to hold


def test_holds_and_purges_need_their_roles(
    sara: Session, vault_dir: Path, settings: Settings
) -> None:
    record_id = log(sara, NOW - timedelta(days=3))
    with open_vault(vault_dir, "cora", "cora's long password", settings) as cora:
        with pytest.raises(PermissionDenied):
            holds.place(cora, record_id)
        with pytest.raises(PermissionDenied):
            holds.holds(cora)
        with pytest.raises(PermissionDenied):
            retention.purge(cora, POLICY)
    with pytest.raises(PermissionDenied):
        retention.purge(sara, POLICY)  # the command is for admins


def test_stale_drafts_go_with_the_notes(sara: Session) -> None:
    save_draft(sara, Draft(NOW - timedelta(days=100), dict(CALL)), now=NOW - timedelta(days=95))
    assert retention.purge(sara, POLICY, now=NOW, automatic=True).drafts_removed == 1
    assert load_draft(sara) is None
    save_draft(sara, Draft(NOW - timedelta(hours=1), dict(CALL)), now=NOW - timedelta(hours=1))
    assert retention.purge(sara, POLICY, now=NOW, automatic=True).drafts_removed == 0
    assert load_draft(sara) is not None


def test_a_dry_run_counts_and_changes_nothing(admin_session: Session) -> None:
    old = log(admin_session, NOW - timedelta(days=100))
    before = len(audit.entries(admin_session.conn))
    result = retention.purge(admin_session, POLICY, now=NOW, dry_run=True)
    assert result.notes_shredded == 1
    assert fetch(admin_session, old).note == "Rappellera demain."
    assert len(audit.entries(admin_session.conn)) == before
    assert retention.last_run(admin_session.conn) is None
    assert not admin_session.conn.in_transaction


def test_each_purge_is_in_the_audit_trail(admin_session: Session) -> None:
    log(admin_session, NOW - timedelta(days=100))
    retention.purge(admin_session, POLICY, now=NOW)
    entry = audit.entries(admin_session.conn)[-1]
    assert (entry.action, entry.user_id) == ("purge", admin_session.user.id)
    assert entry.detail == "notes=1 records=0 drafts=0 held=0"
    assert audit.first_broken(admin_session.conn) is None


def test_the_login_run_is_daily(admin_session: Session) -> None:
    old = log(admin_session, NOW - timedelta(days=100))
    first = retention.purge_if_due(admin_session, POLICY, now=NOW)
    assert first is not None and first.notes_shredded == 1
    assert retention.purge_if_due(admin_session, POLICY, now=NOW + timedelta(hours=10)) is None
    assert fetch(admin_session, old).note is None
    again = retention.purge_if_due(admin_session, POLICY, now=NOW + timedelta(days=1))
    assert again is not None and again.removed_anything is False
    details = [e.detail for e in audit.entries(admin_session.conn) if e.action == "purge"]
    assert details == ["automatic notes=1 records=0 drafts=0 held=0"]  # not the empty run
    assert retention.last_run(admin_session.conn) == "2026-11-29"


def test_zero_keeps_for_ever(admin_session: Session) -> None:
    old = log(admin_session, NOW - timedelta(days=365 * 30))
    result = retention.purge(admin_session, Policy(note_days=0, record_months=0), now=NOW)
    assert (result.notes_before, result.records_before) == (None, None)
    assert fetch(admin_session, old).note == "Rappellera demain."


def test_the_policy_comes_from_the_site_settings(tmp_path: Path) -> None:
    from counselor_app.config import load_settings

    site = tmp_path / "site.ini"
    site.write_text(
        "[counselor-app]\nnote_retention_days = 30\nrecord_retention_months = 0\n",
        encoding="utf-8",
    )
    user = tmp_path / "user.ini"
    user.write_text("[counselor-app]\nnote_retention_days = 3000\n", encoding="utf-8")
    settings = load_settings(site, user)
    assert Policy.from_settings(settings) == Policy(note_days=30, record_months=0)
    assert any("note_retention_days" in w for w in settings.warnings)
    bad = tmp_path / "bad.ini"
    bad.write_text("[counselor-app]\nrecord_retention_months = -1\n", encoding="utf-8")
    fallback = load_settings(bad, tmp_path / "none.ini")
    assert fallback.record_retention_months == 60
    assert any("record_retention_months" in w for w in fallback.warnings)


def test_a_purge_goes_in_small_transactions_and_can_stop_between_them(
    admin_session: Session,
) -> None:
    for days in (100, 101, 102, 103, 104):
        log(admin_session, NOW - timedelta(days=days))
    for months in (61, 62, 63):
        log(admin_session, NOW - timedelta(days=months * 31))
    steps: list[int] = []

    def stop() -> bool:
        steps.append(1)
        return len(steps) > 2

    partial = retention.purge(admin_session, POLICY, now=NOW, batch=2, stop=stop)
    assert not partial.finished and partial.file_rewritten
    assert (partial.records_deleted, partial.notes_shredded) == (3, 7)
    assert retention.last_run(admin_session.conn) is None  # not the day's run yet
    due = retention.purge_if_due(admin_session, POLICY, now=NOW, batch=2)
    assert due is not None and due.finished
    assert (due.records_deleted, due.notes_shredded) == (0, 1)
    purges = [e.detail or "" for e in audit.entries(admin_session.conn) if e.action == "purge"]
    assert len(purges) == 3  # one entry a transaction that removed something
    shredded = sum(int(d.split("notes=")[1].split()[0]) for d in purges)
    assert shredded == 8
    left = admin_session.conn.execute("SELECT count(*) FROM record_notes").fetchone()[0]
    assert left == 0


def test_the_daily_run_refuses_a_clock_far_past_the_last_save(admin_session: Session) -> None:
    old = log(admin_session, NOW - timedelta(days=100))
    ahead = NOW + timedelta(days=32)
    with pytest.raises(RetentionPaused) as refused:
        retention.purge_if_due(admin_session, POLICY, now=ahead)
    assert refused.value.days == 32
    assert fetch(admin_session, old).note == "Rappellera demain."
    assert retention.last_run(admin_session.conn) is None
    # An admin who checked the clock runs it by hand.
    assert retention.purge(admin_session, POLICY, now=ahead).notes_shredded == 1


def test_a_dry_run_blocks_no_writer(
    admin_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    for days in range(100, 110):
        log(admin_session, NOW - timedelta(days=days))
    writer = admin_session.reopen()
    writer.conn.execute("PRAGMA busy_timeout = 0")
    counting = retention_store.held_past
    wrote: list[bool] = []

    def held_past_while_writing(*args: Any) -> int:
        # Someone saves a call on another connection while the dry run counts.
        with transaction(writer.conn):
            writer.conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        wrote.append(True)
        return int(counting(*args))

    monkeypatch.setattr(retention_store, "held_past", held_past_while_writing)
    try:
        result = retention.purge(admin_session, POLICY, now=NOW, dry_run=True)
    finally:
        writer.close()
    assert wrote == [True]
    assert result.notes_shredded == 10 and not admin_session.conn.in_transaction
    assert admin_session.conn.execute("SELECT count(*) FROM record_notes").fetchone()[0] == 10
