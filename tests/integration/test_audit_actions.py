"""The audit trail's entries for records, accounts and logins, in real vaults.

Each action writes exactly one entry, in its own transaction (an action that fails
leaves none), and no entry holds an answer, a note or a reason for a deletion.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from counselor_app import accounts, audit, records
from counselor_app.config import Settings
from counselor_app.errors import InvalidInput, LastAdmin, RecordInvalid, RecordLocked
from counselor_app.forms.expression import Answer
from counselor_app.roles import Role
from counselor_app.store.records import CallRecord
from counselor_app.vault import Session, open_vault
from counselor_app.vault.database import DatabaseError
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.integration.test_cli import cli, lines

START = datetime(2025, 3, 4, 21, 13, tzinfo=UTC)
END = START + timedelta(minutes=20)
NOTE_MARKER = "NOTE-MARKER-4471"
REASON_MARKER = "REASON-MARKER-9083"
ANSWERS: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological", "physical"],
    "has_children": "no",
    "response": ["listening", "rights_info"],
    "note": f"Rappelle demain. {NOTE_MARKER}",
}
CORA_PASSWORD = "cora's long password"


def all_audit_text(session: Session) -> str:
    """Every column of every audit row, as one text to search."""
    rows = session.conn.execute("SELECT * FROM audit ORDER BY id").fetchall()
    return "\n".join("|".join(str(value) for value in row) for row in rows)


def actions(session: Session) -> list[str]:
    return [e.action for e in audit.entries(session.conn)]


@pytest.fixture
def cora(admin_session: Session, vault_dir: Path, settings: Settings) -> Iterator[Session]:
    accounts.add_user(admin_session, "cora", Role.COUNSELOR, CORA_PASSWORD)
    with open_vault(vault_dir, "cora", CORA_PASSWORD, settings) as session:
        yield session


def save(session: Session, answers: dict[str, Answer] = ANSWERS) -> CallRecord:
    record = records.new_record(session, started_at=START, ended_at=END, answers=answers)
    return records.create(session, record)


def test_create_edit_and_delete_each_write_one_entry_without_content(
    admin_session: Session,
) -> None:
    saved = save(admin_session)
    changed = {**ANSWERS, "channel": "chat", "note": f"Autre note {NOTE_MARKER}"}
    records.update(admin_session, saved.id, answers=changed)
    records.delete(admin_session, saved.id, f"Doublon, voir l'autre appel {REASON_MARKER}")

    entries = audit.entries(admin_session.conn)
    me = admin_session.user.id
    assert [(e.action, e.user_id, e.record_id, e.outcome, e.detail) for e in entries] == [
        ("record_created", me, saved.id, "ok", None),
        ("record_edited", me, saved.id, "ok", "fields=channel,note"),
        ("record_deleted", me, saved.id, "ok", None),
    ]
    text = all_audit_text(admin_session)
    for secret in (NOTE_MARKER, REASON_MARKER, "Doublon", "domestic_violence", "chat", "spouse"):
        assert secret not in text
    # The reason is still where it belongs: in the record's history.
    assert records.history(admin_session, saved.id)[-1].reason is not None
    assert audit.first_broken(admin_session.conn) is None


def test_an_edit_of_the_times_names_them(admin_session: Session) -> None:
    saved = save(admin_session)
    records.update(admin_session, saved.id, answers=ANSWERS, ended_at=END + timedelta(minutes=1))
    assert audit.entries(admin_session.conn)[-1].detail == "fields=ended_at"


def test_actions_that_fail_leave_no_entry(admin_session: Session, cora: Session) -> None:
    # Refused before the transaction: not valid, no reason, too late to edit.
    with pytest.raises(RecordInvalid):
        save(cora, {**ANSWERS, "reason": "not-a-reason"})
    saved = save(cora)
    late = datetime.now(UTC) + timedelta(hours=records.EDIT_WINDOW_HOURS + 1)
    with pytest.raises(RecordLocked):
        records.update(cora, saved.id, answers=ANSWERS, now=late)
    with pytest.raises(InvalidInput):
        records.delete(admin_session, saved.id, "   ")
    # Failed inside the transaction: the same record saved twice.
    again = records.new_record(
        cora, started_at=START, ended_at=END, answers=ANSWERS, record_id=saved.id
    )
    with pytest.raises(DatabaseError):
        records.create(cora, again)
    assert actions(cora).count("record_created") == 1
    assert [a for a in actions(cora) if a.startswith("record_")] == ["record_created"]
    assert audit.first_broken(cora.conn) is None


def test_user_changes_write_one_entry_each_and_the_rekeys_keep_the_chain(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    me = admin_session.user.id
    dina = accounts.add_user(admin_session, "dina", Role.COUNSELOR, "dina's long password")
    accounts.set_role(admin_session, "dina", Role.SUPERVISOR)
    accounts.reset_password(admin_session, "dina", "dina's new password!")
    accounts.change_password(admin_session, ADMIN_PASSWORD, "alice's new password")
    accounts.remove_user(admin_session, "dina")

    expected = [
        ("user_added", me, None, f"user={dina.id} role=counselor"),
        ("role_changed", me, None, f"user={dina.id} role=counselor->supervisor"),
        ("password_reset", me, None, f"user={dina.id}"),
        ("password_changed", me, None, f"user={me}"),
        ("user_removed", me, None, f"user={dina.id}"),
    ]
    got = [(e.action, e.user_id, e.record_id, e.detail) for e in audit.entries(admin_session.conn)]
    assert got == expected
    assert audit.first_broken(admin_session.conn) is None
    text = all_audit_text(admin_session)
    for secret in ("dina's", "alice's new", ADMIN_PASSWORD):
        assert secret not in text
    # Under the key in force after three rekeys, the chain is whole.
    admin_session.close()
    with open_vault(vault_dir, ADMIN, "alice's new password", settings) as again:
        assert [e.action for e in audit.entries(again.conn)] == [a for a, *_ in expected]
        assert audit.first_broken(again.conn) is None


def test_refused_user_changes_leave_no_entry(admin_session: Session) -> None:
    with pytest.raises(LastAdmin):  # refused inside the transaction
        accounts.set_role(admin_session, ADMIN, Role.COUNSELOR)
    accounts.set_role(admin_session, ADMIN, Role.ADMIN)  # no change, nothing to record
    assert audit.entries(admin_session.conn) == []


def test_commands_record_their_login_and_verify_writes_nothing(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    me = admin_session.user.id
    admin_session.close()
    base = ("--data-dir", str(vault_dir))
    assert cli(*base, "user", "list", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))[0] == 0
    code, out, err = cli(*base, "verify", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert (code, out, err) == (0, "Vault integrity: ok.\n", "")
    new = "alice's other password"
    assert cli(*base, "user", "passwd", ADMIN, stdin=lines(ADMIN_PASSWORD, new))[0] == 0
    with open_vault(vault_dir, ADMIN, new, settings) as session:
        got = [(e.action, e.user_id, e.detail) for e in audit.entries(session.conn)]
    assert got == [
        ("login", me, "command"),
        ("login", me, "command"),
        ("password_changed", me, f"user={me}"),
    ]


def test_verify_passes_after_every_kind_of_entry_and_names_an_altered_one(
    admin_session: Session, vault_dir: Path
) -> None:
    saved = save(admin_session)
    records.update(admin_session, saved.id, answers={**ANSWERS, "channel": "chat"})
    records.delete(admin_session, saved.id, REASON_MARKER)
    accounts.add_user(admin_session, "dina", Role.COUNSELOR, "dina's long password")
    accounts.set_role(admin_session, "dina", Role.SUPERVISOR)
    accounts.reset_password(admin_session, "dina", "dina's new password!")
    accounts.remove_user(admin_session, "dina")
    admin_session.close()
    base = ("--data-dir", str(vault_dir))
    wrong = cli(*base, "user", "list", "--as", ADMIN, stdin=lines("not the password"))
    assert wrong[0] == 1
    assert cli(*base, "user", "list", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))[0] == 0

    code, out, _ = cli(*base, "verify", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert (code, out) == (0, "Vault integrity: ok.\n")

    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, Settings()) as session:
        found = actions(session)
        assert found[-2:] == ["login_failed", "login"]
        assert len(found) == 9
        session.conn.execute("UPDATE audit SET detail = 'fields=reason' WHERE id = 2")
    code, _, err = cli(*base, "verify", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert code == 1
    assert "audit trail does not fit its chain from entry 2" in err
