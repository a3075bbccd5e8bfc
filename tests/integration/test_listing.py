"""The call list's pages: filters, order, keys, and who sees what."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from counselor_app import accounts, records
from counselor_app.config import Settings
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.roles import Role
from counselor_app.store.db import transaction
from counselor_app.store.listing import ListFilter, ListRow
from counselor_app.store.records import RecordStore
from counselor_app.vault import Session, open_vault

END = datetime(2025, 12, 31, 23, 0, tzinfo=UTC)


@pytest.fixture
def filled(admin_session: Session, vault_dir: Path, settings: Settings) -> Iterator[Session]:
    accounts.add_user(admin_session, "cora", Role.COUNSELOR, "cora's long password")
    cora = open_vault(vault_dir, "cora", "cora's long password", settings)
    store = RecordStore(admin_session.conn)
    calls = synthetic_calls(
        default_form(), 600, seed=5, counselors=[admin_session.user.id, cora.user.id], end=END
    )
    with transaction(admin_session.conn):
        for record in calls:
            store.insert(record, END)
    yield cora
    cora.close()


def all_rows(session: Session, filters: ListFilter, limit: int = 37) -> list[ListRow]:
    rows: list[ListRow] = []
    after = None
    while True:
        chunk = records.list_page(session, filters, after=after, limit=limit)
        rows += chunk
        if len(chunk) < limit:
            return rows
        after = chunk[-1].key


def test_pages_walk_every_row_once_newest_first(admin_session: Session, filled: Session) -> None:
    rows = all_rows(admin_session, ListFilter())
    assert len(rows) == 600 == records.list_count(admin_session, ListFilter())
    assert len({r.id for r in rows}) == 600
    keys = [r.key for r in rows]
    assert keys == sorted(keys, reverse=True)


def test_filters_match_a_direct_count(admin_session: Session, filled: Session) -> None:
    start = END - timedelta(days=31)
    filters = ListFilter(start=start, end=END, call_kinds=frozenset({"victim", "relative"}))
    rows = all_rows(admin_session, filters)
    assert rows and all(r.call_kind in ("victim", "relative") for r in rows)
    assert all(start <= r.started_at < END for r in rows)
    expected = admin_session.conn.execute(
        "SELECT count(*) FROM records WHERE call_kind IN ('victim', 'relative') "
        "AND started_at >= ? AND started_at < ?",
        (int(start.timestamp()), int(END.timestamp())),
    ).fetchone()[0]
    assert len(rows) == expected == records.list_count(admin_session, filters)
    reason = all_rows(admin_session, ListFilter(reason="domestic_violence"))
    assert reason and all(r.reason == "domestic_violence" for r in reason)
    assert records.list_count(admin_session, ListFilter(call_kinds=frozenset())) == 0


def test_a_counselor_sees_only_her_calls(admin_session: Session, filled: Session) -> None:
    cora = filled
    mine = all_rows(cora, ListFilter())
    assert mine and {r.counselor for r in mine} == {"cora"}
    # Asking for someone else's calls still gives her own.
    forced = all_rows(cora, ListFilter(counselor_id=admin_session.user.id))
    assert {r.counselor for r in forced} == {"cora"}
    everyone = all_rows(admin_session, ListFilter())
    assert {r.counselor for r in everyone} == {"alice", "cora"}


def test_deleted_calls_leave_the_list(admin_session: Session, filled: Session) -> None:
    first = records.list_page(admin_session, ListFilter(), limit=1)[0]
    records.delete(admin_session, first.id, "logged twice")
    assert records.list_count(admin_session, ListFilter()) == 599
    assert records.list_page(admin_session, ListFilter(), limit=1)[0].id != first.id
