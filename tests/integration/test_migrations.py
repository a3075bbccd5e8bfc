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


def test_migration_4_gives_coded_answers_their_call_start(tmp_path: Path) -> None:
    conn = database.connect(tmp_path / "m.db", secrets.token_bytes(32), create=True)
    try:
        for statements in migrations.MIGRATIONS[:3]:
            for statement in statements:
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 3")
        conn.execute(
            "INSERT INTO users (id, username, name_key, role, created_at) "
            "VALUES ('u', 'u', 'u', 'counselor', 'now')"
        )
        conn.execute("INSERT INTO codes (id, field, code) VALUES (1, 'call_kind', 'victim')")
        for rowid, started in ((1, 1_000), (2, 2_000)):
            conn.execute(
                "INSERT INTO records (rowid, id, form, form_version, started_at, ended_at, "
                "counselor_id, call_kind, answers, created_at, updated_at) "
                "VALUES (?, ?, 'vff', 1, ?, ?, 'u', 'victim', '{}', 0, 0)",
                (rowid, f"r{rowid}", started, started + 60),
            )
            conn.execute("INSERT INTO record_codes (code_id, record) VALUES (1, ?)", (rowid,))

        assert migrations.migrate(conn) == migrations.SCHEMA_VERSION - 3

        rows = conn.execute("SELECT code_id, started_at, record FROM record_codes").fetchall()
        assert sorted(rows) == [(1, 1_000, 1), (1, 2_000, 2)]
        assert migrations.unexpected_schema(conn) == []
        plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM record_codes "
                "WHERE code_id = 1 AND started_at >= 0 AND started_at < 1500"
            )
        )
        assert "started_at>? AND started_at<?" in plan.replace("=", "")
    finally:
        conn.close()
