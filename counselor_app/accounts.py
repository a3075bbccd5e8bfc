"""User accounts: add, list, change and reset passwords, change roles, remove.

Every operation takes an open Session and checks its role first. The users table
(in the encrypted database) is the authority on who exists, with which role and
through which key slot; the key-slot file only holds each user's way in, and is
rewritten from that table (see ``vault.keying``).

Each change is recorded in the audit trail in the transaction that changes the
users table (``user_added``, ``user_removed``, ``role_changed``,
``password_reset``, ``password_changed``), with the id of the user concerned in
the entry's detail. A rekey that follows changes the key, not the rows: the
audit chain goes on as it was.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from counselor_app import audit
from counselor_app.errors import LastAdmin, SelfRemoval, UnknownUser, UserExists, VaultDamaged
from counselor_app.roles import Permission, Role
from counselor_app.store import users
from counselor_app.store.users import User
from counselor_app.vault import database, keying, slotfile
from counselor_app.vault.kdf import default_params
from counselor_app.vault.keyslots import KeySlot, new_slot, unlock_private_key
from counselor_app.vault.session import Session, registration
from counselor_app.vault.validation import check_password, check_username


def list_users(session: Session) -> list[User]:
    session.require(Permission.MANAGE_USERS)
    return users.active(session.conn)


def _target(session: Session, username: str) -> User:
    user = users.by_name(session.conn, username)
    if user is None:
        raise UnknownUser(username.strip())
    return user


def _slot_for(session: Session, user: User, password: str) -> KeySlot:
    return new_slot(
        vault_id=session.vault_id,
        user_id=user.id,
        username=user.username,
        password=password,
        data_key=session.data_key,
        params=default_params(),
    )


def _audit(session: Session, action: str, user: User, detail: str = "") -> None:
    """An entry of the session user's change to ``user``; inside the change's transaction."""
    text = f"user={user.id}" + (f" {detail}" if detail else "")
    audit.record(session.conn, session.user.id, action, detail=text)


def _give_slot(session: Session, user: User, password: str, action: str) -> None:
    """Give ``user`` a fresh slot for ``password`` and rekey the vault.

    1. The slot file gets the new slot beside the old one (a crash leaves the old
       password working);
    2. one transaction registers the new slot (the old one stops working) and
       announces the next data key;
    3. the rekey follows (see ``vault.keying``): a copy of the old slot file, with
       the old password, opens nothing any more.
    """
    slot = _slot_for(session, user, password)
    keying.write_slots(session.conn, session.paths, session.vault_id, session.data_key, extra=slot)
    with database.transaction(session.conn):
        users.register_slot(session.conn, user.id, registration(slot))
        _audit(session, action, user)
        new_key = keying.announce_rekey(session.conn)
    _complete_rekey(session, new_key)


def _complete_rekey(session: Session, new_key: bytes) -> None:
    keying.complete_rekey(
        session.conn,
        session.paths,
        session.vault_id,
        session.data_key,
        new_key,
        on_rekeyed=session.replace_data_key,
    )


def add_user(session: Session, username: str, role: Role, password: str) -> User:
    session.require(Permission.MANAGE_USERS)
    name = check_username(username)
    check_password(password, session.settings.min_password_length)
    if users.by_name(session.conn, name) is not None:
        raise UserExists(name)
    user = User(id=str(uuid.uuid4()), username=name, role=role)
    slot = _slot_for(session, user, password)
    # The slot first (unregistered, so useless until the COMMIT), then the user.
    keying.write_slots(session.conn, session.paths, session.vault_id, session.data_key, extra=slot)
    with database.transaction(session.conn):
        users.insert(session.conn, user, registration(slot))
        _audit(session, "user_added", user, f"role={role.value}")
    keying.write_slots(session.conn, session.paths, session.vault_id, session.data_key)
    return user


def change_password(session: Session, old_password: str, new_password: str) -> None:
    """Change the session user's own password; the old one must be given again."""
    check_password(new_password, session.settings.min_password_length)
    registered = users.registered_slots(session.conn)
    slots = [
        s
        for s in slotfile.load(session.paths.keyslots).for_user(session.user.id)
        if keying.is_registered(s, registered)
    ]
    if not slots:
        raise UnknownUser(session.user.username)
    unlock_private_key(slots[0], session.vault_id, old_password)
    _give_slot(session, session.user, new_password, "password_changed")


def reset_password(session: Session, username: str, new_password: str) -> None:
    """Set another user's password (admin): her old slot is replaced."""
    session.require(Permission.MANAGE_USERS)
    check_password(new_password, session.settings.min_password_length)
    _give_slot(session, _target(session, username), new_password, "password_reset")


def set_role(session: Session, username: str, role: Role) -> User:
    session.require(Permission.MANAGE_USERS)
    user = _target(session, username)
    if user.role == role:
        return user
    with database.transaction(session.conn):
        if user.role == Role.ADMIN and users.count_admins(session.conn) <= 1:
            raise LastAdmin()
        users.set_role(session.conn, user.id, role)
        _audit(session, "role_changed", user, f"role={user.role.value}->{role.value}")
    changed = replace(user, role=role)
    if user.id == session.user.id:
        session.user = changed
    return changed


def remove_user(session: Session, username: str) -> None:
    """Remove a user, then rekey the database and reseal the key for everyone left.

    The removal and the announcement of the next key are one transaction; the
    rest follows the crash-safe order of ``vault.keying``.
    """
    session.require(Permission.MANAGE_USERS)
    user = _target(session, username)
    if user.id == session.user.id:
        raise SelfRemoval()
    with database.transaction(session.conn):
        if user.role == Role.ADMIN and users.count_admins(session.conn) <= 1:
            raise LastAdmin()
        users.mark_removed(session.conn, user.id)
        if users.by_id(session.conn, user.id) is not None:
            raise VaultDamaged(session.paths.database, "a user could not be removed")
        _audit(session, "user_removed", user)
        new_key = keying.announce_rekey(session.conn)
    _complete_rekey(session, new_key)
