"""Reading the audit trail: periods in local days, users, actions, pages, CSV, admins only."""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from counselor_app import accounts, audit, audit_view
from counselor_app.audit_view import AuditFilter
from counselor_app.config import Settings
from counselor_app.errors import InvalidInput, PermissionDenied
from counselor_app.roles import Role
from counselor_app.store.db import transaction
from counselor_app.vault import Session, open_vault

PASSWORD = "a-long-enough-password"
# Entries are dated long ago, apart from whatever the program itself records now.
OLD = datetime(2020, 2, 3, 12, 0, tzinfo=UTC)


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def add(
    session: Session,
    action: str,
    at: datetime = OLD,
    *,
    user_id: str | None = None,
    detail: str | None = None,
    record_id: str | None = None,
) -> int:
    with transaction(session.conn):
        entry = audit.record(
            session.conn,
            user_id if user_id is not None else session.user.id,
            action,
            record_id=record_id,
            detail=detail,
            now=at,
        )
    return entry.id


def with_user(
    admin: Session, vault_dir: Path, settings: Settings, name: str, role: Role
) -> Session:
    accounts.add_user(admin, name, role, PASSWORD)
    return open_vault(vault_dir, name, PASSWORD, settings)


@pytest.mark.parametrize(
    "zone", ["Europe/Paris", "America/New_York", "Pacific/Kiritimati", "Asia/Kolkata", "UTC"]
)
def test_a_period_is_local_days_from_midnight_to_midnight(
    admin_session: Session, zone: str
) -> None:
    with local_zone(zone):

        def local(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
            return datetime(2024, 1, day, hour, minute, second).astimezone()

        moments = [
            local(10, 23, 59, 59),
            local(11, 0, 0, 0),
            local(11, 12, 0, 0),
            local(11, 23, 59, 59),
            local(12, 0, 0, 0),
        ]
        ids = [add(admin_session, "midnight", m) for m in moments]
        one_day = AuditFilter(date(2024, 1, 11), date(2024, 1, 11), action="midnight")
        found = audit_view.page(admin_session, one_day)
        assert [r.id for r in found] == [ids[3], ids[2], ids[1]]
        assert audit_view.count(admin_session, one_day) == 3
        from_day = AuditFilter(first_day=date(2024, 1, 11), action="midnight")
        assert [r.id for r in audit_view.page(admin_session, from_day)] == ids[:0:-1]
        until_day = AuditFilter(last_day=date(2024, 1, 10), action="midnight")
        assert [r.id for r in audit_view.page(admin_session, until_day)] == [ids[0]]


def test_a_period_across_a_change_to_summer_time(admin_session: Session) -> None:
    with local_zone("Europe/Paris"):
        # 2024-03-31: clocks go from 02:00 to 03:00; the local day has 23 hours.
        inside = add(admin_session, "dst", datetime(2024, 3, 31, 21, 59, 59, tzinfo=UTC))
        add(admin_session, "dst", datetime(2024, 3, 31, 22, 0, 0, tzinfo=UTC))
        add(admin_session, "dst", datetime(2024, 3, 30, 22, 59, 59, tzinfo=UTC))
        first = add(admin_session, "dst", datetime(2024, 3, 30, 23, 0, 0, tzinfo=UTC))
        day = AuditFilter(date(2024, 3, 31), date(2024, 3, 31), action="dst")
        assert [r.id for r in audit_view.page(admin_session, day)] == [first, inside]


def test_filter_by_user_and_action_with_names_of_removed_users(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    counselor = with_user(admin_session, vault_dir, settings, "bob", Role.COUNSELOR)
    bob = counselor.user.id
    counselor.close()
    mine = add(admin_session, "record_created", record_id="r-1")
    theirs = add(admin_session, "record_created", user_id=bob, record_id="r-2")
    login = add(admin_session, "login", user_id=bob)
    with transaction(admin_session.conn):
        nobody = audit.record(admin_session.conn, None, "login_failed", now=OLD).id
    stranger = add(admin_session, "login", user_id="no-such-id")
    accounts.remove_user(admin_session, "bob")

    by_bob = audit_view.page(admin_session, AuditFilter(user_id=bob))
    assert [r.id for r in by_bob] == [login, theirs]
    assert {r.user_name for r in by_bob} == {"bob"}
    created = AuditFilter(action="record_created")
    assert [(r.id, r.record_id) for r in audit_view.page(admin_session, created)] == [
        (theirs, "r-2"),
        (mine, "r-1"),
    ]
    both = AuditFilter(user_id=bob, action="login")
    assert [r.id for r in audit_view.page(admin_session, both)] == [login]
    assert audit_view.count(admin_session, both) == 1
    rows = {
        r.id: r for r in audit_view.page(admin_session, AuditFilter(first_day=date(2020, 1, 1)))
    }
    assert rows[mine].user == "alice"
    assert rows[stranger].user_name is None and rows[stranger].user == "no-such-id"
    assert rows[nobody].user_id is None and rows[nobody].user == ""
    assert rows[mine].moment == OLD and rows[mine].at == "2020-02-03T12:00:00+00:00"

    people = audit_view.people(admin_session)
    assert [(p.name, p.removed) for p in people] == [("alice", False), ("bob", True)]
    assert {"record_created", "login", "login_failed"} <= set(audit_view.actions(admin_session))


def test_pages_follow_each_other_newest_first(admin_session: Session) -> None:
    ids = [add(admin_session, "paged", OLD + timedelta(seconds=n)) for n in range(450)]
    add(admin_session, "other")
    paged = AuditFilter(action="paged")
    seen: list[int] = []
    before: int | None = None
    sizes = []
    while True:
        rows = audit_view.page(admin_session, paged, before=before, limit=200)
        if not rows:
            break
        sizes.append(len(rows))
        seen += [r.id for r in rows]
        before = rows[-1].id
    assert sizes == [200, 200, 50]
    assert seen == ids[::-1]
    assert audit_view.count(admin_session, paged) == 450
    everything = audit_view.count(admin_session, AuditFilter())
    assert everything == len(audit.entries(admin_session.conn))


def test_days_outside_the_supported_range_are_refused(admin_session: Session) -> None:
    with pytest.raises(InvalidInput):
        audit_view.page(admin_session, AuditFilter(last_day=date(9999, 12, 31)))
    with pytest.raises(InvalidInput):
        audit_view.count(admin_session, AuditFilter(first_day=date(1, 1, 1)))


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.SUPERVISOR])
def test_only_admins_read_or_export_the_trail(
    admin_session: Session, vault_dir: Path, settings: Settings, tmp_path: Path, role: Role
) -> None:
    add(admin_session, "login")
    before = len(audit.entries(admin_session.conn))
    target = tmp_path / "trail.csv"
    with with_user(admin_session, vault_dir, settings, "dana", role) as other:
        calls: list[Callable[[], object]] = [
            lambda: audit_view.page(other, AuditFilter()),
            lambda: audit_view.count(other, AuditFilter()),
            lambda: audit_view.people(other),
            lambda: audit_view.actions(other),
            lambda: audit_view.first_broken(other),
            lambda: audit_view.export_csv(other, AuditFilter(), target),
        ]
        for call in calls:
            with pytest.raises(PermissionDenied):
                call()
    assert not target.exists()
    entries = audit.entries(admin_session.conn)
    assert not [e for e in entries[before:] if e.action == audit_view.EXPORTED]


