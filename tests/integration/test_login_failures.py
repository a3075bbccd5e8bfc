"""Failed logins: noted beside the vault, slowed down per user, then moved into the audit trail."""

from __future__ import annotations

import json
import logging
import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from counselor_app import accounts, audit, logins
from counselor_app.config import Settings
from counselor_app.errors import AuthenticationFailed, LoginDelayed
from counselor_app.roles import Role
from counselor_app.vault import Session, failures
from counselor_app.vault.paths import VaultPaths
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.integration.test_cli import cli, lines

T0 = datetime(2026, 3, 10, 22, 30, tzinfo=UTC)
BOB = "Bob"
BOB_PASSWORD = "bob's long password"


@pytest.fixture
def vault(admin_session: Session, vault_dir: Path) -> Path:
    accounts.add_user(admin_session, BOB, Role.COUNSELOR, BOB_PASSWORD)
    admin_session.close()
    return vault_dir


def side_file(vault_dir: Path) -> Path:
    return VaultPaths(vault_dir).login_failures


def logged(session: Session) -> list[audit.Entry]:
    """The entries after the vault was set up (Bob's account)."""
    return [e for e in audit.entries(session.conn) if e.action != "user_added"]


def fail(vault_dir: Path, name: str, moment: datetime, settings: Settings) -> None:
    with pytest.raises(AuthenticationFailed):
        logins.unlock(vault_dir, name, "not the password", settings, now=moment)


def test_the_delay_grows_and_is_capped() -> None:
    assert [failures.delay_for(n) for n in range(1, 13)] == [
        0,
        0,
        2,
        4,
        8,
        16,
        32,
        64,
        128,
        256,
        300,
        300,
    ]
    assert failures.delay_for(10**9) == 300


def test_after_two_failures_the_next_try_waits_even_with_the_right_password(
    vault: Path, settings: Settings
) -> None:
    for second in range(3):
        fail(vault, ADMIN, T0 + timedelta(seconds=second), settings)
    last = T0 + timedelta(seconds=2)
    with pytest.raises(LoginDelayed) as caught:
        logins.unlock(vault, ADMIN, ADMIN_PASSWORD, settings, now=last)
    assert caught.value.seconds == 2
    assert str(caught.value) == (
        "Too many failed logins under this user name; try again in 2 seconds."
    )
    with pytest.raises(LoginDelayed) as caught:
        logins.unlock(vault, ADMIN, ADMIN_PASSWORD, settings, now=last + timedelta(seconds=1.5))
    assert caught.value.seconds == 1
    # Refusals are not failures: the count did not grow.
    assert failures.load(side_file(vault)).names["alice"].count == 3
    # Another user is not held up.
    logins.unlock(vault, BOB, BOB_PASSWORD, settings, now=last).close()
    # Once the delay has passed, a wrong password makes the next wait longer.
    fail(vault, ADMIN, last + timedelta(seconds=2), settings)
    with pytest.raises(LoginDelayed) as caught:
        logins.unlock(vault, ADMIN, ADMIN_PASSWORD, settings, now=last + timedelta(seconds=3))
    assert caught.value.seconds == 3  # 4 s after the fourth failure, 1 s of it gone
    logins.unlock(vault, "ALICE", ADMIN_PASSWORD, settings, now=last + timedelta(seconds=6)).close()


def test_the_next_login_moves_the_failures_into_the_audit_trail(
    vault: Path, settings: Settings
) -> None:
    times = [T0 + timedelta(seconds=s) for s in (0, 1, 2)]
    for moment in times:
        fail(vault, "ALICE ", moment, settings)
    fail(vault, BOB, T0 + timedelta(seconds=5), settings)
    later = T0 + timedelta(minutes=1)
    with logins.log_in(vault, ADMIN, ADMIN_PASSWORD, settings, how="window", now=later) as session:
        alice = session.user.id
        bob = {u.username: u.id for u in accounts.list_users(session)}[BOB]
        got = [(e.at, e.user_id, e.action, e.outcome, e.detail) for e in logged(session)]
    stamp = [m.isoformat(timespec="seconds") for m in times]
    assert got == [
        (stamp[0], alice, "login_failed", "failed", None),
        (stamp[1], alice, "login_failed", "failed", None),
        (stamp[2], alice, "login_failed", "failed", None),
        ((T0 + timedelta(seconds=5)).isoformat(), bob, "login_failed", "failed", None),
        (later.isoformat(), alice, "login", "ok", "window"),
    ]
    # Alice's count starts again; Bob's stays (and so would his wait), already recorded.
    left = failures.load(side_file(vault))
    assert "alice" not in left.names
    assert left.names["bob"].count == 1 and left.names["bob"].unrecorded == []
    # Bob's own login later records nothing twice.
    with logins.log_in(vault, BOB, BOB_PASSWORD, settings, how="command") as session:
        assert [e.action for e in logged(session)].count("login_failed") == 4
        assert audit.first_broken(session.conn) is None
    assert failures.load(side_file(vault)).names == {}


