"""The ``users`` table: who may open the vault, with which role, through which key slot."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from counselor_app.roles import Role
from counselor_app.store.db import Connection


@dataclass(frozen=True)
class User:
    id: str
    username: str
    role: Role


@dataclass(frozen=True)
class SlotRegistration:
    """The slot a user may open the vault with: its id and its public key."""

    slot_id: str
    public_key: bytes


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def name_key(name: str) -> str:
    """The form of a user name that uniqueness and look-ups use."""
    return unicodedata.normalize("NFC", name.strip()).casefold()


def _row(row: tuple[str, str, str]) -> User:
    return User(id=row[0], username=row[1], role=Role(row[2]))


def by_id(conn: Connection, user_id: str) -> User | None:
    row = conn.execute(
        "SELECT id, username, role FROM users WHERE id = ? AND removed_at IS NULL", (user_id,)
    ).fetchone()
    return None if row is None else _row(row)


def by_name(conn: Connection, username: str) -> User | None:
    row = conn.execute(
        "SELECT id, username, role FROM users WHERE name_key = ? AND removed_at IS NULL",
        (name_key(username),),
    ).fetchone()
    return None if row is None else _row(row)


def id_by_key(conn: Connection, key: str) -> str | None:
    """The id of the active user whose name has the normalised form ``key``."""
    row = conn.execute(
        "SELECT id FROM users WHERE name_key = ? AND removed_at IS NULL", (key,)
    ).fetchone()
    return None if row is None else str(row[0])


def active(conn: Connection) -> list[User]:
    rows = conn.execute(
        "SELECT id, username, role FROM users WHERE removed_at IS NULL ORDER BY name_key"
    ).fetchall()
    return [_row(r) for r in rows]


def count_admins(conn: Connection) -> int:
    row = conn.execute(
        "SELECT count(*) FROM users WHERE role = 'admin' AND removed_at IS NULL"
    ).fetchone()
    return int(row[0])


def insert(conn: Connection, user: User, slot: SlotRegistration) -> None:
    conn.execute(
        "INSERT INTO users (id, username, name_key, role, slot_id, public_key, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            user.id,
            user.username,
            name_key(user.username),
            user.role.value,
            slot.slot_id,
            slot.public_key.hex(),
            now_utc(),
        ),
    )


def register_slot(conn: Connection, user_id: str, slot: SlotRegistration) -> None:
    conn.execute(
        "UPDATE users SET slot_id = ?, public_key = ? WHERE id = ?",
        (slot.slot_id, slot.public_key.hex(), user_id),
    )


def registered_slots(conn: Connection) -> dict[str, SlotRegistration]:
    """user id -> the registered slot, for every active user."""
    rows = conn.execute(
        "SELECT id, slot_id, public_key FROM users "
        "WHERE removed_at IS NULL AND slot_id IS NOT NULL AND public_key IS NOT NULL"
    ).fetchall()
    return {r[0]: SlotRegistration(r[1], bytes.fromhex(r[2])) for r in rows}


def set_role(conn: Connection, user_id: str, role: Role) -> None:
    conn.execute("UPDATE users SET role = ? WHERE id = ?", (role.value, user_id))


def mark_removed(conn: Connection, user_id: str) -> None:
    conn.execute(
        "UPDATE users SET removed_at = ?, slot_id = NULL, public_key = NULL WHERE id = ?",
        (now_utc(), user_id),
    )
