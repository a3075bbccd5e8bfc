"""Shredded means gone from the database file, not flagged: the pages are decrypted and
searched, free space and the write-ahead log included (``tests/sqlcipher_pages``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from counselor_app import holds, records, retention
from counselor_app.forms.expression import Answer
from counselor_app.retention import Policy
from counselor_app.vault import Session
from tests.sqlcipher_pages import (
    CipherSettings,
    Page,
    all_pages,
    found,
    free_pages,
    holding,
    wal_path,
)

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
POLICY = Policy(note_days=90, record_months=60)
ANCIENT = NOW - timedelta(days=6 * 365)  # past the record period: the record goes
OLD = NOW - timedelta(days=200)  # past the note period: the note goes, the record stays
RECENT = NOW - timedelta(days=10)  # inside both: everything stays
CALL: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological"],
    "response": ["listening"],
}


@dataclass(frozen=True)
class Logged:
    id: str
    markers: tuple[str, str]  # one ASCII, one not


@dataclass(frozen=True)
class Vault:
    """What reading the file needs, kept so that it can be read after the session closes."""

    database: Path
    key: bytes
    settings: CipherSettings

    def pages(self) -> list[Page]:
        return all_pages(self.database, self.key, self.settings)

    def raw(self) -> bytes:
        wal = wal_path(self.database)
        return self.database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")

    def wal_size(self) -> int:
        wal = wal_path(self.database)
        return wal.stat().st_size if wal.exists() else 0


@pytest.fixture
def vault(admin_session: Session) -> Vault:
    settings = CipherSettings.from_connection(admin_session.conn)
    return Vault(admin_session.paths.database, admin_session.data_key, settings)


def log(session: Session, started: datetime, *, long: bool) -> Logged:
    """A call whose note carries two markers of its own; a long note (1,975 characters,
    about 6.5 KB in UTF-8) repeats them and spills to an overflow page."""
    token = uuid.uuid4()
    markers = (f"SHRED-MARKER-{token}", f"Mélodie-{token}")
    unit = f"{markers[0]} {markers[1]} "
    note = (unit + "😟" * 300) * 5 if long else f"Rappellera demain. {unit}"
    record = records.new_record(
        session,
        started_at=started,
        ended_at=started + timedelta(minutes=5),
        answers={**CALL, "note": note},
    )
    saved = records.create(session, record, now=started + timedelta(minutes=5))
    assert saved.note == note
    return Logged(saved.id, markers)


def log_pair(session: Session, started: datetime) -> list[Logged]:
    return [log(session, started, long=True), log(session, started, long=False)]


def assert_found(pages: list[Page], calls: list[Logged]) -> None:
    for call in calls:
        for marker in call.markers:
            assert holding(pages, marker), marker


def assert_gone(pages: list[Page], calls: list[Logged]) -> None:
    for call in calls:
        for marker in call.markers:
            where = [(page.source, page.number) for page in holding(pages, marker)]
            assert not found(pages, marker), (marker, where)


def test_the_pages_decrypt_and_show_the_notes(admin_session: Session, vault: Vault) -> None:
    calls = log_pair(admin_session, OLD) + log_pair(admin_session, RECENT)
    pages = vault.pages()
    first = pages[0]
    assert (first.source, first.number) == ("file", 1)
    assert first.data[16:18] == vault.settings.page_size.to_bytes(2, "big")
    assert (first.data[20], first.data[21:24]) == (vault.settings.reserve, bytes([64, 32, 32]))
    # a b-tree page type, or 0: overflow and free pages start with a (small) page number
    assert all(p.data[100 if p.number == 1 else 0] in (0, 2, 5, 10, 13) for p in pages)
    assert_found(pages, calls)
    # not yet checkpointed: the notes are in the log's frames, decrypted as well
    for call in calls:
        assert {p.source for p in holding(pages, call.markers[0])} == {"wal"}
    raw = vault.raw()
    for call in calls:
        for marker in call.markers:
            assert marker.encode() not in raw
            assert marker.encode("utf-16-le") not in raw


def test_a_purge_shreds_old_notes_and_records_and_keeps_recent_ones(
    admin_session: Session, vault: Vault
) -> None:
    ancient = log_pair(admin_session, ANCIENT)
    old = log_pair(admin_session, OLD)
    recent = log_pair(admin_session, RECENT)
    assert_found(vault.pages(), ancient + old + recent)

    result = retention.purge(admin_session, POLICY, now=NOW)

    assert (result.notes_shredded, result.records_deleted) == (4, 2)
    assert result.file_rewritten
    pages = vault.pages()
    assert_gone(pages, ancient + old)
    assert_found(pages, recent)
    assert vault.wal_size() == 0
    assert records.get(admin_session, old[0].id).note is None
    assert records.get(admin_session, recent[0].id).note is not None


@pytest.mark.parametrize("secure_delete", ["OFF", "ON"])
def test_without_secure_delete_a_deleted_note_stays_in_the_file(
    admin_session: Session, vault: Vault, secure_delete: str
) -> None:
    """The control: the search finds what a plain delete leaves behind, in the cell
    freed on the table page and in the overflow page put on the free list."""
    long, short = log_pair(admin_session, OLD)
    conn = admin_session.conn
    conn.execute(f"PRAGMA secure_delete = {secure_delete}")
    conn.execute("DELETE FROM record_notes")
    assert conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    assert vault.wal_size() == 0
    pages = vault.pages()
    free = free_pages(pages)
    assert len(free) == conn.execute("PRAGMA freelist_count").fetchone()[0] >= 1
    if secure_delete == "ON":
        assert_gone(pages, [long, short])
        return
    assert_found(pages, [long, short])
    for marker in long.markers:  # in the free overflow page, past its 8-byte trunk header
        assert {p.number for p in holding(pages, marker)} & free, marker
    for marker in short.markers:  # in free space of a table page
        assert all(p.number not in free for p in holding(pages, marker)), marker


def test_a_held_record_keeps_its_note_in_the_file(admin_session: Session, vault: Vault) -> None:
    held = log(admin_session, OLD, long=True)
    held_ancient = log(admin_session, ANCIENT, long=False)
    others = [*log_pair(admin_session, OLD), log(admin_session, ANCIENT, long=True)]
    assert holds.place(admin_session, held.id, now=NOW)
    assert holds.place(admin_session, held_ancient.id, now=NOW)

    result = retention.purge(admin_session, POLICY, now=NOW)

    assert (result.notes_shredded, result.records_deleted, result.held_kept) == (3, 1, 2)
    assert result.file_rewritten
    pages = vault.pages()
    assert_found(pages, [held, held_ancient])
    assert_gone(pages, others)


def test_a_reader_delays_the_rewrite_until_the_last_connection_closes(
    admin_session: Session, vault: Vault
) -> None:
    old = log_pair(admin_session, OLD)
    recent = log_pair(admin_session, RECENT)
    reader = admin_session.reopen()
    try:
        reader.conn.execute("BEGIN")
        assert reader.conn.execute("SELECT count(*) FROM record_notes").fetchone()[0] == 4

        result = retention.purge(admin_session, POLICY, now=NOW)

        assert result.notes_shredded == 2
        assert not result.file_rewritten
        # The reader still sees its snapshot: the old notes are still on disk.
        assert reader.conn.execute("SELECT count(*) FROM record_notes").fetchone()[0] == 4
        assert_found(vault.pages(), old)
        reader.conn.execute("COMMIT")
    finally:
        reader.close()
    assert_found(vault.pages(), old)  # until the last connection closes
    admin_session.close()

    assert vault.wal_size() == 0
    pages = vault.pages()
    assert_gone(pages, old)
    assert_found(pages, recent)


def test_the_next_purge_empties_a_log_a_reader_had_kept(
    admin_session: Session, vault: Vault
) -> None:
    old = log_pair(admin_session, OLD)
    reader = admin_session.reopen()
    try:
        reader.conn.execute("BEGIN")
        reader.conn.execute("SELECT count(*) FROM record_notes").fetchone()
        assert not retention.purge(admin_session, POLICY, now=NOW).file_rewritten
    finally:
        reader.close()
    again = retention.purge(admin_session, POLICY, now=NOW + timedelta(days=1))
    assert not again.removed_anything and again.file_rewritten
    assert vault.wal_size() == 0
    assert_gone(vault.pages(), old)  # with the session still open


def test_notes_already_in_the_file_are_overwritten_there(
    admin_session: Session, vault: Vault
) -> None:
    """The usual case: months-old notes were moved into the file long ago."""
    old = log_pair(admin_session, OLD)
    recent = log_pair(admin_session, RECENT)
    admin_session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    assert vault.wal_size() == 0
    before = vault.pages()
    assert all(page.source == "file" for page in before)
    assert_found(before, old + recent)

    assert retention.purge(admin_session, POLICY, now=NOW).notes_shredded == 2

    after = vault.pages()
    assert_gone(after, old)
    assert_found(after, recent)
