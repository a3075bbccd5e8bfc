"""The records inside a bundle: checked one by one before anything is written."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from counselor_app.forms.catalogue import UnknownForm, load_form
from counselor_app.forms.expression import Answer
from counselor_app.forms.validation import validate_answers, validate_times
from counselor_app.store.records import NOTE_FIELD, from_epoch

PAYLOAD_FORMAT = "counselor-app records"
PAYLOAD_VERSION = 1
KEYS = frozenset(
    {
        "id",
        "form",
        "form_version",
        "started_at",
        "ended_at",
        "answers",
        "prompts_shown",
        "findings_confirmed",
        "created_at",
        "updated_at",
        "deleted_at",
        "revision",
    }
)
EARLIEST, LATEST = 0, 32503680000  # 1970 to 3000, in epoch seconds


class RecordRefused(ValueError):
    def __init__(self, index: int, field: str, message: str) -> None:
        super().__init__(f"record {index}, {field}: {message}")


@dataclass(frozen=True)
class IncomingRecord:
    id: str
    form: str
    form_version: int
    started_at: int
    ended_at: int
    answers: dict[str, Answer]
    prompts_shown: tuple[str, ...]
    findings_confirmed: bool
    created_at: int
    updated_at: int
    deleted_at: int | None
    revision: int  # 1 when made, one more at each change: what tells newer from older


def _seconds(data: dict[str, Any], key: str, index: int, *, optional: bool = False) -> Any:
    value = data[key]
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not EARLIEST <= value <= LATEST:
        raise RecordRefused(index, key, "expected a time in seconds since 1970")
    return value


def parse_payload(payload: bytes, *, notes: bool, expected: int) -> list[IncomingRecord]:
    """Every record of a decrypted payload, or RecordRefused naming the first bad one."""
    try:
        document = json.loads(payload.decode("utf-8"))
    except (ValueError, RecursionError):  # also numbers too long, nesting too deep
        raise RecordRefused(0, "payload", "not JSON text this program reads") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != PAYLOAD_FORMAT
        or not isinstance(document.get("records"), list)
    ):
        raise RecordRefused(0, "payload", "not a list of records")
    if document.get("version") != PAYLOAD_VERSION:
        raise RecordRefused(0, "payload", "written by a newer program; update this one")
    items = document["records"]
    if len(items) != expected:
        raise RecordRefused(0, "payload", f"{len(items)} records where the header says {expected}")
    seen: set[str] = set()
    parsed = []
    for index, item in enumerate(items, start=1):
        record = parse_record(item, index, notes=notes)
        if record.id in seen:
            raise RecordRefused(index, "id", "the same record twice")
        seen.add(record.id)
        parsed.append(record)
    return parsed


def parse_record(data: Any, index: int, *, notes: bool) -> IncomingRecord:
    if not isinstance(data, dict):
        raise RecordRefused(index, "record", "expected an object")
    if set(data) != KEYS:
        odd = sorted(set(data) ^ KEYS)[0]
        raise RecordRefused(index, odd, "unknown key" if odd in data else "missing")
    try:
        record_id = str(uuid.UUID(data["id"])) if isinstance(data["id"], str) else None
    except ValueError:
        record_id = None
    if record_id is None or record_id != data["id"].lower():
        raise RecordRefused(index, "id", "expected a UUID as text")
    form_id, version = data["form"], data["form_version"]
    if not isinstance(form_id, str) or not isinstance(version, int) or isinstance(version, bool):
        raise RecordRefused(index, "form", "expected a form id and an integer version")
    try:
        form = load_form(form_id, version)
    except UnknownForm as exc:
        raise RecordRefused(index, "form", str(exc)) from None
    started, ended = _seconds(data, "started_at", index), _seconds(data, "ended_at", index)
    created, updated = _seconds(data, "created_at", index), _seconds(data, "updated_at", index)
    deleted = _seconds(data, "deleted_at", index, optional=True)
    answers, prompts = data["answers"], data["prompts_shown"]
    if not isinstance(answers, dict):
        raise RecordRefused(index, "answers", "expected an object")
    if not isinstance(prompts, list) or not all(isinstance(p, str) for p in prompts):
        raise RecordRefused(index, "prompts_shown", "expected a list of texts")
    revision = data["revision"]
    if not isinstance(revision, int) or isinstance(revision, bool) or not 1 <= revision < 2**62:
        raise RecordRefused(index, "revision", "expected a whole number from 1")
    if not isinstance(data["findings_confirmed"], bool):
        raise RecordRefused(index, "findings_confirmed", "expected true or false")
    if NOTE_FIELD in answers and not notes:
        raise RecordRefused(index, NOTE_FIELD, "a note in a bundle that says it has none")
    if deleted is not None:
        if answers:
            raise RecordRefused(index, "answers", "a deleted record keeps no answers")
    else:
        issues = validate_times(from_epoch(started), from_epoch(ended))
        issues += validate_answers(form, answers)
        if issues:
            raise RecordRefused(index, issues[0].field, issues[0].message)
    return IncomingRecord(
        record_id,
        form_id,
        version,
        started,
        ended,
        answers,
        tuple(prompts),
        data["findings_confirmed"],
        created,
        updated,
        deleted,
        revision,
    )
