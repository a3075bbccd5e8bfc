"""The audit trail: chained entries, tampering found, imports and exports recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from counselor_app import audit
from counselor_app.exchange.transfer import ImportRejected, export_file, import_file
from counselor_app.store.db import transaction
from counselor_app.vault import Session
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.integration.test_cli import cli, lines
from tests.integration.test_exchange import line, write


def add(session: Session, action: str, detail: str | None = None) -> None:
    with transaction(session.conn):
        audit.record(session.conn, session.user.id, action, detail=detail)


def test_a_chain_of_entries_verifies(admin_session: Session) -> None:
    for number in range(5):
        add(admin_session, "test", f"n={number}")
    assert [e.id for e in audit.entries(admin_session.conn)] == [1, 2, 3, 4, 5]
    assert audit.first_broken(admin_session.conn) is None


def test_changed_removed_or_inserted_entries_break_the_chain(admin_session: Session) -> None:
    for number in range(5):
        add(admin_session, "test", f"n={number}")
    conn = admin_session.conn
    conn.execute("UPDATE audit SET detail = 'n=9' WHERE id = 3")
    assert audit.first_broken(conn) == 3
    conn.execute("UPDATE audit SET detail = 'n=2' WHERE id = 3")
    assert audit.first_broken(conn) is None
    conn.execute("DELETE FROM audit WHERE id = 2")
    assert audit.first_broken(conn) == 3


def test_import_and_export_are_recorded_without_content(
    admin_session: Session, tmp_path: Path
) -> None:
    rows = [line(), line()]
    rows[0]["answers"]["note"] = "Rappeler au 06 12 34 56 78"
    import_file(admin_session, write(tmp_path / "in.jsonl", rows))
    export_file(admin_session, tmp_path / "out.jsonl", with_notes=True)
    entries = audit.entries(admin_session.conn)
    assert [(e.action, e.user_id, e.outcome) for e in entries] == [
        ("import", admin_session.user.id, "ok"),
        ("export", admin_session.user.id, "ok"),
    ]
    assert entries[0].detail == "imported=2 skipped=0 notes_with_findings=1 redacted=0"
    assert entries[1].detail == "records=2 notes=1"
    text = " ".join(str(e) for e in entries)
    assert "06 12" not in text and "domestic_violence" not in text


def test_a_rejected_import_leaves_no_entry(admin_session: Session, tmp_path: Path) -> None:
    bad = line()
    bad["answers"]["reason"] = "nothing"
    import_file_path = write(tmp_path / "in.jsonl", [line(), bad])
    with pytest.raises(ImportRejected):
        import_file(admin_session, import_file_path)
    assert audit.entries(admin_session.conn) == []


def test_verify_names_the_first_entry_that_does_not_fit(
    admin_session: Session, vault_dir: Path
) -> None:
    for number in range(3):
        add(admin_session, "test", f"n={number}")
    admin_session.conn.execute("UPDATE audit SET user_id = 'someone else' WHERE id = 2")
    admin_session.close()
    code, _, err = cli(
        "--data-dir", str(vault_dir), "verify", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 1
    assert "audit trail does not fit its chain from entry 2" in err
