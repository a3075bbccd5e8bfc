"""An older vault is backed up before its schema is upgraded, once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from counselor_app import audit
from counselor_app.config import Settings
from counselor_app.store import migrations
from counselor_app.vault import Session, open_vault
from counselor_app.vault.backup import UPGRADE_PREFIX, UpgradeBackupFailed, read_manifest
from tests.conftest import ADMIN, ADMIN_PASSWORD


def make_older(session: Session) -> int:
    """Take the vault back to the schema before the last migration (which only added
    the legal holds table), as a vault of the previous version would be."""
    older = migrations.SCHEMA_VERSION - 1
    session.conn.execute("DROP TABLE legal_holds")
    session.conn.execute(f"PRAGMA user_version = {older}")
    session.close()
    return older


def upgrades(session: Session) -> list[str]:
    return [e.detail or "" for e in audit.entries(session.conn) if e.action == "upgrade"]


def test_an_older_vault_is_backed_up_then_upgraded_once(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    older = make_older(admin_session)
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
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        assert len(list(folder.iterdir())) == 1  # nothing more to upgrade: no backup
        assert len(upgrades(session)) == 1


def test_without_the_backup_the_vault_is_left_as_it_was(
    admin_session: Session, vault_dir: Path, tmp_path: Path, settings: Settings
) -> None:
    older = make_older(admin_session)
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
