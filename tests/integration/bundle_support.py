"""Workstations, an organisation key and a consolidation vault, for the bundle tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.exchange import orgkey
from counselor_app.exchange.bundle_export import BundleMade, export_bundle
from counselor_app.exchange.consolidation import init_consolidation
from counselor_app.forms.expression import Answer
from counselor_app.store.records import CallRecord
from counselor_app.vault import Session, create_vault

PASSPHRASE = "organisation passphrase"
PASSWORD = "a long enough password"
START = datetime(2026, 3, 4, 21, 13, tzinfo=UTC)
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
}


class Org:
    def __init__(self, folder: Path) -> None:
        self.keys = orgkey.keygen(folder, PASSPHRASE)
        self.public = orgkey.public_bytes(orgkey.unseal(self.keys.private_path, PASSPHRASE))


def workstation(folder: Path, name: str, settings: Settings | None = None) -> Session:
    return create_vault(folder / name, name, PASSWORD, settings or Settings())


def consolidation(folder: Path, org: Org) -> Session:
    return init_consolidation(
        folder / "consolidation", org.keys.private_path, PASSPHRASE, "sup", PASSWORD, Settings()
    )


def log_calls(
    session: Session, count: int, *, first: int = 0, note: str | None = None
) -> list[CallRecord]:
    made = []
    for index in range(first, first + count):
        started = START + timedelta(hours=index)
        answers = dict(ANSWERS)
        if note is not None:
            answers["note"] = note
        record = records.new_record(
            session,
            started_at=started,
            ended_at=started + timedelta(minutes=12),
            answers=answers,
        )
        made.append(records.create(session, record))
    return made


def edit(session: Session, record: CallRecord, channel: str = "chat") -> CallRecord:
    return records.update(session, record.id, answers={**record.answers, "channel": channel})


def send(session: Session, out: Path, org: Org, **options: object) -> BundleMade:
    return export_bundle(session, out, org_public=org.public, **options)  # type: ignore[arg-type]


def live_ids(session: Session) -> set[str]:
    rows = session.conn.execute("SELECT id FROM records WHERE deleted_at IS NULL")
    return {str(row[0]) for row in rows}


def state(session: Session) -> tuple[object, ...]:
    """Everything an import may write: records, codes, notes, history, workstations, audit."""
    conn = session.conn
    return tuple(
        conn.execute(sql).fetchall()
        for sql in (
            "SELECT * FROM records ORDER BY rowid",
            "SELECT * FROM record_codes ORDER BY record, code_id",
            "SELECT * FROM record_notes ORDER BY record",
            "SELECT * FROM record_history ORDER BY id",
            "SELECT * FROM workstations ORDER BY id",
            "SELECT id, action FROM audit ORDER BY id",
        )
    )
