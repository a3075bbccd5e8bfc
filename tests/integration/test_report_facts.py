"""The counts a report is made of agree with counting the records one by one.

Both ways of counting are checked: over the index alone (no filter) and joined to
the records (a channel or counselor filter).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta

import pytest

from counselor_app import records
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.reports.counting import Scope
from counselor_app.reports.facts import gather
from counselor_app.store.db import Connection, transaction
from counselor_app.store.records import CallRecord, RecordStore
from counselor_app.vault import Session
from tests.report_support import facts_of

FORM = default_form()
END = datetime(2025, 12, 31, tzinfo=UTC)
START = END - timedelta(days=90)


@pytest.fixture
def calls(admin_session: Session) -> list[CallRecord]:
    made = list(
        synthetic_calls(FORM, 700, seed=5, counselors=[admin_session.user.id], end=END, days=200)
    )
    store = RecordStore(admin_session.conn)
    with transaction(admin_session.conn):
        for record in made:
            store.insert(record, END)
    gone = [r for r in made if START <= r.started_at < END][:9]
    for record in gone:
        records.delete(admin_session, record.id, "duplicate", now=END)
    return [r for r in made if r not in gone]


@pytest.mark.parametrize("channel", [None, "phone", "chat"])
def test_facts_match_the_records(
    admin_session: Session, calls: list[CallRecord], channel: str | None
) -> None:
    scope = Scope(START, END, channel=channel)
    found = gather(admin_session.conn, FORM, scope)
    expected = facts_of(calls, scope, deleted=9)
    assert found == expected
    assert found.calls > 20 and found.pairs and found.durations


def test_both_ways_of_counting_agree(admin_session: Session, calls: list[CallRecord]) -> None:
    plain = gather(admin_session.conn, FORM, Scope(START, END))
    joined = gather(admin_session.conn, FORM, Scope(START, END, counselor_id=admin_session.user.id))
    assert joined == plain
    nobody = gather(admin_session.conn, FORM, Scope(START, END, counselor_id="someone-else"))
    assert nobody.calls == 0 and not nobody.codes and nobody.in_period == plain.in_period


def test_progress_is_told_and_can_stop_the_count(
    admin_session: Session, calls: list[CallRecord]
) -> None:
    seen: list[tuple[int, int]] = []
    gather(admin_session.conn, FORM, Scope(START, END), lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) == seen[-1][1]

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if done == 3:
            raise Stop

    with pytest.raises(Stop):
        gather(admin_session.conn, FORM, Scope(START, END), stop)


@contextmanager
def second(session: Session) -> Iterator[Connection]:
    with session.reopen() as other:
        yield other.conn


@pytest.mark.parametrize("channel", [None, "chat"])
def test_counting_on_two_connections_gives_the_same_counts(
    admin_session: Session, calls: list[CallRecord], channel: str | None
) -> None:
    scope = Scope(START, END, channel=channel)
    threads: set[str] = set()

    def opener() -> AbstractContextManager[Connection]:
        threads.add(threading.current_thread().name)
        return second(admin_session)

    both = gather(admin_session.conn, FORM, scope, opener=opener)
    assert both == gather(admin_session.conn, FORM, scope)
    assert threads and threading.current_thread().name not in threads


def test_a_stop_on_either_connection_ends_both(
    admin_session: Session, calls: list[CallRecord]
) -> None:
    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if done == 20:
            raise Stop

    with pytest.raises(Stop):
        gather(admin_session.conn, FORM, Scope(START, END), stop, lambda: second(admin_session))
    assert threading.active_count() == 1
