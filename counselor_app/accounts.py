"""User accounts: add, list, change and reset passwords, change roles, remove.

Every operation takes an open Session and checks its role first. The users table
(in the encrypted database) is the authority on who exists and with which role;
the key-slot file only holds each user's way in.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import replace

from counselor_app.errors import LastAdmin, SelfRemoval, UnknownUser, UserExists
from counselor_app.roles import Permission, Role
from counselor_app.store import users
from counselor_app.store.users import User
from counselor_app.vault import database, slotfile
from counselor_app.vault.kdf import default_params
from counselor_app.vault.keyslots import (
    DATA_KEY_BYTES,
    new_slot,
    seal_data_key,
    unlock_private_key,
)
from counselor_app.vault.session import Session, seal_all
from counselor_app.vault.validation import check_password, check_username


def list_users(session: Session) -> list[User]:
    session.require(Permission.MANAGE_USERS)
    return users.active(session.conn)


def _target(session: Session, username: str) -> User:
    user = users.by_name(session.conn, username.strip())
    if user is None:
        raise UnknownUser(username)
    return user


def _store_slot(session: Session, user: User, password: str) -> None:
    """Give ``user`` a fresh slot for ``password``, replacing any slot she had."""
    slots = slotfile.load(session.paths.keyslots)
    slot = new_slot(
        vault_id=session.vault_id,
        user_id=user.id,
        username=user.username,
        password=password,
        data_key=session.data_key,
        params=default_params(),
    )
    kept = [
        s for s in slots.without_user(user.id) if s.username.casefold() != user.username.casefold()
    ]
    slotfile.save(session.paths.keyslots, slotfile.SlotFile(session.vault_id, [*kept, slot]))


def add_user(session: Session, username: str, role: Role, password: str) -> User:
    session.require(Permission.MANAGE_USERS)
    name = check_username(username)
    check_password(password, session.settings.min_password_length)
    if users.by_name(session.conn, name) is not None:
        raise UserExists(name)
    user = User(id=str(uuid.uuid4()), username=name, role=role)
    with database.transaction(session.conn):
        users.insert(session.conn, user)
        # Written before COMMIT: if the slot cannot be written, the user is not added.
        _store_slot(session, user, password)
    return user


def change_password(session: Session, old_password: str, new_password: str) -> None:
    """Change the session user's own password; the old one must be given again."""
    check_password(new_password, session.settings.min_password_length)
    slots = slotfile.load(session.paths.keyslots)
    slot = slots.for_user(session.user.id)
    if slot is None:
        raise UnknownUser(session.user.username)
    unlock_private_key(slot, session.vault_id, old_password)
    _store_slot(session, session.user, new_password)


def reset_password(session: Session, username: str, new_password: str) -> None:
    """Set another user's password (admin): her old slot is replaced."""
    session.require(Permission.MANAGE_USERS)
    check_password(new_password, session.settings.min_password_length)
    _store_slot(session, _target(session, username), new_password)


def set_role(session: Session, username: str, role: Role) -> User:
    session.require(Permission.MANAGE_USERS)
    user = _target(session, username)
    if user.role == role:
        return user
    with database.transaction(session.conn):
        if user.role == Role.ADMIN and users.count_admins(session.conn) <= 1:
            raise LastAdmin()
        users.set_role(session.conn, user.id, role)
    changed = replace(user, role=role)
    if user.id == session.user.id:
        session.user = changed
    return changed


def remove_user(session: Session, username: str) -> None:
    """Remove a user, then rekey the database and reseal the data key for everyone left.

    Order, so that a crash at any point loses nothing:
    1. the slot file drops her slot and gives each remaining slot the next key as pending;
    2. the user is marked removed and the database is rekeyed;
    3. the slot file is rewritten with the new key only.
    An open after a crash between 1 and 3 finishes the work (see ``open_vault``).
    """
    session.require(Permission.MANAGE_USERS)
    user = _target(session, username)
    if user.id == session.user.id:
        raise SelfRemoval()
    if user.role == Role.ADMIN and users.count_admins(session.conn) <= 1:
        raise LastAdmin()
    slots = slotfile.load(session.paths.keyslots)
    new_key = secrets.token_bytes(DATA_KEY_BYTES)
    remaining = [
        replace(s, pending_key=seal_data_key(s, session.vault_id, new_key))
        for s in slots.without_user(user.id)
    ]
    pending = slotfile.SlotFile(session.vault_id, remaining)
    slotfile.save(session.paths.keyslots, pending)
    with database.transaction(session.conn):
        users.mark_removed(session.conn, user.id)
    database.rekey(session.conn, new_key)
    session.replace_data_key(new_key)
    seal_all(session.paths, pending, new_key)
