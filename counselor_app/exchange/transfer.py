"""Importing and exporting JSON Lines files of records.

An import reads the file twice: the first pass validates every line and writes
nothing; the second stores the records in one transaction, after checking that
the file did not change in between. One bad line rejects the whole file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from counselor_app import audit
from counselor_app.errors import CounselorError
from counselor_app.exchange.jsonl import LineError, parse_line, to_line
from counselor_app.periods import period_bounds
from counselor_app.privacy.scanner import redact, scan
from counselor_app.roles import Permission
from counselor_app.store.db import transaction
from counselor_app.store.records import RecordStore, to_epoch
from counselor_app.vault.session import Session

Progress = Callable[[int], None]
MAX_NOTE = 2000


class ImportRejected(CounselorError):
    def __init__(self, path: Path, error: LineError) -> None:
        super().__init__(f"{path.name}: {error}. Nothing was imported.")
        self.line = error.line
        self.field = error.field
        self.detail = error.message


class ImportFileChanged(CounselorError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path.name} changed while it was being imported. Nothing was imported.")


@dataclass
class ImportResult:
    imported: int = 0
    skipped: int = 0
    notes_with_findings: list[int] = field(default_factory=list)
    redacted: bool = False


def _lines(path: Path, digest: hashlib._Hash) -> Iterator[tuple[int, str]]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            digest.update(raw)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise LineError(number, "line", "not UTF-8 text") from None
            if text.strip():
                yield number, text


def import_file(
    session: Session,
    path: Path,
    *,
    redact_notes: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportResult:
    session.require(Permission.LOG_CALLS)
    result = ImportResult(redacted=redact_notes)
    first = hashlib.sha256()
    try:
        for number, text in _lines(path, first):
            record = parse_line(text, number)
            note = record.answers.get("note")
            findings = scan(note) if isinstance(note, str) else []
            if findings and isinstance(note, str):
                result.notes_with_findings.append(number)
                if redact_notes and len(redact(note, findings)) > MAX_NOTE:
                    raise LineError(
                        number, "note", f"longer than {MAX_NOTE} characters once masked"
                    )
    except LineError as exc:
        raise ImportRejected(path, exc) from None
    store = RecordStore(session.conn)
    moment = now or datetime.now(UTC)
    second = hashlib.sha256()
    seen: set[str] = set()
    with transaction(session.conn):
        for count, (number, text) in enumerate(_lines(path, second), start=1):
            record = parse_line(text, number)
            if record.id in seen or store.exists(record.id):
                result.skipped += 1
                continue
            seen.add(record.id)
            note = record.answers.get("note")
            if redact_notes and isinstance(note, str):
                record = replace(
                    record, answers={**record.answers, "note": redact(note, scan(note))}
                )
            rowid = store.insert(record.to_record(session.user.id), moment)
            store.add_history(rowid, session.user.id, "create", record.answers, moment)
            result.imported += 1
            if progress is not None and count % 1000 == 0:
                progress(count)
        if second.digest() != first.digest():
            raise ImportFileChanged(path)
        audit.record(
            session.conn,
            session.user.id,
            "import",
            detail=f"imported={result.imported} skipped={result.skipped} "
            f"notes_with_findings={len(result.notes_with_findings)} redacted={int(redact_notes)}",
            now=moment,
        )
    return result


def export_file(
    session: Session,
    path: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    with_notes: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write the live records of the period; return how many. The file appears whole or not."""
    session.require(Permission.ALL_RECORDS)
    low, high = period_bounds(start, end)
    sql = "SELECT rowid FROM records WHERE deleted_at IS NULL"
    params: list[int] = []
    if low is not None:
        sql += " AND started_at >= ?"
        params.append(to_epoch(low))
    if high is not None:
        sql += " AND started_at < ?"
        params.append(to_epoch(high))
    rowids = [int(r[0]) for r in session.conn.execute(sql + " ORDER BY started_at, id", params)]
    store = RecordStore(session.conn)
    path = path.resolve()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for count, rowid in enumerate(rowids, start=1):
                record, _ = store.fetch(rowid)
                handle.write(to_line(record, with_note=with_notes) + "\n")
                if progress is not None and count % 1000 == 0:
                    progress(count)
            handle.flush()
            os.fsync(handle.fileno())
        with transaction(session.conn):
            audit.record(
                session.conn,
                session.user.id,
                "export",
                detail=f"records={len(rowids)} notes={int(with_notes)}",
            )
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return len(rowids)
