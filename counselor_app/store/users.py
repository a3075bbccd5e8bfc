"""The ``users`` table: who may open the vault, and with which role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from counselor_app.roles import Role
from counselor_app.store.db import Connection


@dataclass(frozen=True)
class User:
    id: str
    username: str
    role: Role


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row(row: tuple[str, str, str]) -> User:
    return User(id=row[0], username=row[1], role=Role(row[2]))


def by_id(conn: Connection, user_id: str) -> User | None:
    row = conn.execute(
        "SELECT id, username, role FROM users WHERE id = ? AND removed_at IS NULL", (user_id,)
    ).fetchone()
    return None if row is None else _row(row)


def by_name(conn: Connection, username: str) -> User | None:
    row = conn.execute(
        "SELECT id, username, role FROM users "
        "WHERE username = ? COLLATE NOCASE AND removed_at IS NULL",
        (username,),
    ).fetchone()
    return None if row is None else _row(row)


def active(conn: Connection) -> list[User]:
    rows = conn.execute(
        "SELECT id, username, role FROM users WHERE removed_at IS NULL "
        "ORDER BY username COLLATE NOCASE"
    ).fetchall()
    return [_row(r) for r in rows]


def count_admins(conn: Connection) -> int:
    row = conn.execute(
        "SELECT count(*) FROM users WHERE role = 'admin' AND removed_at IS NULL"
    ).fetchone()
    return int(row[0])


def insert(conn: Connection, user: User) -> None:
    conn.execute(
        "INSERT INTO users (id, username, role, created_at) VALUES (?, ?, ?, ?)",
        (user.id, user.username, user.role.value, now_utc()),
    )


def set_role(conn: Connection, user_id: str, role: Role) -> None:
    conn.execute("UPDATE users SET role = ? WHERE id = ?", (role.value, user_id))


def mark_removed(conn: Connection, user_id: str) -> None:
    conn.execute("UPDATE users SET removed_at = ? WHERE id = ?", (now_utc(), user_id))
