"""Drafts survive a killed process and stay with their user."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from counselor_app import accounts, records
from counselor_app.config import Settings
from counselor_app.drafts import Draft, discard_draft, load_draft, save_draft
from counselor_app.roles import Role
from counselor_app.vault import Session, open_vault
from counselor_app.vault.database import DatabaseError
from tests.conftest import ADMIN, ADMIN_PASSWORD

STARTED = datetime(2025, 3, 4, 21, 13, tzinfo=UTC)
DRAFT = Draft(
    started_at=STARTED,
    answers={"call_kind": "victim", "channel": "phone", "note": "Très inquiète 😟"},
    section="victim",
    prompts_shown=("child_line_119",),
)


def test_save_load_discard(admin_session: Session) -> None:
    assert load_draft(admin_session) is None
    save_draft(admin_session, DRAFT)
    assert load_draft(admin_session) == DRAFT
    newer = Draft(started_at=STARTED, answers={"call_kind": "relative"})
    save_draft(admin_session, newer)
    assert load_draft(admin_session) == newer
    discard_draft(admin_session)
    assert load_draft(admin_session) is None


def test_a_draft_is_only_its_users(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "cora", Role.COUNSELOR, "cora's long password")
    save_draft(admin_session, DRAFT)
    with open_vault(vault_dir, "cora", "cora's long password", settings) as cora:
        assert load_draft(cora) is None
        discard_draft(cora)
    assert load_draft(admin_session) == DRAFT


def test_the_draft_survives_sigkill(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from datetime import UTC, datetime
        from pathlib import Path
        from counselor_app.config import Settings
        from counselor_app.drafts import Draft, save_draft
        from counselor_app.vault import open_vault
        password = sys.stdin.readline().rstrip("\\n")
        session = open_vault(Path({str(vault_dir)!r}), {ADMIN!r}, password, Settings())
        draft = Draft(started_at=datetime(2025, 3, 4, 21, 13, tzinfo=UTC),
                      answers={{"call_kind": "victim", "channel": "chat"}}, section="call")
        save_draft(session, draft)
        print("saved", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=ADMIN_PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert result.returncode == -9, result.stderr
    assert result.stdout.strip() == "saved"
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        draft = load_draft(session)
        assert draft is not None
        assert draft.answers == {"call_kind": "victim", "channel": "chat"}
        assert draft.section == "call"


def test_saving_a_call_drops_the_draft_in_the_same_transaction(admin_session: Session) -> None:
    save_draft(admin_session, DRAFT)
    record = records.new_record(
        admin_session,
        started_at=STARTED,
        ended_at=STARTED,
        answers={"call_kind": "silent", "channel": "phone"},
    )
    records.create(admin_session, record, drop_draft=True)
    assert load_draft(admin_session) is None
    # A save that fails keeps the draft.
    save_draft(admin_session, DRAFT)
    with pytest.raises(DatabaseError):
        records.create(admin_session, record, drop_draft=True)  # the same id again
    assert load_draft(admin_session) == DRAFT