def test_export_writes_every_entry_found_and_records_it(
    admin_session: Session, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    first = add(admin_session, "record_deleted", record_id="r-9", detail="réunion=oui")
    second = add(admin_session, "report", OLD + timedelta(hours=1), detail="=HYPERLINK(1)")
    add(admin_session, "login", datetime(2019, 1, 1, tzinfo=UTC))
    target = out / "trail.csv"
    period = AuditFilter(date(2020, 1, 1), date(2020, 12, 31))
    assert audit_view.export_csv(admin_session, period, target) == 2

    data = target.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows == [
        ["id", "at", "user", "action", "record_id", "outcome", "detail"],
        [str(first), "2020-02-03T12:00:00+00:00", "alice", "record_deleted", "r-9", "ok",
         "réunion=oui"],
        [str(second), "2020-02-03T13:00:00+00:00", "alice", "report", "", "ok",
         "'=HYPERLINK(1)"],
    ]  # fmt: skip
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in out.iterdir()) == ["trail.csv"]
    last = audit.entries(admin_session.conn)[-1]
    assert (last.action, last.user_id, last.outcome) == (
        "audit_exported",
        admin_session.user.id,
        "ok",
    )
    assert last.detail == "2020-01-01..2020-12-31 entries=2"
    assert audit.first_broken(admin_session.conn) is None


def test_a_failed_export_leaves_no_file(
    admin_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    add(admin_session, "login")
    count = len(audit.entries(admin_session.conn))
    with pytest.raises(FileNotFoundError):
        audit_view.export_csv(admin_session, AuditFilter(), out / "missing" / "t.csv")
    assert len(audit.entries(admin_session.conn)) == count

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("counselor_app.reports.files.os.replace", refuse)
    with pytest.raises(OSError, match="No space"):
        audit_view.export_csv(admin_session, AuditFilter(), out / "t.csv")
    assert list(out.iterdir()) == []
    monkeypatch.undo()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("counselor_app.audit_view.audit.record", broken)
    with pytest.raises(OSError, match="Input/output"):
        audit_view.export_csv(admin_session, AuditFilter(), out / "t.csv")
    assert list(out.iterdir()) == []


def test_an_altered_entry_is_found(admin_session: Session) -> None:
    for number in range(4):
        add(admin_session, "test", detail=f"n={number}")
    assert audit_view.first_broken(admin_session) is None
    altered = audit.entries(admin_session.conn)[-2].id
    admin_session.conn.execute("UPDATE audit SET detail = 'n=9' WHERE id = ?", (altered,))
    assert audit_view.first_broken(admin_session) == altered
