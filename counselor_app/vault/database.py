"""Opening the SQLCipher database with a raw 256-bit key.

This module is the only place that calls ``sqlcipher3.connect``. It never creates
a database unless asked to, so a missing or damaged file is reported, not replaced.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import sqlcipher3

from counselor_app.errors import VaultDamaged
from counselor_app.store.db import Connection, transaction

__all__ = ["Connection", "DatabaseError", "WrongKey", "connect", "rekey", "transaction"]
DatabaseError = sqlcipher3.DatabaseError

BUSY_TIMEOUT_MS = 5000
MIN_FILE_SIZE = 4096  # one page
CACHE_KIB = 64 * 1024  # page cache: counting and bulk imports touch many pages


class WrongKey(Exception):
    """The key does not decrypt the first page (or the file is not a database)."""


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    # Raw-key syntax: the hex blob is used as the key itself, not stretched as a password.
    return f"\"x'{key.hex()}'\""


def key_literal(key: bytes) -> str:
    """The key as SQLCipher's raw-key literal, for ``PRAGMA key`` and ``ATTACH … KEY``."""
    return _key_pragma(key)


def connect(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """Open (or, with ``create``, make) the encrypted database and prove the key.

    Raises WrongKey when the key does not open the file, VaultDamaged when it is
    unreadable for another reason.
    """
    if not create:
        if not path.is_file():
            raise VaultDamaged(path, "the file is missing")
        # SQLCipher would take an empty file for a new database and write one.
        if path.stat().st_size < MIN_FILE_SIZE:
            raise VaultDamaged(path, "the file is empty or truncated")
    try:
        conn = sqlcipher3.connect(
            _uri(path, "rwc" if create else "rw"), uri=True, isolation_level=None
        )
    except sqlcipher3.Error as exc:
        raise VaultDamaged(path, str(exc)) from None
    try:
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_key_pragma(key)}")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise RuntimeError("SQLCipher is not available: refusing to open a plaintext database")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if "not a database" in str(exc):
                raise WrongKey() from None
            raise VaultDamaged(path, str(exc)) from None
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except BaseException:
        conn.close()
        raise
    return conn


def rekey(conn: Connection, key: bytes) -> None:
    """Re-encrypt the database with ``key``, then move every page into the main file.

    Without the checkpoint the main file would keep pages under the old key until
    a later one, and an integrity check of the file would report them as damaged.
    """
    conn.execute(f"PRAGMA rekey = {_key_pragma(key)}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def integrity_problems(conn: Connection) -> list[str]:
    """Run SQLCipher's page HMAC check and SQLite's integrity and foreign-key checks."""
    problems: list[str] = []
    try:
        problems += [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
        problems += [row for row in rows if row != "ok"]
        problems += [
            f"foreign key violation in {row[0]}" for row in conn.execute("PRAGMA foreign_key_check")
        ]
    except sqlcipher3.DatabaseError as exc:
        problems.append(str(exc))
    return problems
