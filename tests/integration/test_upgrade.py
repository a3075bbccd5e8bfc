"""An older vault is backed up before its schema is upgraded, once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from counselor_app import audit, workstation
from counselor_app.config import Settings
from counselor_app.store import migrations
from counselor_app.vault import Session, create_vault, open_vault
from counselor_app.vault.backup import UPGRADE_PREFIX, UpgradeBackupFailed, read_manifest
from tests.conftest import ADMIN, ADMIN_PASSWORD

OLDER = 5  # the schema before several workstations


@pytest.fixture
def older_vault(vault_dir: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> int:
    """A vault made by a program whose last migration was OLDER, with its calls."""
    with monkeypatch.context() as older_program:
        older_program.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:OLDER])
        older_program.setattr(migrations, "SCHEMA_VERSION", OLDER)
        with create_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
            # that program made no workstation key
            session.conn.execute("DELETE FROM meta WHERE key = ?", (workstation.META_KEY,))
            # two calls as that program stored them
            session.conn.executemany(
                "INSERT INTO records (id, form, form_version, started_at, ended_at, "
                "counselor_id, call_kind, answers, created_at, updated_at) "
                "VALUES (?, 'vff', 1, ?, ?, ?, 'silent', '{\"call_kind\": \"silent\"}', ?, ?)",
                [
                    (f"00000000-0000-4000-8000-00000000000{n}", t, t + 60, session.user.id, t, t)
                    for n, t in ((1, 1_750_000_000), (2, 1_750_000_600))
                ],
            )
            assert migrations.schema_version(session.conn) == OLDER
    return OLDER


def upgrades(session: Session) -> list[str]:
    return [e.detail or "" for e in audit.entries(session.conn) if e.action == "upgrade"]


def test_an_older_vault_is_backed_up_then_upgraded_once(
    older_vault: int, vault_dir: Path, settings: Settings
) -> None:
    older = older_vault
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        assert migrations.schema_version(session.conn) == migrations.SCHEMA_VERSION
        folder = settings.backup_folder(vault_dir.resolve())
        made = sorted(folder.iterdir())
        assert [p.name.startswith(f"{UPGRADE_PREFIX}schema{older}-") for p in made] == [True]
        assert read_manifest(made[0]).schema_version == older
        assert upgrades(session) == [
            f"schema {older} to {migrations.SCHEMA_VERSION}, backup {made[0].name}"
        ]
        assert audit.first_broken(session.conn) is None
        # The calls made before are there, at their first revision, with a workstation key.
        rows = session.conn.execute("SELECT revision, changed, workstation FROM records").fetchall()
        assert rows == [(1, 0, None), (1, 0, None)]
        key = workstation.identity(session.conn)
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        assert len(list(folder.iterdir())) == 1  # nothing more to upgrade: no backup
        assert len(upgrades(session)) == 1
        assert workstation.identity(session.conn).id == key.id


def test_without_the_backup_the_vault_is_left_as_it_was(
    older_vault: int, vault_dir: Path, tmp_path: Path, settings: Settings
) -> None:
    older = older_vault
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should be", encoding="utf-8")
    with pytest.raises(UpgradeBackupFailed) as refused:
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, replace(settings, backup_dir=blocked))
    assert refused.value.folder == blocked
    assert "Nothing was changed" in str(refused.value)
    # Still the older schema, and it opens (and upgrades) once the folder is usable.
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        assert migrations.schema_version(session.conn) == migrations.SCHEMA_VERSION
        assert upgrades(session)[0].startswith(f"schema {older} to ")
