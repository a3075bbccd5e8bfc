"""The ``records`` tables: one row a call, its coded answers indexed for counting.

Coded answers (choices, yes/no, integers) are written twice: as canonical JSON in
the record row, read back whole, and as (code id, record) pairs in
``record_codes``, a covering index that counting by field and code scans without
touching the records. The note lives in ``record_notes`` so that it can be
shredded on its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from counselor_app.forms.expression import Answer
from counselor_app.store.db import Connection

NOTE_FIELD = "note"


def to_epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _milliseconds(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True)
class CallRecord:
    id: str
    form: str
    form_version: int
    started_at: datetime
    ended_at: datetime
    counselor_id: str
    answers: Mapping[str, Answer]
    prompts_shown: tuple[str, ...] = ()
    findings_confirmed: bool = False
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)
    # In a consolidation vault, the workstation a bundle brought the record from.
    workstation: str | None = field(default=None, compare=False)

    @property
    def note(self) -> str | None:
        value = self.answers.get(NOTE_FIELD)
        return value if isinstance(value, str) else None

    @property
    def duration_s(self) -> int:
        return to_epoch(self.ended_at) - to_epoch(self.started_at)


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    user_id: str
    action: str
    fields: tuple[str, ...]
    reason: str | None


def coded_pairs(answers: Mapping[str, Answer]) -> list[tuple[str, str]]:
    """(field, code) for every coded answer; integers count as their decimal text."""
    pairs: list[tuple[str, str]] = []
    for code, value in answers.items():
        if code == NOTE_FIELD:
            continue
        if isinstance(value, list):
            pairs.extend((code, item) for item in value)
        elif isinstance(value, bool):
            continue
        else:
            pairs.append((code, str(value)))
    return pairs


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _answers_json(answers: Mapping[str, Answer]) -> str:
    coded = {k: v for k, v in answers.items() if k != NOTE_FIELD}
    return json.dumps(coded, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class RecordStore:
    """SQL for records on one connection. No permission checks here: see ``records``."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._code_ids: dict[tuple[str, str], int] = {}

    def code_id(self, field_code: str, code: str) -> int:
        key = (field_code, code)
        found = self._code_ids.get(key)
        if found is None:
            self.conn.execute(
                "INSERT OR IGNORE INTO codes (field, code) VALUES (?, ?)", (field_code, code)
            )
            row = self.conn.execute(
                "SELECT id FROM codes WHERE field = ? AND code = ?", (field_code, code)
            ).fetchone()
            found = int(row[0])
            self._code_ids[key] = found
        return found

    def rowid(self, record_id: str) -> int | None:
        row = self.conn.execute("SELECT rowid FROM records WHERE id = ?", (record_id,)).fetchone()
        return None if row is None else int(row[0])

    def held(self, rowid: int) -> bool:
        """Whether the record is on legal hold."""
        row = self.conn.execute("SELECT 1 FROM legal_holds WHERE record = ?", (rowid,))
        return row.fetchone() is not None

    def exists(self, record_id: str) -> bool:
        return self.rowid(record_id) is not None

    def _stamp(self) -> int:
        """The next value of the vault's change counter (inside the writing transaction)."""
        row = self.conn.execute(
            "UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value"
        ).fetchall()
        return int(row[0][0])

    def insert(self, record: CallRecord, now: datetime) -> int:
        cursor = self.conn.execute(
            "INSERT INTO records (id, form, form_version, started_at, ended_at, counselor_id, "
            "call_kind, reason, answers, prompts_shown, findings_confirmed, created_at, "
            "updated_at, revision, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.form,
                record.form_version,
                to_epoch(record.started_at),
                to_epoch(record.ended_at),
                record.counselor_id,
                str(record.answers.get("call_kind", "")),
                _text_or_none(record.answers.get("reason")),
                _answers_json(record.answers),
                json.dumps(list(record.prompts_shown)),
                int(record.findings_confirmed),
                to_epoch(now),
                to_epoch(now),
                _milliseconds(now),
                self._stamp(),
            ),
        )
        rowid = int(cursor.lastrowid)
        self._write_codes(rowid, record)
        self._write_note(rowid, record.note)
        return rowid

    def _write_codes(self, rowid: int, record: CallRecord) -> None:
        started = to_epoch(record.started_at)
        self.conn.executemany(
            "INSERT INTO record_codes (code_id, started_at, record) VALUES (?, ?, ?)",
            [(self.code_id(f, c), started, rowid) for f, c in coded_pairs(record.answers)],
        )

    def _write_note(self, rowid: int, note: str | None) -> None:
        self.conn.execute("DELETE FROM record_notes WHERE record = ?", (rowid,))
        if note:
            self.conn.execute(
                "INSERT INTO record_notes (record, note) VALUES (?, ?)", (rowid, note)
            )

    def update(self, rowid: int, record: CallRecord, now: datetime) -> None:
        self.conn.execute(
            "UPDATE records SET started_at = ?, ended_at = ?, call_kind = ?, reason = ?, "
            "answers = ?, prompts_shown = ?, findings_confirmed = ?, updated_at = ?, "
            "revision = max(revision + 1, ?), changed = ? WHERE rowid = ?",
            (
                to_epoch(record.started_at),
                to_epoch(record.ended_at),
                str(record.answers.get("call_kind", "")),
                _text_or_none(record.answers.get("reason")),
                _answers_json(record.answers),
                json.dumps(list(record.prompts_shown)),
                int(record.findings_confirmed),
                to_epoch(now),
                _milliseconds(now),
                self._stamp(),
                rowid,
            ),
        )
        self.conn.execute("DELETE FROM record_codes WHERE record = ?", (rowid,))
        self._write_codes(rowid, record)
        self._write_note(rowid, record.note)

    def mark_deleted(self, rowid: int, user_id: str, reason: str, now: datetime) -> None:
        """Keep a tombstone (id, times, who and why) and drop every answer and the note."""
        self.conn.execute(
            "UPDATE records SET answers = '{}', reason = NULL, prompts_shown = '[]', "
            "deleted_at = ?, deleted_by = ?, delete_reason = ?, "
            "revision = max(revision + 1, ?), changed = ? WHERE rowid = ?",
            (to_epoch(now), user_id, reason, _milliseconds(now), self._stamp(), rowid),
        )
        self.conn.execute("DELETE FROM record_codes WHERE record = ?", (rowid,))
        self.conn.execute("DELETE FROM record_notes WHERE record = ?", (rowid,))

    def add_history(
        self,
        rowid: int,
        user_id: str,
        action: str,
        fields: Iterable[str],
        now: datetime,
        reason: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO record_history (record, at, user_id, action, fields, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (rowid, to_epoch(now), user_id, action, json.dumps(sorted(fields)), reason),
        )

    def history(self, rowid: int) -> list[HistoryEntry]:
        rows = self.conn.execute(
            "SELECT at, user_id, action, fields, reason FROM record_history "
            "WHERE record = ? ORDER BY id",
            (rowid,),
        ).fetchall()
        return [
            HistoryEntry(from_epoch(r[0]), r[1], r[2], tuple(json.loads(r[3])), r[4]) for r in rows
        ]

    def fetch(self, rowid: int) -> tuple[CallRecord, bool]:
        """The record and whether it is deleted."""
        row = self.conn.execute(
            "SELECT r.id, r.form, r.form_version, r.started_at, r.ended_at, r.counselor_id, "
            "r.answers, r.prompts_shown, r.findings_confirmed, r.created_at, r.updated_at, "
            "r.deleted_at, n.note, r.workstation FROM records r "
            "LEFT JOIN record_notes n ON n.record = r.rowid WHERE r.rowid = ?",
            (rowid,),
        ).fetchone()
        answers: dict[str, Answer] = json.loads(row[6])
        if row[12] is not None:
            answers[NOTE_FIELD] = row[12]
        record = CallRecord(
            id=row[0],
            form=row[1],
            form_version=int(row[2]),
            started_at=from_epoch(row[3]),
            ended_at=from_epoch(row[4]),
            counselor_id=row[5],
            answers=answers,
            prompts_shown=tuple(json.loads(row[7])),
            findings_confirmed=bool(row[8]),
            created_at=from_epoch(row[9]),
            updated_at=from_epoch(row[10]),
            workstation=row[13],
        )
        return record, row[11] is not None

    def count_codes(
        self, field_code: str, *, start: datetime | None = None, end: datetime | None = None
    ) -> dict[str, int]:
        """How many live records chose each code of ``field_code`` (optionally in a period)."""
        sql = (
            "SELECT c.code, count(*) FROM codes c JOIN record_codes rc ON rc.code_id = c.id "
            "JOIN records r ON r.rowid = rc.record WHERE c.field = ? AND r.deleted_at IS NULL"
        )
        params: list[object] = [field_code]
        if start is not None:
            sql += " AND r.started_at >= ?"
            params.append(to_epoch(start))
        if end is not None:
            sql += " AND r.started_at < ?"
            params.append(to_epoch(end))
        rows = self.conn.execute(sql + " GROUP BY c.code", params).fetchall()
        return {str(code): int(n) for code, n in rows}
