"""The backup and restore commands."""

from __future__ import annotations

from pathlib import Path

from counselor_app.config import Settings
from counselor_app.vault import Session, open_vault
from counselor_app.vault.instance import InstanceLock
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.integration.test_cli import cli, lines


def test_backup_then_restore_over_the_vault(
    admin_session: Session, vault_dir: Path, tmp_path: Path, settings: Settings
) -> None:
    admin_session.close()
    target = tmp_path / "vault.backup"
    d = ("--data-dir", str(vault_dir))
    code, out, err = cli(
        *d, "backup", "--out", str(target), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert (code, err) == (0, "") and "Wrote a backup" in out and target.is_file()
    code, out, err = cli(*d, "restore", str(target), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert (code, err) == (0, "")
    assert "Restored the backup" in out and "now in" in out
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings):
        pass
    assert any(p.name.startswith("vault-before-restore-") for p in tmp_path.iterdir())


def test_a_restore_refused_is_one_line_and_moves_nothing(
    admin_session: Session, vault_dir: Path, tmp_path: Path
) -> None:
    admin_session.close()
    d = ("--data-dir", str(vault_dir))
    code, _, err = cli(
        *d, "restore", str(tmp_path / "none.backup"), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 1 and "does not exist" in err and err.count("\n") == 1
    target = tmp_path / "vault.backup"
    cli(*d, "backup", "--out", str(target), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    with InstanceLock(vault_dir):  # the window is open on it
        code, _, err = cli(*d, "restore", str(target), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert code == 1 and "already open" in err
    assert sorted(p.name for p in tmp_path.iterdir() if "before-restore" in p.name) == []


def test_a_restore_into_a_folder_left_with_only_failed_logins(
    admin_session: Session, tmp_path: Path, settings: Settings
) -> None:
    target = tmp_path / "vault.backup"
    code, _, _ = cli(
        "--data-dir",
        str(admin_session.paths.data_dir),
        "backup",
        "--out",
        str(target),
        "--as",
        ADMIN,
        stdin=lines(ADMIN_PASSWORD),
    )
    assert code == 0
    place = tmp_path / "fresh"
    place.mkdir()
    (place / "login-failures.json").write_text("{}", encoding="utf-8")
    code, _, err = cli(
        "--data-dir", str(place), "restore", str(target), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert (code, err) == (0, "")
