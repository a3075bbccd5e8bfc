"""A full disk while saving: a clear error, nothing half-written, the draft kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from counselor_app import records
from counselor_app.drafts import Draft, load_draft, save_draft
from counselor_app.forms.expression import Answer
from counselor_app.store.db import Connection
from counselor_app.vault import Session
from counselor_app.vault.database import DatabaseError, integrity_problems

START = datetime(2026, 3, 2, 10, tzinfo=UTC)
NOTE = "€€€ " * 500  # 2,000 characters, 5,000 bytes in UTF-8: more than a page holds


def fill_up(conn: Connection) -> None:
    """Use up the room left in the file's pages, as a full disk leaves none."""
    size, number = 1 << 16, 0
    while size >= 8:
        try:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)", (f"filler-{number}", "x" * size)
            )
            number += 1
        except DatabaseError:
            size //= 2


def test_a_save_on_a_full_disk_fails_whole_and_keeps_the_draft(admin_session: Session) -> None:
    answers: dict[str, Answer] = {
        "call_kind": "relative",
        "channel": "phone",
        "reason": "information",
        "response": ["listening"],
        "note": NOTE[:2000],
    }
    save_draft(admin_session, Draft(started_at=START, answers=dict(answers)))
    conn = admin_session.conn
    before = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk cannot take one page more
    fill_up(conn)
    record = records.new_record(
        admin_session, started_at=START, ended_at=START + timedelta(minutes=9), answers=answers
    )
    with pytest.raises(DatabaseError, match="full"):
        records.create(admin_session, record, drop_draft=True)
    conn.execute("PRAGMA max_page_count = 1073741823")
    conn.execute("DELETE FROM meta WHERE key LIKE 'filler-%'")
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == before
    assert load_draft(admin_session) is not None  # the draft was not dropped
    assert integrity_problems(conn) == []
    records.create(admin_session, record, drop_draft=True)  # space again: it saves
    assert records.get(admin_session, record.id).note == NOTE[:2000]
