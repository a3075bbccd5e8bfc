"""Keeping the key-slot file in step with the users table, and rekeying the database.

Only slots registered in the encrypted users table (slot id and public key) are
ever given the data key. A slot added to the file by hand, or a key announced in
it, is ignored: the file is not trusted, the database is.

Rekeying, in an order that survives a crash at any step:

1. the database records the digest of the next key (``meta.pending_rekey``),
   in the same transaction as the change that calls for it (a removed user);
2. the slot file gives every registered slot the next key as ``pending_key``;
3. the database is rekeyed and checkpointed;
4. the digest is cleared and the slot file rewritten with the new key only.

``open_vault`` finishes an interrupted rekey (see ``recover``).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import replace

from counselor_app.errors import CounselorError
from counselor_app.store import users
from counselor_app.store.db import Connection, transaction
from counselor_app.vault import database, slotfile
from counselor_app.vault.keyslots import DATA_KEY_BYTES, KeySlot, seal_data_key
from counselor_app.vault.paths import VaultPaths

PENDING_REKEY = "pending_rekey"


def key_digest(key: bytes) -> str:
    return hashlib.sha256(b"counselor-app/next-key|" + key).hexdigest()


def is_registered(slot: KeySlot, registered: dict[str, users.SlotRegistration]) -> bool:
    entry = registered.get(slot.user_id)
    return entry is not None and (entry.slot_id, entry.public_key) == (
        slot.slot_id,
        slot.public_key,
    )


class RekeyUnfinished(CounselorError):
    def __init__(self) -> None:
        super().__init__(
            "An earlier change of the vault's key did not finish. Lock the program and log in "
            "again: the login completes it."
        )


def write_slots(
    conn: Connection,
    paths: VaultPaths,
    vault_id: str,
    key: bytes,
    *,
    pending: bytes | None = None,
    extra: KeySlot | None = None,
) -> None:
    """Rewrite the slot file: every registered slot opens ``key`` (and ``pending``).

    ``extra`` is kept although not registered yet: a new slot written before the
    transaction that registers it, so that a crash in between loses nobody's access.
    While the database announces a next key, only the rekey itself may write.
    """
    if pending is None and pending_digest(conn) is not None:
        raise RekeyUnfinished()
    registered = users.registered_slots(conn)
    kept = [s for s in slotfile.load(paths.keyslots).slots if is_registered(s, registered)]
    if extra is not None:
        kept.append(extra)
    resealed = [
        replace(
            slot,
            data_key=seal_data_key(slot, vault_id, key),
            pending_key=None if pending is None else seal_data_key(slot, vault_id, pending),
        )
        for slot in kept
    ]
    slotfile.save(paths.keyslots, slotfile.SlotFile(vault_id, resealed))


def announce_rekey(conn: Connection) -> bytes:
    """Step 1, inside the caller's transaction: choose the next key and record its digest."""
    new_key = secrets.token_bytes(DATA_KEY_BYTES)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (PENDING_REKEY, key_digest(new_key)),
    )
    return new_key


def pending_digest(conn: Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (PENDING_REKEY,)).fetchone()
    return None if row is None else str(row[0])


def complete_rekey(
    conn: Connection,
    paths: VaultPaths,
    vault_id: str,
    current: bytes,
    new_key: bytes,
    on_rekeyed: Callable[[bytes], None] | None = None,
) -> None:
    """Steps 2 to 4, once the database has recorded ``new_key``'s digest.

    ``on_rekeyed`` is told the new key as soon as the database is under it, before
    anything else can fail, so an open session never goes on with a stale key.
    """
    write_slots(conn, paths, vault_id, current, pending=new_key)
    database.rekey(conn, new_key)
    if on_rekeyed is not None:
        on_rekeyed(new_key)
    finish_rekey(conn, paths, vault_id, new_key)


def finish_rekey(conn: Connection, paths: VaultPaths, vault_id: str, key: bytes) -> None:
    """Step 4: the database is under ``key``; reseal the slots and forget the digest.

    The slot file is written first, with the key both current and pending, so that
    a failure here leaves a file that opens the database whatever happened.
    """
    write_slots(conn, paths, vault_id, key, pending=key)
    with transaction(conn):
        conn.execute("DELETE FROM meta WHERE key = ?", (PENDING_REKEY,))
    write_slots(conn, paths, vault_id, key)


def rekey(conn: Connection, paths: VaultPaths, vault_id: str, current: bytes) -> bytes:
    """Rekey the database with a fresh key; return it."""
    with transaction(conn):
        new_key = announce_rekey(conn)
    complete_rekey(conn, paths, vault_id, current, new_key)
    return new_key


def recover(
    conn: Connection,
    paths: VaultPaths,
    vault_id: str,
    *,
    opened_with: bytes,
    current: bytes,
    pending: bytes | None,
) -> bytes:
    """After an open: finish any interrupted rekey; return the key now in force."""
    digest = pending_digest(conn)
    if pending is not None and opened_with == pending:
        finish_rekey(conn, paths, vault_id, pending)
        return pending
    if digest is not None:
        if pending is not None and key_digest(pending) == digest:
            complete_rekey(conn, paths, vault_id, current, pending)
            return pending
        return rekey(conn, paths, vault_id, current)
    if pending is not None:
        # A next key the database never announced: stale or planted. Drop it.
        write_slots(conn, paths, vault_id, current)
    return current


def slot_problems(conn: Connection, paths: VaultPaths) -> list[str]:
    """What does not fit between the slot file and the users table."""
    registered = users.registered_slots(conn)
    problems: list[str] = []
    slots = slotfile.load(paths.keyslots).slots
    for slot in slots:
        if not is_registered(slot, registered):
            problems.append(f"the key-slot file holds a slot ({slot.slot_id}) of no current user")
    present = {s.user_id for s in slots if is_registered(s, registered)}
    for user in users.active(conn):
        if user.id not in present:
            problems.append(f"the user '{user.username}' has no key slot")
    return problems
