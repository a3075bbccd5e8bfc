"""Import and export of JSON Lines files, with real files and a real vault."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from counselor_app import accounts, records
from counselor_app.config import Settings
from counselor_app.errors import PermissionDenied
from counselor_app.exchange.jsonl import format_time
from counselor_app.exchange.transfer import ImportRejected, export_file, import_file
from counselor_app.privacy.scanner import REDACTION
from counselor_app.roles import Role
from counselor_app.store.records import RecordStore
from counselor_app.vault import Session, open_vault

VICTIM: dict[str, Any] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological", "physical"],
    "response": ["listening"],
}


def line(answers: dict[str, Any] | None = None, **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "form": "vff",
        "form_version": 1,
        "started_at": "2025-03-04T21:13:00Z",
        "ended_at": "2025-03-04T21:41:30Z",
        "answers": answers if answers is not None else dict(VICTIM),
    }
    data.update(over)
    return data


def write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def count(session: Session) -> int:
    return int(session.conn.execute("SELECT count(*) FROM records").fetchone()[0])


def test_import_then_export_round_trip(admin_session: Session, tmp_path: Path) -> None:
    rows = [line(), line({"call_kind": "silent", "channel": "chat"})]
    rows[0]["answers"]["note"] = "Très inquiète 😟 — مرحبا — revoir lundi"
    result = import_file(admin_session, write(tmp_path / "in.jsonl", rows))
    assert (result.imported, result.skipped, result.notes_with_findings) == (2, 0, [])
    assert records.get(admin_session, rows[0]["id"]).counselor_id == admin_session.user.id
    out = tmp_path / "out.jsonl"
    assert export_file(admin_session, out, with_notes=True) == 2
    exported = [json.loads(t) for t in out.read_text("utf-8").splitlines()]
    assert {e["id"]: e for e in exported} == {r["id"]: r for r in rows}
    assert export_file(admin_session, out) == 2
    assert "note" not in out.read_text("utf-8")


def test_a_bad_last_line_rejects_the_whole_file(admin_session: Session, tmp_path: Path) -> None:
    rows = [line() for _ in range(50)]
    rows.append(line({**VICTIM, "violence_types": ["physical", "fists"]}))
    with pytest.raises(ImportRejected) as error:
        import_file(admin_session, write(tmp_path / "in.jsonl", rows))
    assert (error.value.line, error.value.field) == (51, "violence_types")
    assert "line 51" in str(error.value) and "violence_types" in str(error.value)
    assert count(admin_session) == 0


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (line(id="not-a-uuid"), "id"),
        (line(form_version=9), "form"),
        (line(started_at="2025-03-04 21:13"), "started_at"),
        (line(ended_at="2025-03-04T20:00:00Z"), "ended_at"),
        (line({**VICTIM, "children_abused": "yes"}), "children_abused"),
        (line({k: v for k, v in VICTIM.items() if k != "response"}), "response"),
        (line(colour="red"), "colour"),
        ({k: v for k, v in line().items() if k != "answers"}, "answers"),
    ],
)
def test_each_bad_line_names_its_field(
    admin_session: Session, tmp_path: Path, row: dict[str, Any], field: str
) -> None:
    with pytest.raises(ImportRejected) as error:
        import_file(admin_session, write(tmp_path / "in.jsonl", [line(), row]))
    assert (error.value.line, error.value.field) == (2, field)
    assert count(admin_session) == 0


def test_broken_json_and_bytes(admin_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(json.dumps(line()).encode() + b"\n{oops\n")
    with pytest.raises(ImportRejected, match="line 2"):
        import_file(admin_session, path)
    path.write_bytes(json.dumps(line()).encode() + b"\n\xff\xfe\n")
    with pytest.raises(ImportRejected, match="UTF-8"):
        import_file(admin_session, path)
    assert count(admin_session) == 0


def test_records_already_present_are_skipped(admin_session: Session, tmp_path: Path) -> None:
    rows = [line(), line()]
    path = write(tmp_path / "in.jsonl", [*rows, rows[0]])
    assert (import_file(admin_session, path).imported, count(admin_session)) == (2, 2)
    again = import_file(admin_session, path)
    assert (again.imported, again.skipped) == (0, 3)
    assert count(admin_session) == 2


def test_notes_with_identifying_details(admin_session: Session, tmp_path: Path) -> None:
    rows = [
        line({**VICTIM, "note": "Rappeler au 06 12 34 56 78, ou écrire à l@x.fr"}),
        line({**VICTIM, "note": "Connaît le 3919 et le 17."}),
        line({**VICTIM, "note": "Habite 12 rue de la Paix"}),
    ]
    path = write(tmp_path / "in.jsonl", rows)
    kept = import_file(admin_session, path)
    assert kept.notes_with_findings == [1, 3]
    assert "06 12 34 56 78" in str(records.get(admin_session, rows[0]["id"]).note)
    fresh = [line(r["answers"]) for r in rows]
    masked = import_file(admin_session, write(tmp_path / "in2.jsonl", fresh), redact_notes=True)
    assert masked.notes_with_findings == [1, 3]
    assert records.get(admin_session, fresh[0]["id"]).note == (
        f"Rappeler au {REDACTION}, ou écrire à {REDACTION}"
    )
    assert records.get(admin_session, fresh[1]["id"]).note == "Connaît le 3919 et le 17."


def test_export_period_is_inclusive_local_dates(admin_session: Session, tmp_path: Path) -> None:
    def at(day: date, hour: int) -> str:
        return format_time(datetime(day.year, day.month, day.day, hour).astimezone())

    days = [date(2025, 2, 28), date(2025, 3, 1), date(2025, 3, 31), date(2025, 4, 1)]
    rows = [line(started_at=at(d, h), ended_at=at(d, h)) for d in days for h in (0, 23)]
    import_file(admin_session, write(tmp_path / "in.jsonl", rows))
    out = tmp_path / "march.jsonl"
    assert export_file(admin_session, out, start=date(2025, 3, 1), end=date(2025, 3, 31)) == 4
    exported = {json.loads(t)["id"] for t in out.read_text("utf-8").splitlines()}
    assert exported == {r["id"] for r in rows[2:6]}


def test_export_needs_a_supervisor(
    admin_session: Session, vault_dir: Path, settings: Settings, tmp_path: Path
) -> None:
    accounts.add_user(admin_session, "cora", Role.COUNSELOR, "cora's long password")
    with (
        open_vault(vault_dir, "cora", "cora's long password", settings) as cora,
        pytest.raises(PermissionDenied),
    ):
        export_file(cora, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_deleted_records_are_not_exported(admin_session: Session, tmp_path: Path) -> None:
    rows = [line(), line()]
    import_file(admin_session, write(tmp_path / "in.jsonl", rows))
    records.delete(admin_session, rows[0]["id"], "duplicate")
    assert export_file(admin_session, tmp_path / "out.jsonl") == 1
    assert RecordStore(admin_session.conn).count_codes("call_kind") == {"victim": 1}


def test_import_time_is_stored_in_utc(admin_session: Session, tmp_path: Path) -> None:
    row = line(started_at="2025-03-04T22:13:00+01:00", ended_at="2025-03-04T22:41:30+01:00")
    import_file(admin_session, write(tmp_path / "in.jsonl", [row]))
    assert records.get(admin_session, row["id"]).started_at == datetime(
        2025, 3, 4, 21, 13, tzinfo=UTC
    )
