"""The codebook's record exchange format: one JSON object a line, UTF-8.

{"id": "7f1c…", "form": "vff", "form_version": 1,
 "started_at": "2025-03-04T21:13:00Z", "ended_at": "2025-03-04T21:41:30Z",
 "answers": {"call_kind": "victim", …}}
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from counselor_app.forms.catalogue import UnknownForm, load_form
from counselor_app.forms.expression import Answer
from counselor_app.forms.validation import validate_answers, validate_times
from counselor_app.store.records import CallRecord

KEYS = ("id", "form", "form_version", "started_at", "ended_at", "answers")


class LineError(ValueError):
    """One line that does not follow the format or its form."""

    def __init__(self, line: int, field: str, message: str) -> None:
        super().__init__(f"line {line}, {field}: {message}")
        self.line = line
        self.field = field
        self.message = message


@dataclass(frozen=True)
class ExchangedRecord:
    id: str
    form: str
    form_version: int
    started_at: datetime
    ended_at: datetime
    answers: dict[str, Answer]

    def to_record(self, counselor_id: str) -> CallRecord:
        return CallRecord(
            id=self.id,
            form=self.form,
            form_version=self.form_version,
            started_at=self.started_at,
            ended_at=self.ended_at,
            counselor_id=counselor_id,
            answers=self.answers,
        )


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _time(value: Any, line: int, field: str) -> datetime:
    if not isinstance(value, str):
        raise LineError(line, field, "expected a date and time as text")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise LineError(line, field, f"'{value}' is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise LineError(line, field, "the time has no time zone (end it with Z)")
    return moment.astimezone(UTC)


def parse_line(text: str, line: int) -> ExchangedRecord:
    """Parse and fully validate one line; raise LineError naming the field."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LineError(line, "line", f"not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise LineError(line, "line", "expected a JSON object")
    extra = sorted(set(data) - set(KEYS))
    if extra:
        raise LineError(line, extra[0], "unknown key")
    missing = [key for key in KEYS if key not in data]
    if missing:
        raise LineError(line, missing[0], "missing")
    record_id = data["id"]
    try:
        if not isinstance(record_id, str):
            raise ValueError
        uuid.UUID(record_id)
    except ValueError:
        raise LineError(line, "id", "expected a UUID as text") from None
    form_id, version = data["form"], data["form_version"]
    if not isinstance(form_id, str) or not isinstance(version, int) or isinstance(version, bool):
        raise LineError(line, "form", "expected a form id and an integer version")
    try:
        form = load_form(form_id, version)
    except UnknownForm as exc:
        raise LineError(line, "form", str(exc)) from None
    answers = data["answers"]
    if not isinstance(answers, dict):
        raise LineError(line, "answers", "expected an object")
    started = _time(data["started_at"], line, "started_at")
    ended = _time(data["ended_at"], line, "ended_at")
    issues = validate_times(started, ended) + validate_answers(form, answers)
    if issues:
        raise LineError(line, issues[0].field, issues[0].message)
    return ExchangedRecord(str(record_id).lower(), form_id, version, started, ended, answers)


def to_line(record: CallRecord, *, with_note: bool) -> str:
    answers: Mapping[str, Answer] = record.answers
    if not with_note:
        answers = {k: v for k, v in answers.items() if k != "note"}
    return json.dumps(
        {
            "id": record.id,
            "form": record.form,
            "form_version": record.form_version,
            "started_at": format_time(record.started_at),
            "ended_at": format_time(record.ended_at),
            "answers": dict(answers),
        },
        ensure_ascii=False,
        separators=(", ", ": "),
    )
