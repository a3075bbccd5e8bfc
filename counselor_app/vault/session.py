"""Creating and opening a vault. An open vault is a Session: one user, one connection.

``open_vault`` is the one function that opens the database; everything else
receives the Session.
"""

from __future__ import annotations

import os
import secrets
import shutil
import uuid
from collections.abc import Mapping
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from counselor_app import __version__, audit, workstation
from counselor_app.config import Settings
from counselor_app.errors import (
    AuthenticationFailed,
    KeySlotsDamaged,
    PermissionDenied,
    VaultDamaged,
    VaultExists,
    VaultMissing,
)
from counselor_app.roles import Permission, Role, allows
from counselor_app.store import migrations, users
from counselor_app.store.users import SlotRegistration, User
from counselor_app.vault import database, keying, slotfile
from counselor_app.vault.database import Connection, WrongKey
from counselor_app.vault.kdf import default_params
from counselor_app.vault.keyslots import (
    DATA_KEY_BYTES,
    KeySlot,
    SlotDamaged,
    burn_time,
    new_slot,
    open_sealed_key,
    unlock_private_key,
)
from counselor_app.vault.paths import VaultPaths
from counselor_app.vault.validation import check_password, check_username


class Session:
    """An unlocked vault, as one user."""

    def __init__(
        self,
        paths: VaultPaths,
        conn: Connection,
        vault_id: str,
        data_key: bytes,
        user: User,
        settings: Settings,
    ) -> None:
        self.paths = paths
        self.conn = conn
        self.vault_id = vault_id
        self._data_key = bytearray(data_key)
        self.user = user
        self.settings = settings

    @property
    def data_key(self) -> bytes:
        if not self._data_key:
            raise RuntimeError("the session is closed")
        return bytes(self._data_key)

    def replace_data_key(self, key: bytes) -> None:
        self._wipe()
        self._data_key = bytearray(key)

    def reopen(self) -> Session:
        """Another connection to the same vault as the same user, with the key in force.

        For work in another thread (a connection belongs to the thread that opened
        it). The user must still be active; the caller closes the new session.
        """
        conn = database.connect(self.paths.database, self.data_key)
        try:
            if _meta(conn, self.paths.database, "vault_id") != self.vault_id:
                raise VaultDamaged(self.paths.database, "the vault was replaced")
            user = users.by_id(conn, self.user.id)
            if user is None:
                raise AuthenticationFailed()
        except database.DatabaseError as exc:
            conn.close()
            raise VaultDamaged(self.paths.database, str(exc)) from None
        except BaseException:
            conn.close()
            raise
        return Session(self.paths, conn, self.vault_id, self.data_key, user, self.settings)

    def require(self, permission: Permission) -> None:
        """Raise PermissionDenied unless this session's role grants ``permission``."""
        if not allows(self.user.role, permission):
            raise PermissionDenied(permission, self.user.role)

    @property
    def closed(self) -> bool:
        return not self._data_key

    def _wipe(self) -> None:
        for index in range(len(self._data_key)):
            self._data_key[index] = 0
        self._data_key = bytearray()

    def close(self) -> None:
        """Close the connection and drop the key (best effort: Python may keep copies)."""
        if self.closed:
            return
        self._wipe()
        self.conn.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def registration(slot: KeySlot) -> SlotRegistration:
    return SlotRegistration(slot.slot_id, slot.public_key)


def create_vault(
    data_dir: Path,
    admin_name: str,
    password: str,
    settings: Settings,
    *,
    extra_meta: Mapping[str, str] | None = None,
) -> Session:
    """Make a new vault in ``data_dir`` with its first admin. Never touches existing files.

    ``extra_meta`` goes into the vault's ``meta`` table with the rest (a consolidation
    vault's organisation key), so the vault never exists without it.
    """
    paths = VaultPaths(data_dir)
    username = check_username(admin_name)
    check_password(password, settings.min_password_length)
    if paths.anything_present():
        raise VaultExists(data_dir)
    data_key = secrets.token_bytes(DATA_KEY_BYTES)
    vault_id = str(uuid.uuid4())
    admin = User(id=str(uuid.uuid4()), username=username, role=Role.ADMIN)
    slot = new_slot(
        vault_id=vault_id,
        user_id=admin.id,
        username=username,
        password=password,
        data_key=data_key,
        params=default_params(),
    )
    # Both files are built in a staging folder beside the data folder, then moved into
    # place together: a crash never leaves half a vault, and existing files are never
    # replaced.
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = data_dir.parent / f".{data_dir.name}.creating-{uuid.uuid4().hex}"
    staging.mkdir(mode=0o700)
    try:
        built = VaultPaths(staging)
        conn = database.connect(built.database, data_key, create=True)
        try:
            migrations.migrate(conn)
            with database.transaction(conn):
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("vault_id", vault_id),
                        ("created_at", users.now_utc()),
                        ("created_by_version", __version__),
                        (workstation.META_KEY, workstation.new_private_key_text()),
                        *(extra_meta or {}).items(),
                    ],
                )
                users.insert(conn, admin, registration(slot))
        finally:
            conn.close()
        os.chmod(built.database, 0o600)
        slotfile.save(built.keyslots, slotfile.SlotFile(vault_id=vault_id, slots=[slot]))
        _move_into_place(built, paths)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return open_vault(data_dir, username, password, settings)


