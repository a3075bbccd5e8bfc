from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from counselor_app.errors import NewerVault
from counselor_app.store import migrations
from counselor_app.vault import database


def test_migrations_run_once_and_record_the_version(tmp_path: Path) -> None:
    conn = database.connect(tmp_path / "m.db", secrets.token_bytes(32), create=True)
    try:
        assert migrations.schema_version(conn) == 0
        assert migrations.migrate(conn) == migrations.SCHEMA_VERSION
        assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION
        assert migrations.migrate(conn) == 0
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"meta", "users"} <= tables
    finally:
        conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = database.connect(tmp_path / "m.db", secrets.token_bytes(32), create=True)
    try:
        conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 3}")
        with pytest.raises(NewerVault) as error:
            migrations.migrate(conn)
        assert error.value.found == migrations.SCHEMA_VERSION + 3
    finally:
        conn.close()


def test_a_wrong_key_is_told_apart_from_damage(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    conn = database.connect(path, secrets.token_bytes(32), create=True)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(database.WrongKey):
        database.connect(path, secrets.token_bytes(32))
