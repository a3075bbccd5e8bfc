"""Numbered schema migrations, recorded in ``PRAGMA user_version``.

Migration N brings the schema from version N-1 to N. Each runs in its own
transaction together with the version bump, so a crash leaves either the old or
the new schema. A vault whose version is higher than the last migration known
here was written by a newer program and is refused, never touched.
"""

from __future__ import annotations

from counselor_app.errors import NewerVault
from counselor_app.store.db import Connection, transaction

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: vault metadata and user accounts
    (
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID""",
        """CREATE TABLE users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('counselor', 'supervisor', 'admin')),
            created_at TEXT NOT NULL,
            removed_at TEXT
        )""",
        """CREATE UNIQUE INDEX users_active_name
            ON users (username COLLATE NOCASE) WHERE removed_at IS NULL""",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_supported(conn: Connection) -> int:
    """Return the vault's schema version, refusing one newer than this program."""
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise NewerVault(found, SCHEMA_VERSION)
    return found


def migrate(conn: Connection) -> int:
    """Apply every migration the vault lacks; return the number applied."""
    current = check_supported(conn)
    for number in range(current + 1, SCHEMA_VERSION + 1):
        with transaction(conn):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    return SCHEMA_VERSION - current
