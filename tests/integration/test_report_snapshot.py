"""A report's counts are all of one moment, whatever other connections write meanwhile.

Another connection saves, changes and deletes records while the counting runs, on
one connection or two: the counts are those of the vault before the writes (they
began first), never a mix of before and after.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from counselor_app import records
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.exchange.jsonl import to_line
from counselor_app.exchange.transfer import import_file
from counselor_app.forms.catalogue import default_form
from counselor_app.forms.definition import FormDefinition
from counselor_app.forms.expression import In
from counselor_app.forms.relevance import is_relevant
from counselor_app.reports.counting import Scope
from counselor_app.reports.facts import Facts, gather
from counselor_app.reports.snapshot import stamp
from counselor_app.store.db import Connection, transaction
from counselor_app.store.records import CallRecord, RecordStore
from counselor_app.vault import Session

FORM = default_form()
END = datetime(2025, 12, 31, tzinfo=UTC)
START = END - timedelta(days=90)
SCOPE = Scope(START, END)


@pytest.fixture
def calls(admin_session: Session) -> list[CallRecord]:
    made = list(
        synthetic_calls(FORM, 400, seed=11, counselors=[admin_session.user.id], end=END, days=120)
    )
    store = RecordStore(admin_session.conn)
    with transaction(admin_session.conn):
        for record in made:
            store.insert(record, END)
    return made


def write_meanwhile(session: Session, calls: list[CallRecord]) -> None:
    """What a save, a correction and a deletion elsewhere do: new records of the period
    (with violence types and author relations), one changed, some deleted."""
    store = RecordStore(session.conn)
    fresh = synthetic_calls(FORM, 60, seed=12, counselors=[session.user.id], end=END, days=60)
    with transaction(session.conn):
        for record in fresh:
            rowid = store.insert(record, END)
            store.add_history(rowid, session.user.id, "create", record.answers, END)
    inside = [r for r in calls if START <= r.started_at < END]
    changed = next(r for r in inside if r.answers.get("violence_types"))
    answers = {**changed.answers, "violence_types": ["economic"]}
    records.update(session, changed.id, answers=answers, now=END)
    for record in inside[:5]:
        if record.id != changed.id:
            records.delete(session, record.id, "duplicate", now=END)


@pytest.fixture
def writer(admin_session: Session) -> Iterator[Session]:
    """Another connection to the vault, opened in this thread."""
    with admin_session.reopen() as other:
        yield other


def test_writes_while_counting_on_one_connection_are_not_seen(
    admin_session: Session, calls: list[CallRecord], writer: Session
) -> None:
    before = gather(admin_session.conn, FORM, SCOPE)
    told: list[int] = []

    def progress(done: int, total: int) -> None:
        told.append(done)
        if done == 2:  # a code or two counted, not yet the rest
            write_meanwhile(writer, calls)

    during = gather(admin_session.conn, FORM, SCOPE, progress)
    assert 2 in told
    assert during == before
    assert not admin_session.conn.in_transaction
    after = gather(admin_session.conn, FORM, SCOPE)
    assert after != before and after.calls > before.calls


@contextmanager
def second(session: Session) -> Iterator[Connection]:
    with session.reopen() as other:
        yield other.conn


def test_writes_between_the_starts_of_two_connections_are_counted_again(
    admin_session: Session, calls: list[CallRecord]
) -> None:
    """The main connection has begun; a write commits; then the other one begins (its
    codes and groups would be of after the write): the counts are all of before it."""
    before = gather(admin_session.conn, FORM, SCOPE)
    main_started = threading.Event()
    main = threading.current_thread()
    opened: list[str] = []

    def progress(done: int, total: int) -> None:
        if threading.current_thread() is main:
            main_started.set()

    def opener() -> AbstractContextManager[Connection]:
        assert main_started.wait(30)
        opened.append(threading.current_thread().name)
        with admin_session.reopen() as other:  # a connection belongs to its thread
            write_meanwhile(other, calls)
        return second(admin_session)

    during = gather(admin_session.conn, FORM, SCOPE, progress, opener)
    assert opened and opened[0] != main.name
    assert during == before
    assert not admin_session.conn.in_transaction
    assert gather(admin_session.conn, FORM, SCOPE) != before


def test_without_writes_the_other_connection_counts(
    admin_session: Session, calls: list[CallRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    from counselor_app.reports import facts

    used: list[Connection] = []
    real = facts._codes_and_groups

    def spy(conn: Connection, *args: Any) -> Any:
        used.append(conn)
        return real(conn, *args)

    monkeypatch.setattr(facts, "_codes_and_groups", spy)
    both = gather(admin_session.conn, FORM, SCOPE, opener=lambda: second(admin_session))
    assert len(used) == 1 and used[0] is not admin_session.conn
    assert both == gather(admin_session.conn, FORM, SCOPE)


class Stop(Exception):
    pass


@pytest.mark.parametrize("at", [1, 3, 20])
def test_the_read_transactions_end_when_the_counting_stops(
    admin_session: Session, calls: list[CallRecord], at: int
) -> None:
    others: list[Connection] = []

    @contextmanager
    def opener() -> Iterator[Connection]:
        with second(admin_session) as conn:
            others.append(conn)
            yield conn
            assert not conn.in_transaction

    def stop(done: int, total: int) -> None:
        if done == at:
            raise Stop

    for use in (None, opener):
        with pytest.raises(Stop):
            gather(admin_session.conn, FORM, SCOPE, stop, use)
        assert not admin_session.conn.in_transaction
    assert others
    # Counting still works afterwards, and writes go through.
    assert gather(admin_session.conn, FORM, SCOPE).calls > 0
    with transaction(admin_session.conn):
        admin_session.conn.execute("UPDATE meta SET value = value WHERE key = 'vault_id'")


def test_a_transaction_of_the_caller_is_left_to_it(
    admin_session: Session, calls: list[CallRecord]
) -> None:
    conn = admin_session.conn
    conn.execute("BEGIN")
    try:
        found = gather(conn, FORM, SCOPE)
        assert conn.in_transaction
    finally:
        conn.execute("ROLLBACK")
    assert found == gather(conn, FORM, SCOPE)


def test_every_change_of_the_records_changes_the_stamp(
    admin_session: Session, calls: list[CallRecord], tmp_path: Path
) -> None:
    conn = admin_session.conn
    seen = [stamp(conn)]

    def changed() -> bool:
        seen.append(stamp(conn))
        return seen[-1] != seen[-2]

    fresh = list(synthetic_calls(FORM, 3, seed=13, counselors=[admin_session.user.id], end=END))
    saved = records.create(admin_session, fresh[0], now=END)
    assert changed()
    records.update(admin_session, saved.id, answers=fresh[1].answers, now=END)
    assert changed()
    records.delete(admin_session, saved.id, "mistake", now=END)
    assert changed()
    lines = tmp_path / "calls.jsonl"
    lines.write_text(to_line(fresh[2], with_note=False) + "\n", encoding="utf-8")
    assert import_file(admin_session, lines).imported == 1
    assert changed()
    assert import_file(admin_session, lines).skipped == 1
    assert not changed()
    with transaction(conn):  # as a training vault is filled
        RecordStore(conn).insert(fresh[1], END)
    assert changed()


def _relevant_to_some_violences(form: FormDefinition) -> FormDefinition:
    """The form with ``wants_to_leave`` asked only of physical or sexual violence: a
    condition on two codes of a multiple choice."""
    from dataclasses import replace

    sections = []
    for section in form.sections:
        fields = tuple(
            replace(f, relevant=In("violence_types", ("physical", "sexual")))
            if f.code == "wants_to_leave"
            else f
            for f in section.fields
        )
        sections.append(replace(section, fields=fields))
    return replace(form, sections=tuple(sections))


def test_a_base_on_several_codes_of_a_multiple_choice_counts_each_record_once(
    admin_session: Session, calls: list[CallRecord]
) -> None:
    form = _relevant_to_some_violences(FORM)
    field = form.field("wants_to_leave")
    assert field is not None
    inside = [r for r in calls if START <= r.started_at < END]
    both = [
        r
        for r in inside
        if {"physical", "sexual"} <= set(r.answers.get("violence_types") or [])  # type: ignore[arg-type]
    ]
    assert both  # records the sum of the two codes would count twice
    expected = sum(is_relevant(form, field, r.answers) for r in inside)
    found: Facts = gather(admin_session.conn, form, SCOPE)
    assert found.bases["wants_to_leave"] == expected
    # A single choice still takes the shortcut and gives the same as counting.
    assert found.bases["victim_pregnant"] == sum(
        is_relevant(form, form.field("victim_pregnant"), r.answers)  # type: ignore[arg-type]
        for r in inside
    )
