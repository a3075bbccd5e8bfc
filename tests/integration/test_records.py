"""Call records in a real vault: the role rules, validation, history, counting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from counselor_app import accounts, records
from counselor_app.config import Settings
from counselor_app.errors import (
    InvalidInput,
    PermissionDenied,
    RecordInvalid,
    RecordLocked,
    RecordNotFound,
)
from counselor_app.forms.expression import Answer
from counselor_app.roles import Role
from counselor_app.store.records import CallRecord, RecordStore
from counselor_app.vault import Session, open_vault

START = datetime(2025, 3, 4, 21, 13, tzinfo=UTC)
END = START + timedelta(minutes=28, seconds=30)
VICTIM: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological", "physical"],
    "has_children": "yes",
    "children_minor_count": 2,
    "response": ["listening", "rights_info"],
    "note": "Appelle depuis le travail. 😟 مرحبا",
}


@pytest.fixture
def people(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> Iterator[dict[str, Session]]:
    accounts.add_user(admin_session, "cora", Role.COUNSELOR, "cora's long password")
    accounts.add_user(admin_session, "dina", Role.COUNSELOR, "dina's long password")
    accounts.add_user(admin_session, "sara", Role.SUPERVISOR, "sara's long password")
    opened = {
        name: open_vault(vault_dir, name, f"{name}'s long password", settings)
        for name in ("cora", "dina", "sara")
    }
    yield {**opened, "alice": admin_session}
    for session in opened.values():
        session.close()


def log(
    session: Session, answers: dict[str, Answer] = VICTIM, now: datetime | None = None
) -> CallRecord:
    record = records.new_record(session, started_at=START, ended_at=END, answers=answers)
    return records.create(session, record, now=now)


def test_create_and_read_back(people: dict[str, Session]) -> None:
    cora = people["cora"]
    saved = log(cora)
    again = records.get(cora, saved.id)
    assert again == saved
    assert again.answers == VICTIM
    assert again.note == VICTIM["note"]
    assert again.counselor_id == cora.user.id
    assert again.duration_s == 1710
    assert (again.form, again.form_version) == ("vff", 1)


def test_the_record_belongs_to_whoever_saves_it(people: dict[str, Session]) -> None:
    cora, dina = people["cora"], people["dina"]
    record = records.new_record(cora, started_at=START, ended_at=END, answers=VICTIM)
    saved = records.create(dina, record)
    assert saved.counselor_id == dina.user.id


def test_invalid_records_are_refused_and_nothing_is_written(people: dict[str, Session]) -> None:
    cora = people["cora"]
    bad = {**VICTIM, "violence_types": []}
    with pytest.raises(RecordInvalid) as error:
        log(cora, bad)
    assert ("violence_types", "choose at least 1") in error.value.issues
    backwards = records.new_record(cora, started_at=END, ended_at=START, answers=VICTIM)
    with pytest.raises(RecordInvalid, match="ended_at"):
        records.create(cora, backwards)
    assert cora.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 0


def test_counselors_see_only_their_own(people: dict[str, Session]) -> None:
    saved = log(people["cora"])
    with pytest.raises(RecordNotFound):
        records.get(people["dina"], saved.id)
    assert records.get(people["sara"], saved.id).id == saved.id
    assert records.get(people["alice"], saved.id).id == saved.id


def test_counselors_edit_their_own_for_24_hours(people: dict[str, Session]) -> None:
    cora, dina, sara = people["cora"], people["dina"], people["sara"]
    created = datetime.now(UTC)
    saved = log(cora, now=created)
    changed = {**VICTIM, "reason": "sexual_violence"}
    updated = records.update(cora, saved.id, answers=changed, now=created + timedelta(hours=23))
    assert updated.answers["reason"] == "sexual_violence"
    with pytest.raises(RecordLocked):
        records.update(cora, saved.id, answers=VICTIM, now=created + timedelta(hours=25))
    with pytest.raises(RecordNotFound):
        records.update(dina, saved.id, answers=VICTIM)
    # A supervisor may change it at any time.
    records.update(sara, saved.id, answers=VICTIM, now=created + timedelta(days=30))
    assert records.get(cora, saved.id).answers["reason"] == "domestic_violence"


def test_history_records_who_changed_which_fields(people: dict[str, Session]) -> None:
    cora, sara = people["cora"], people["sara"]
    saved = log(cora)
    changed = {**VICTIM, "reason": "cyber_violence", "violence_types": ["cyber"]}
    records.update(cora, saved.id, answers=changed, ended_at=END + timedelta(minutes=1))
    records.delete(sara, saved.id, "Duplicate of another call")
    entries = records.history(sara, saved.id)
    assert [(e.action, e.user_id) for e in entries] == [
        ("create", cora.user.id),
        ("update", cora.user.id),
        ("delete", sara.user.id),
    ]
    assert entries[1].fields == ("ended_at", "reason", "violence_types")
    assert entries[2].reason == "Duplicate of another call"
    with pytest.raises(PermissionDenied):
        records.history(cora, saved.id)


def test_delete_needs_a_reason_and_a_supervisor(people: dict[str, Session]) -> None:
    cora, sara = people["cora"], people["sara"]
    saved = log(cora)
    with pytest.raises(PermissionDenied):
        records.delete(cora, saved.id, "mistake")
    with pytest.raises(InvalidInput):
        records.delete(sara, saved.id, "   ")
    records.delete(sara, saved.id, "Test call logged by mistake")
    with pytest.raises(RecordNotFound):
        records.get(sara, saved.id)
    # Nothing of the content is left: no codes, no note, empty answers.
    conn = sara.conn
    assert conn.execute("SELECT count(*) FROM record_codes").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM record_notes").fetchone()[0] == 0
    assert conn.execute("SELECT answers, delete_reason FROM records").fetchone() == (
        "{}",
        "Test call logged by mistake",
    )


def test_a_silent_call_stores_only_kind_and_channel(people: dict[str, Session]) -> None:
    saved = log(people["cora"], {"call_kind": "silent", "channel": "phone"})
    assert records.get(people["cora"], saved.id).answers == {
        "call_kind": "silent",
        "channel": "phone",
    }


def test_counting_by_field_and_code(people: dict[str, Session]) -> None:
    cora, sara = people["cora"], people["sara"]
    log(cora)
    log(cora, {**VICTIM, "violence_types": ["physical", "sexual"]})
    log(cora, {"call_kind": "hangup", "channel": "chat"})
    gone = log(cora, {**VICTIM, "violence_types": ["economic"]})
    records.delete(sara, gone.id, "duplicate")
    store = RecordStore(sara.conn)
    assert store.count_codes("violence_types") == {"psychological": 1, "physical": 2, "sexual": 1}
    assert store.count_codes("call_kind") == {"victim": 2, "hangup": 1}
    assert store.count_codes("children_minor_count") == {"2": 2}
    assert store.count_codes("note") == {}
    assert store.count_codes("call_kind", start=END) == {}
    assert store.count_codes("call_kind", start=START, end=END) == {"victim": 2, "hangup": 1}


def test_records_are_encrypted_on_disk(people: dict[str, Session], vault_dir: Path) -> None:
    log(people["cora"])
    for session in people.values():
        session.close()
    raw = b"".join(p.read_bytes() for p in vault_dir.iterdir())
    assert b"domestic_violence" not in raw
    assert b"Appelle depuis" not in raw