def test_an_unknown_name_is_never_written_down(vault: Path, settings: Settings) -> None:
    typed = "Tr0ub4dor&3-typed-as-a-name"
    for second in range(3):
        fail(vault, typed, T0 + timedelta(seconds=second), settings)
    # The same mistyped name waits, in this process; another one does not.
    with pytest.raises(LoginDelayed):
        logins.unlock(vault, typed.upper(), "x", settings, now=T0 + timedelta(seconds=3))
    fail(vault, "someone-else", T0 + timedelta(seconds=3), settings)
    raw = side_file(vault).read_bytes()
    for form in (typed, typed.casefold(), "someone-else"):
        assert form.encode() not in raw
    assert len(json.loads(raw)["unknown"]["unrecorded"]) == 4

    with logins.log_in(vault, BOB, BOB_PASSWORD, settings, how="window") as session:
        entries = logged(session)
        assert [(e.action, e.user_id) for e in entries[:4]] == [("login_failed", None)] * 4
        text = " ".join(str(e) for e in entries)
        assert typed not in text and typed.casefold() not in text and "someone" not in text
    assert json.loads(side_file(vault).read_bytes())["unknown"]["unrecorded"] == []


def test_the_side_file_is_private_and_holds_no_password(vault: Path, settings: Settings) -> None:
    fail(vault, BOB, T0, settings)
    path = side_file(vault)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert b"not the password" not in raw and BOB_PASSWORD.encode() not in raw
    assert json.loads(raw)["names"]["bob"]["count"] == 1
    assert [p.name for p in vault.iterdir() if p.name.startswith(".")] == []


def test_no_side_file_until_a_login_fails(vault: Path, settings: Settings) -> None:
    logins.log_in(vault, BOB, BOB_PASSWORD, settings, how="command").close()
    assert not side_file(vault).exists()


@pytest.mark.parametrize(
    "content",
    [
        b"{ not json",
        b"\xff\xfe",
        b'{"format": "other"}',
        b"[]",
        b'{"format": "counselor-app-'
        b'login-failures", "version": 1, "names": {"alice": {"count": -4}}}',
    ],
)
def test_a_damaged_side_file_is_reset_and_never_blocks_a_login(
    vault: Path, settings: Settings, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    path = side_file(vault)
    path.write_bytes(content)
    database = VaultPaths(vault).database
    with caplog.at_level(logging.WARNING):
        session = logins.log_in(vault, ADMIN, ADMIN_PASSWORD, settings, how="window")
    with session:
        assert [e.action for e in logged(session)] == ["login"]
    assert "was damaged" in caplog.text and "it was reset" in caplog.text
    assert failures.load(path).names == {}
    assert database.is_file()
    # A failure after a damaged file is noted in a fresh one.
    path.write_bytes(content)
    fail(vault, ADMIN, T0, settings)
    assert failures.load(path).names["alice"].count == 1


def test_an_unwritable_side_file_never_blocks_a_login(
    vault: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail(vault, ADMIN, T0, settings)

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(failures, "write_atomically", full_disk)
    fail(vault, ADMIN, T0, settings)  # still the generic refusal
    with logins.log_in(vault, ADMIN, ADMIN_PASSWORD, settings, how="window") as session:
        assert [e.action for e in logged(session)] == ["login_failed", "login"]


def test_the_command_line_says_how_long_to_wait_in_one_line(
    vault: Path, settings: Settings
) -> None:
    base = ("--data-dir", str(vault))
    for _ in range(3):
        code, _, err = cli(*base, "verify", "--as", ADMIN, stdin=lines("wrong password"))
        assert (code, err) == (1, "counselor-app: Unknown user name or wrong password.\n")
    code, out, err = cli(*base, "user", "list", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert (code, out) == (1, "")
    assert re.fullmatch(
        r"counselor-app: Too many failed logins under this user name; "
        r"try again in [12] seconds\.\n",
        err,
    )
    # verify logged in without writing: its failures wait for a login that records.
    assert failures.load(side_file(vault)).names["alice"].count == 3


def test_a_failure_noted_during_a_login_stays_for_the_next(vault: Path) -> None:
    path = side_file(vault)
    failures.note(path, "bob", T0)
    recorded = failures.load(path)
    failures.note(path, "bob", T0 + timedelta(seconds=1))  # another copy of the program
    failures.note(path, None, T0 + timedelta(seconds=2))
    failures.settle(path, recorded, reset="alice")
    left = failures.load(path)
    assert left.names["bob"].unrecorded == [T0 + timedelta(seconds=1)]
    assert left.names["bob"].count == 2
    assert left.unknown.unrecorded == [T0 + timedelta(seconds=2)]


def test_beyond_the_times_kept_failures_are_still_counted(
    vault: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(failures, "MAX_KEPT", 3)
    for second in range(5):
        failures.note(side_file(vault), "alice", T0 + timedelta(seconds=second))
    with logins.log_in(vault, ADMIN, ADMIN_PASSWORD, settings, how="window") as session:
        got = [(e.action, e.detail, e.at[-8:]) for e in logged(session)]
    assert got[:4] == [
        ("login_failed", "untimed=2", got[0][2]),
        ("login_failed", None, "02+00:00"),
        ("login_failed", None, "03+00:00"),
        ("login_failed", None, "04+00:00"),
    ]
    assert got[4][:2] == ("login", "window")
