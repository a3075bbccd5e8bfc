"""Logging in, failed logins that slow down, and locking, as the audit trail records them.

- ``unlock`` opens the vault unless the user name has failed too often lately
  (``LoginDelayed``); a wrong password or an unknown name is noted beside the vault
  (``vault.failures``). It writes nothing into the vault: ``verify`` logs in so.
- ``record_login``, in one transaction: every failed login noted since the last
  login (``login_failed``, at its own time), then ``login`` (``window`` or
  ``command``), or ``unlock`` when the user who locked the window comes back. The
  count of the user who logged in starts again; the others' counts (and their
  waits) stay.
- ``log_in`` is both, as the window and every command but ``verify`` use it.
- ``record_lock``: ``lock``, before the window closes the session.

A name that has no key slot is never written down (it may be a password typed in
the wrong field): its failures are recorded without the name, and its wait is kept
in this process only, under a digest that changes with every start.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from counselor_app import audit
from counselor_app.config import Settings
from counselor_app.errors import AuthenticationFailed, KeySlotsDamaged, LoginDelayed
from counselor_app.store import users
from counselor_app.store.db import Connection, transaction
from counselor_app.store.users import name_key
from counselor_app.vault import failures, slotfile
from counselor_app.vault.failures import FailureFile, Tally
from counselor_app.vault.paths import VaultPaths
from counselor_app.vault.session import Session, open_vault

log = logging.getLogger(__name__)

How = Literal["window", "command"]
UNKNOWN_NAMES_KEPT = 256


class _UnknownNames:
    """The waits of names that have no key slot, in memory, under a keyed digest."""

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)
        self._tallies: dict[str, Tally] = {}

    def _key(self, paths: VaultPaths, username: str) -> str:
        text = f"{paths.data_dir}\0{name_key(username)}".encode()
        return hmac.new(self._secret, text, hashlib.sha256).hexdigest()

    def seconds_left(self, paths: VaultPaths, username: str, now: datetime) -> int:
        tally = self._tallies.get(self._key(paths, username))
        return 0 if tally is None else failures.seconds_left(tally, now)

    def note(self, paths: VaultPaths, username: str, now: datetime) -> None:
        key = self._key(paths, username)
        tally = self._tallies.pop(key, None) or Tally()
        tally.count += 1
        tally.last = failures.utc(now)
        self._tallies[key] = tally  # the most recent last: the oldest go first
        while len(self._tallies) > UNKNOWN_NAMES_KEPT:
            del self._tallies[next(iter(self._tallies))]


_unknown_names = _UnknownNames()


def _has_slot(paths: VaultPaths, username: str) -> bool | None:
    """Whether a key slot has this name; None when the slot file cannot be read
    (``open_vault`` then says why)."""
    try:
        return bool(slotfile.load(paths.keyslots).find(username))
    except KeySlotsDamaged:
        return None


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def unlock(
    data_dir: Path, username: str, password: str, settings: Settings, *, now: datetime | None = None
) -> Session:
    """Open the vault as ``username``, writing nothing into it.

    Raises LoginDelayed while the name must wait, without looking at the password.
    """
    paths = VaultPaths(data_dir)
    moment = _now(now)
    known = _has_slot(paths, username) if paths.anything_present() else None
    if known is not None:
        if known:
            tally = failures.load(paths.login_failures).names.get(name_key(username), Tally())
            wait = failures.seconds_left(tally, moment)
        else:
            wait = _unknown_names.seconds_left(paths, username, moment)
        if wait:
            raise LoginDelayed(wait)
    try:
        return open_vault(data_dir, username, password, settings)
    except AuthenticationFailed:
        if known is not None:
            _note_failure(paths, username, known, moment)
        raise


def _note_failure(paths: VaultPaths, username: str, known: bool, moment: datetime) -> None:
    if not known:
        _unknown_names.note(paths, username, moment)
    try:
        failures.note(paths.login_failures, name_key(username) if known else None, moment)
    except OSError as exc:
        log.warning(
            "A failed login could not be noted in %s (%s).", paths.login_failures, exc.strerror
        )


def _record_failures(conn: Connection, pending: FailureFile) -> None:
    """``login_failed`` entries for the failures noted, oldest first."""
    found: list[tuple[datetime, str | None]] = []
    for key, tally in pending.names.items():
        user_id = users.id_by_key(conn, key)
        found += [(moment, user_id) for moment in tally.unrecorded]
        if tally.untimed:
            audit.record(
                conn, user_id, "login_failed", outcome="failed", detail=f"untimed={tally.untimed}"
            )
    found += [(moment, None) for moment in pending.unknown.unrecorded]
    if pending.unknown.untimed:
        audit.record(
            conn,
            None,
            "login_failed",
            outcome="failed",
            detail=f"untimed={pending.unknown.untimed}",
        )
    for moment, user_id in sorted(found, key=lambda item: item[0]):
        audit.record(conn, user_id, "login_failed", outcome="failed", now=moment)


def record_login(
    session: Session, how: How, *, returning: str | None = None, now: datetime | None = None
) -> None:
    """Record this login and the failed ones before it; ``returning`` is the id of the
    user who locked the window, if it was locked."""
    path = session.paths.login_failures
    pending = failures.load(path)
    user = session.user
    with transaction(session.conn):
        _record_failures(session.conn, pending)
        if returning is not None and returning == user.id:
            audit.record(session.conn, user.id, "unlock", now=now)
        else:
            audit.record(session.conn, user.id, "login", detail=how, now=now)
    try:
        failures.settle(path, pending, reset=name_key(user.username))
    except OSError as exc:
        log.warning("The file of failed logins %s cannot be written (%s).", path, exc.strerror)


def log_in(
    data_dir: Path,
    username: str,
    password: str,
    settings: Settings,
    *,
    how: How,
    returning: str | None = None,
    now: datetime | None = None,
) -> Session:
    """``unlock``, then ``record_login``; the session is closed if the record fails."""
    session = unlock(data_dir, username, password, settings, now=now)
    try:
        record_login(session, how, returning=returning, now=now)
    except BaseException:
        session.close()
        raise
    return session


def record_lock(session: Session, *, now: datetime | None = None) -> None:
    with transaction(session.conn):
        audit.record(session.conn, session.user.id, "lock", now=now)
