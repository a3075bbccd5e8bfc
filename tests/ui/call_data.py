"""Vaults with calls in them, for the call list and transfer tests."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from counselor_app import accounts
from counselor_app.config import Settings
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.exchange.jsonl import to_line
from counselor_app.forms.catalogue import default_form
from counselor_app.roles import Role
from counselor_app.store.db import transaction
from counselor_app.store.records import CallRecord, RecordStore
from counselor_app.vault import Session, open_vault
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD

SUPERVISOR = "sam"
SUPERVISOR_PASSWORD = "sam-password-123"
PASSWORDS = {
    ADMIN: ADMIN_PASSWORD,
    COUNSELOR: COUNSELOR_PASSWORD,
    SUPERVISOR: SUPERVISOR_PASSWORD,
}


def add_supervisor(vault_dir: Path, settings: Settings) -> None:
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as admin:
        accounts.add_user(admin, SUPERVISOR, Role.SUPERVISOR, SUPERVISOR_PASSWORD)


def open_as(vault_dir: Path, name: str, settings: Settings) -> Session:
    return open_vault(vault_dir, name, PASSWORDS[name], settings)


def user_ids(session: Session) -> dict[str, str]:
    return {u.username: u.id for u in accounts.list_users(session)}


def calls(
    count: int,
    counselors: Sequence[str],
    *,
    seed: int = 7,
    end: datetime | None = None,
    days: int = 60,
) -> list[CallRecord]:
    return list(
        synthetic_calls(default_form(), count, seed=seed, counselors=counselors, end=end, days=days)
    )


def insert(
    session: Session, records: Sequence[CallRecord], saved_at: datetime | None = None
) -> None:
    """Store the records as if saved at ``saved_at`` (now by default), in one transaction."""
    moment = saved_at if saved_at is not None else datetime.now(UTC)
    store = RecordStore(session.conn)
    with transaction(session.conn):
        for record in records:
            store.insert(record, moment)


def hours_ago(hours: float) -> datetime:
    return datetime.now(UTC) - timedelta(hours=hours)


@contextmanager
def timezone(name: str) -> Iterator[None]:
    """Run with the workstation's local time zone set to ``name`` (Python and Qt follow)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def write_jsonl(path: Path, records: Sequence[CallRecord], *, with_notes: bool = True) -> Path:
    path.write_text(
        "".join(to_line(r, with_note=with_notes) + "\n" for r in records), encoding="utf-8"
    )
    return path
