"""Call records for a session: create, read, update, delete, with the role rules.

- Everyone logs calls; a record belongs to the user who logged (or imported) it.
- A counselor sees her own records and may change them for 24 hours after
  they were saved; supervisors and admins see and change all records.
- Deleting needs a reason and the supervisor or admin role; a tombstone keeps
  the id, the times, who deleted it and why, and nothing of the content.
- A record on legal hold can be neither changed nor deleted (``RecordHeld``).
- Every change is written to the record's history (who, when, which fields) in
  the same transaction, and to the audit trail (``record_created``,
  ``record_edited`` with the codes of the fields changed, ``record_deleted``):
  never an answer, a note or the reason for a deletion.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from counselor_app import audit
from counselor_app.errors import (
    InvalidInput,
    RecordFromWorkstation,
    RecordHeld,
    RecordInvalid,
    RecordLocked,
    RecordNotFound,
)
from counselor_app.forms.catalogue import DEFAULT_FORM, UnknownForm, load_form
from counselor_app.forms.expression import Answer
from counselor_app.forms.validation import validate_answers, validate_times
from counselor_app.roles import Permission, allows
from counselor_app.store import listing
from counselor_app.store.db import transaction
from counselor_app.store.listing import ListFilter, ListRow
from counselor_app.store.records import CallRecord, HistoryEntry, RecordStore
from counselor_app.vault.session import Session

EDIT_WINDOW_HOURS = 24
MAX_REASON = 500


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _store(session: Session) -> RecordStore:
    return RecordStore(session.conn)


def check(record: CallRecord) -> None:
    """Raise RecordInvalid unless the record follows its form and its times are in order."""
    try:
        form = load_form(record.form, record.form_version)
    except UnknownForm as exc:
        raise RecordInvalid([("form", str(exc))]) from None
    issues = validate_times(record.started_at, record.ended_at)
    issues += validate_answers(form, record.answers)
    if issues:
        raise RecordInvalid([(i.field, i.message) for i in issues])


def new_record(
    session: Session,
    *,
    started_at: datetime,
    ended_at: datetime,
    answers: Mapping[str, Answer],
    prompts_shown: tuple[str, ...] = (),
    findings_confirmed: bool = False,
    record_id: str | None = None,
    form: tuple[str, int] = DEFAULT_FORM,
) -> CallRecord:
    """A record of the session user's call (not yet saved)."""
    return CallRecord(
        id=record_id or str(uuid.uuid4()),
        form=form[0],
        form_version=form[1],
        started_at=started_at.astimezone(UTC),
        ended_at=ended_at.astimezone(UTC),
        counselor_id=session.user.id,
        answers=dict(answers),
        prompts_shown=prompts_shown,
        findings_confirmed=findings_confirmed,
    )


def _drop_draft(session: Session) -> None:
    session.conn.execute("DELETE FROM drafts WHERE user_id = ?", (session.user.id,))


def create(
    session: Session,
    record: CallRecord,
    *,
    now: datetime | None = None,
    drop_draft: bool = False,
) -> CallRecord:
    """Save a new record; with ``drop_draft``, the user's draft goes in the same transaction
    (a call saved can never be offered back as a draft)."""
    session.require(Permission.LOG_CALLS)
    record = replace(record, counselor_id=session.user.id)
    check(record)
    store = _store(session)
    moment = _now(now)
    with transaction(session.conn):
        rowid = store.insert(record, moment)
        store.add_history(rowid, session.user.id, "create", record.answers, moment)
        audit.record(
            session.conn, session.user.id, "record_created", record_id=record.id, now=moment
        )
        if drop_draft:
            _drop_draft(session)
    return replace(record, created_at=moment, updated_at=moment)


def _load(session: Session, record_id: str) -> tuple[RecordStore, int, CallRecord]:
    """The live record, if this session may see it; otherwise RecordNotFound."""
    store = _store(session)
    rowid = store.rowid(record_id)
    if rowid is None:
        raise RecordNotFound(record_id)
    record, deleted = store.fetch(rowid)
    own = record.counselor_id == session.user.id
    if deleted or not (own or allows(session.user.role, Permission.ALL_RECORDS)):
        raise RecordNotFound(record_id)
    return store, rowid, record


