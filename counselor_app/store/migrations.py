"""Numbered schema migrations, recorded in ``PRAGMA user_version``.

Migration N brings the schema from version N-1 to N. Each runs in its own
transaction together with the version bump, so a crash leaves either the old or
the new schema. A vault whose version is higher than the last migration known
here was written by a newer program and is refused, never touched.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from counselor_app.errors import NewerVault
from counselor_app.store.db import Connection, transaction

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: vault metadata and user accounts
    (
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID""",
        # name_key: the name in NFC, case-folded; slot_id and public_key register the one
        # key slot that may open the vault as this user.
        """CREATE TABLE users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL,
            name_key TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('counselor', 'supervisor', 'admin')),
            slot_id TEXT,
            public_key TEXT,
            created_at TEXT NOT NULL,
            removed_at TEXT
        )""",
        """CREATE UNIQUE INDEX users_active_name
            ON users (name_key) WHERE removed_at IS NULL""",
    ),
    # 2: call records, their coded answers for counting, notes, history and drafts
    (
        """CREATE TABLE records (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            form TEXT NOT NULL,
            form_version INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER NOT NULL CHECK (ended_at >= started_at),
            counselor_id TEXT NOT NULL REFERENCES users (id),
            call_kind TEXT NOT NULL,
            reason TEXT,
            answers TEXT NOT NULL,
            prompts_shown TEXT NOT NULL DEFAULT '[]',
            findings_confirmed INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER,
            deleted_by TEXT REFERENCES users (id),
            delete_reason TEXT
        )""",
        "CREATE INDEX records_started ON records (started_at) WHERE deleted_at IS NULL",
        """CREATE INDEX records_counselor ON records (counselor_id, started_at)
            WHERE deleted_at IS NULL""",
        """CREATE INDEX records_kind ON records (call_kind, started_at)
            WHERE deleted_at IS NULL""",
        """CREATE INDEX records_reason ON records (reason, started_at)
            WHERE deleted_at IS NULL""",
        """CREATE TABLE codes (
            id INTEGER PRIMARY KEY,
            field TEXT NOT NULL,
            code TEXT NOT NULL,
            UNIQUE (field, code)
        )""",
        """CREATE TABLE record_codes (
            code_id INTEGER NOT NULL REFERENCES codes (id),
            record INTEGER NOT NULL REFERENCES records (rowid) ON DELETE CASCADE,
            PRIMARY KEY (code_id, record)
        ) WITHOUT ROWID""",
        "CREATE INDEX record_codes_by_record ON record_codes (record)",
        """CREATE TABLE record_notes (
            record INTEGER PRIMARY KEY REFERENCES records (rowid) ON DELETE CASCADE,
            note TEXT NOT NULL
        )""",
        """CREATE TABLE record_history (
            id INTEGER PRIMARY KEY,
            record INTEGER NOT NULL REFERENCES records (rowid) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            user_id TEXT NOT NULL REFERENCES users (id),
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
            fields TEXT NOT NULL,
            reason TEXT
        )""",
        "CREATE INDEX record_history_by_record ON record_history (record)",
        """CREATE TABLE drafts (
            user_id TEXT PRIMARY KEY REFERENCES users (id),
            saved_at INTEGER NOT NULL,
            content TEXT NOT NULL
        )""",
    ),
    # 3: the audit trail, each entry chained to the previous one by its hash
    (
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_id TEXT,
            action TEXT NOT NULL,
            record_id TEXT,
            outcome TEXT NOT NULL,
            detail TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
    ),
    # 4: reports count without reading records: the coded answers carry the call's start
    # (counting a code over a period is one index range), and one covering index holds
    # what the overview, the volumes and the method page need.
    (
        """CREATE TABLE record_codes_4 (
            code_id INTEGER NOT NULL REFERENCES codes (id),
            started_at INTEGER NOT NULL,
            record INTEGER NOT NULL REFERENCES records (rowid) ON DELETE CASCADE,
            PRIMARY KEY (code_id, started_at, record)
        ) WITHOUT ROWID""",
        """INSERT INTO record_codes_4 (code_id, started_at, record)
            SELECT x.code_id, r.started_at, x.record
            FROM record_codes x JOIN records r ON r.rowid = x.record""",
        "DROP TABLE record_codes",
        "ALTER TABLE record_codes_4 RENAME TO record_codes",
        "CREATE INDEX record_codes_by_record ON record_codes (record)",
        "DROP INDEX records_started",
        # deleted_at (always NULL here) makes the index covering for queries that say so.
        """CREATE INDEX records_report ON records (started_at, ended_at, call_kind, reason,
            form, form_version, counselor_id, deleted_at) WHERE deleted_at IS NULL""",
        # In the order of the groups a report counts, so they come without sorting.
        """CREATE INDEX records_groups ON records (call_kind, reason, form, form_version,
            started_at, deleted_at) WHERE deleted_at IS NULL""",
        "CREATE INDEX records_deleted ON records (started_at) WHERE deleted_at IS NOT NULL",
    ),
    # 5: legal holds, which keep a record (and its note) from the retention rules
    (
        """CREATE TABLE legal_holds (
            record INTEGER PRIMARY KEY REFERENCES records (rowid) ON DELETE CASCADE,
            placed_at INTEGER NOT NULL,
            placed_by TEXT NOT NULL REFERENCES users (id)
        )""",
    ),
    # 6: several workstations. A record's workstation is NULL when it was made in this
    # vault; a consolidation vault keeps the workstation a bundle brought it from. A
    # workstation remembers the bundles it sent (each starts where an earlier one
    # stopped reading); a consolidation vault, the workstations it accepted.
    (
        "ALTER TABLE records ADD COLUMN workstation TEXT",
        # Tells a newer copy of a record from an older one: at each change or deletion it
        # grows by one at least, and to the time of the change in milliseconds, so that the
        # changes made after a restore from a backup still come out newer.
        "ALTER TABLE records ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
        # The vault's change counter when the record was last written: what a bundle
        # sends is what changed after the counter of the bundle it follows, whatever
        # the clock says.
        "ALTER TABLE records ADD COLUMN changed INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX records_changed ON records (changed)",
        """CREATE TABLE change_counter (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        )""",
        "INSERT INTO change_counter (id, value) VALUES (1, 0)",
        """CREATE INDEX records_workstation ON records (workstation, started_at)
            WHERE deleted_at IS NULL""",
        """CREATE TABLE bundles_sent (
            sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
            base INTEGER NOT NULL CHECK (base >= 0 AND base < sequence),
            made_at INTEGER NOT NULL,
            changes_until INTEGER NOT NULL,
            records INTEGER NOT NULL,
            notes INTEGER NOT NULL,
            made_by TEXT NOT NULL REFERENCES users (id)
        )""",
        """CREATE TABLE workstations (
            id TEXT PRIMARY KEY,
            signing_key TEXT NOT NULL UNIQUE,
            accepted_at INTEGER NOT NULL,
            accepted_by TEXT NOT NULL REFERENCES users (id),
            last_sequence INTEGER NOT NULL DEFAULT 0,
            last_made_at INTEGER,
            last_imported_at INTEGER
        )""",
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


@cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str]]:
    """(type, name, sql) of every object the migrations up to ``version`` create."""
    scratch = sqlite3.connect(":memory:")
    try:
        for number in range(1, version + 1):
            for statement in MIGRATIONS[number - 1]:
                scratch.execute(statement)
        return _schema(scratch)
    finally:
        scratch.close()


def _schema(conn: Connection) -> frozenset[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return frozenset((str(t), str(n), str(s)) for t, n, s in rows)


def unexpected_schema(conn: Connection) -> list[str]:
    """Objects in the vault that its migrations did not make (or made differently)."""
    extra = _schema(conn) - expected_schema(schema_version(conn))
    return sorted(f"{kind} {name}" for kind, name, _ in extra)