def _move_into_place(built: VaultPaths, paths: VaultPaths) -> None:
    """The staging folder becomes the data folder when that is absent or empty."""
    target = paths.data_dir
    if target.is_dir() and not any(target.iterdir()) and os.name != "posix":
        target.rmdir()  # elsewhere than POSIX, rename does not replace an empty folder
    if not target.exists() or (target.is_dir() and not any(target.iterdir())):
        try:
            os.rename(built.data_dir, target)
            return
        except OSError:
            if paths.anything_present():
                raise VaultExists(target) from None
            raise
    # A folder with other files in it: link each file, refusing to replace anything.
    if paths.anything_present():
        raise VaultExists(target)
    try:
        os.link(built.database, paths.database)
        os.link(built.keyslots, paths.keyslots)
    except FileExistsError:
        raise VaultExists(target) from None


def open_vault(data_dir: Path, username: str, password: str, settings: Settings) -> Session:
    """Unlock the caller's key slot, then open and check the database."""
    paths = VaultPaths(data_dir)
    if not paths.anything_present():
        raise VaultMissing(data_dir)
    slots = slotfile.load(paths.keyslots)
    candidates = slots.find(username)
    if not candidates:
        if slots.slots:
            burn_time(slots.slots[0].kdf)
        raise AuthenticationFailed()
    # A wrong password stops here, before the database is touched. Two slots stand
    # under one name only while a password is being changed; the database decides
    # below which one is registered.
    unlocked = []
    for candidate in candidates:
        try:
            unlocked.append((candidate, unlock_private_key(candidate, slots.vault_id, password)))
        except AuthenticationFailed:
            continue
    if not unlocked:
        raise AuthenticationFailed()
    slot, private = unlocked[0]
    try:
        current = open_sealed_key(slot, slots.vault_id, private, slot.data_key)
    except SlotDamaged as exc:
        raise KeySlotsDamaged(paths.keyslots, str(exc)) from None
    pending = _pending_key(slots.vault_id, slot, private)
    conn, opened_with = _connect_with(paths.database, current, pending)
    try:
        stored_id = _meta(conn, paths.database, "vault_id")
        if stored_id != slots.vault_id:
            raise VaultDamaged(paths.database, "the key-slot file belongs to another vault")
        migrations.check_supported(conn)
        user = users.by_id(conn, slot.user_id)
        registered = users.registered_slots(conn)
        if user is None or not any(keying.is_registered(s, registered) for s, _ in unlocked):
            raise AuthenticationFailed()
        unexpected = migrations.unexpected_schema(conn)
        if unexpected:
            raise VaultDamaged(
                paths.database, f"it holds objects this program did not make ({unexpected[0]})"
            )
        key = keying.recover(
            conn,
            paths,
            slots.vault_id,
            opened_with=opened_with,
            current=current,
            pending=pending,
        )
        session = Session(paths, conn, slots.vault_id, key, user, settings)
        _upgrade(session)
        workstation.ensure(conn)
    except database.DatabaseError as exc:
        conn.close()
        raise VaultDamaged(paths.database, str(exc)) from None
    except SlotDamaged as exc:
        conn.close()
        raise KeySlotsDamaged(paths.keyslots, str(exc)) from None
    except BaseException:
        conn.close()
        raise
    return session


def _upgrade(session: Session) -> None:
    """Bring an older vault to this program's schema, after a backup of it as it was.

    The backup goes into the backup folder (``before-upgrade-…``, never rotated away);
    if it cannot be written, the vault is left untouched and the login refused.
    """
    found = migrations.schema_version(session.conn)
    if found >= migrations.SCHEMA_VERSION:
        return
    from counselor_app.vault.backup import upgrade_backup  # it imports this module

    made = upgrade_backup(session)
    migrations.migrate(session.conn)
    with database.transaction(session.conn):
        audit.record(
            session.conn,
            session.user.id,
            "upgrade",
            detail=f"schema {found} to {migrations.SCHEMA_VERSION}, backup {made.name}",
        )


def _pending_key(vault_id: str, slot: KeySlot, private: X25519PrivateKey) -> bytes | None:
    """The next key the slot announces, if it can be read; an unreadable one is ignored."""
    if slot.pending_key is None:
        return None
    try:
        return open_sealed_key(slot, vault_id, private, slot.pending_key)
    except (AuthenticationFailed, SlotDamaged):
        return None


def _connect_with(path: Path, current: bytes, pending: bytes | None) -> tuple[Connection, bytes]:
    for key in (current, pending):
        if key is None:
            continue
        try:
            return database.connect(path, key), key
        except WrongKey:
            continue
    raise VaultDamaged(path, "the data key does not open it, or it is not a vault database")


def _meta(conn: Connection, path: Path, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise VaultDamaged(path, f"the vault has no {key}")
    return str(row[0])


def vault_exists(data_dir: Path) -> bool:
    return VaultPaths(data_dir).anything_present()