def get(session: Session, record_id: str) -> CallRecord:
    return _load(session, record_id)[2]


def may_edit(session: Session, record: CallRecord, *, now: datetime | None = None) -> bool:
    if record.workstation is not None:  # changed on its workstation, never here
        return False
    if allows(session.user.role, Permission.ALL_RECORDS):
        return True
    if record.counselor_id != session.user.id or record.created_at is None:
        return False
    return _now(now) - record.created_at <= timedelta(hours=EDIT_WINDOW_HOURS)


def update(
    session: Session,
    record_id: str,
    *,
    answers: Mapping[str, Answer],
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
    prompts_shown: tuple[str, ...] | None = None,
    findings_confirmed: bool | None = None,
    now: datetime | None = None,
    drop_draft: bool = False,
) -> CallRecord:
    store, rowid, old = _load(session, record_id)
    moment = _now(now)
    if old.workstation is not None:
        raise RecordFromWorkstation(old.workstation)
    if not may_edit(session, old, now=moment):
        raise RecordLocked(EDIT_WINDOW_HOURS)
    new = replace(
        old,
        answers=dict(answers),
        started_at=started_at or old.started_at,
        ended_at=ended_at or old.ended_at,
        prompts_shown=old.prompts_shown if prompts_shown is None else prompts_shown,
        findings_confirmed=(
            old.findings_confirmed if findings_confirmed is None else findings_confirmed
        ),
    )
    check(new)
    changed = {
        code
        for code in set(old.answers) | set(new.answers)
        if old.answers.get(code) != new.answers.get(code)
    }
    if new.started_at != old.started_at:
        changed.add("started_at")
    if new.ended_at != old.ended_at:
        changed.add("ended_at")
    with transaction(session.conn):
        if store.held(rowid):
            raise RecordHeld(record_id, "change")
        store.update(rowid, new, moment)
        store.add_history(rowid, session.user.id, "update", changed, moment)
        audit.record(
            session.conn,
            session.user.id,
            "record_edited",
            record_id=old.id,
            detail="fields=" + ",".join(sorted(changed)),
            now=moment,
        )
        if drop_draft:
            _drop_draft(session)
    return replace(new, updated_at=moment)


def delete(session: Session, record_id: str, reason: str, *, now: datetime | None = None) -> None:
    session.require(Permission.DELETE_RECORDS)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("A reason is needed to delete a record.", "reason_missing")
    if len(reason) > MAX_REASON:
        raise InvalidInput(f"The reason is longer than {MAX_REASON} characters.", "reason_too_long")
    store, rowid, _ = _load(session, record_id)
    moment = _now(now)
    with transaction(session.conn):
        if store.held(rowid):  # checked where no hold can come in between
            raise RecordHeld(record_id)
        store.mark_deleted(rowid, session.user.id, reason, moment)
        store.add_history(rowid, session.user.id, "delete", (), moment, reason)
        # The reason is free text: it stays in the record's history, out of the audit trail.
        audit.record(
            session.conn, session.user.id, "record_deleted", record_id=record_id, now=moment
        )


def history(session: Session, record_id: str) -> list[HistoryEntry]:
    session.require(Permission.ALL_RECORDS)
    store = _store(session)
    rowid = store.rowid(record_id)
    if rowid is None:
        raise RecordNotFound(record_id)
    return store.history(rowid)


def list_filter_for(session: Session, filters: ListFilter) -> ListFilter:
    """A counselor's list shows her own calls only, whatever filter the interface asked for."""
    if allows(session.user.role, Permission.ALL_RECORDS):
        return filters
    return replace(filters, counselor_id=session.user.id)


def list_page(
    session: Session,
    filters: ListFilter,
    *,
    after: tuple[int, int] | None = None,
    limit: int = 200,
) -> list[ListRow]:
    return listing.page(session.conn, list_filter_for(session, filters), after=after, limit=limit)


def list_count(session: Session, filters: ListFilter) -> int:
    return listing.count(session.conn, list_filter_for(session, filters))
