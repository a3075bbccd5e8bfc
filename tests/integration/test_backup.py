"""Backups: an encrypted copy made by SQLCipher, checked, and restored without losing anything."""

from __future__ import annotations

import json
import os
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from counselor_app import accounts, audit, records
from counselor_app.config import Settings
from counselor_app.errors import AuthenticationFailed, PermissionDenied, RecordNotFound
from counselor_app.roles import Role
from counselor_app.vault import Session, open_vault
from counselor_app.vault.backup import (
    BackupFailed,
    BackupUnreadable,
    automatic_backup,
    automatic_backups,
    make_backup,
    read_manifest,
    restore_backup,
)
from tests.conftest import ADMIN, ADMIN_PASSWORD

MARKER = "Zébulon-Quintessence-4417"
START = datetime(2026, 3, 2, 10, tzinfo=UTC)


def a_call(session: Session, note: str = MARKER) -> str:
    record = records.new_record(
        session,
        started_at=START,
        ended_at=START.replace(minute=20),
        answers={
            "call_kind": "relative",
            "channel": "phone",
            "reason": "information",
            "response": ["listening"],
            "note": note,
        },
    )
    return records.create(session, record).id


def test_a_backup_is_encrypted_checked_and_restores_every_record(
    admin_session: Session, tmp_path: Path, settings: Settings
) -> None:
    ids = [a_call(admin_session) for _ in range(3)]
    target = tmp_path / "backups" / "vault.backup"
    target.parent.mkdir()
    manifest = make_backup(admin_session, target)
    assert manifest.vault_id == admin_session.vault_id
    data = target.read_bytes()
    assert MARKER.encode() not in data and MARKER.encode("utf-16-le") not in data
    assert b"SQLite format 3" not in data  # the database inside is still encrypted
    assert [p.name for p in target.parent.iterdir()] == ["vault.backup"]  # no leftovers
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["keyslots.json", "manifest.json", "vault.db"]
    assert read_manifest(target) == manifest
    backups = [e for e in audit.entries(admin_session.conn) if e.action == "backup"]
    assert len(backups) == 1

    fresh = tmp_path / "elsewhere" / "vault"
    restored = restore_backup(target, fresh, ADMIN, ADMIN_PASSWORD, settings)
    assert restored.moved_aside is None
    with open_vault(fresh, ADMIN, ADMIN_PASSWORD, settings) as session:
        assert [records.get(session, i).note for i in ids] == [MARKER] * 3
        assert audit.first_broken(session.conn) is None
        assert [e.action for e in audit.entries(session.conn)][-1] == "restore"


def test_restoring_over_a_vault_moves_it_aside(
    admin_session: Session, vault_dir: Path, tmp_path: Path, settings: Settings
) -> None:
    kept = a_call(admin_session)
    target = tmp_path / "b.backup"
    make_backup(admin_session, target)
    later = a_call(admin_session, "after the backup")
    admin_session.close()
    restored = restore_backup(target, vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert restored.moved_aside is not None and restored.moved_aside.is_dir()
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        records.get(session, kept)
        with pytest.raises(RecordNotFound):
            records.get(session, later)
    with open_vault(restored.moved_aside, ADMIN, ADMIN_PASSWORD, settings) as session:
        assert records.get(session, later).note == "after the backup"


def test_a_wrong_password_or_a_non_admin_restores_nothing(
    admin_session: Session, tmp_path: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "sam", Role.SUPERVISOR, "supervisor password")
    target = tmp_path / "b.backup"
    make_backup(admin_session, target)
    place = tmp_path / "new"
    with pytest.raises(AuthenticationFailed):
        restore_backup(target, place, ADMIN, "not the password", settings)
    with pytest.raises(PermissionDenied):
        restore_backup(target, place, "sam", "supervisor password", settings)
    assert not place.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_only_admins_make_backups(
    admin_session: Session, tmp_path: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "sam", Role.SUPERVISOR, "supervisor password")
    admin_session.close()
    data_dir = admin_session.paths.data_dir
    with (
        open_vault(data_dir, "sam", "supervisor password", settings) as sam,
        pytest.raises(PermissionDenied),
    ):
        make_backup(sam, tmp_path / "b.backup")
    assert not (tmp_path / "b.backup").exists()


def test_damaged_or_foreign_files_are_refused(tmp_path: Path, settings: Settings) -> None:
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(BackupUnreadable, match="cannot be read"):
        read_manifest(junk)
    other = tmp_path / "other.backup"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "something-else"}))
    with pytest.raises(BackupUnreadable, match="not a counselor-app backup"):
        restore_backup(other, tmp_path / "v", ADMIN, ADMIN_PASSWORD, settings)
    with pytest.raises(BackupUnreadable, match="does not exist"):
        read_manifest(tmp_path / "missing.backup")


def test_a_folder_of_other_files_is_not_overwritten(
    admin_session: Session, tmp_path: Path, settings: Settings
) -> None:
    target = tmp_path / "b.backup"
    make_backup(admin_session, target)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "letter.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(BackupFailed, match="not a vault"):
        restore_backup(target, busy, ADMIN, ADMIN_PASSWORD, settings)
    assert (busy / "letter.txt").read_text(encoding="utf-8") == "keep me"


def test_a_missing_folder_is_a_clear_message(admin_session: Session, tmp_path: Path) -> None:
    with pytest.raises(BackupFailed, match="does not exist"):
        make_backup(admin_session, tmp_path / "nowhere" / "b.backup")


def test_automatic_backups_at_most_daily_keeping_the_newest(
    admin_session: Session, tmp_path: Path
) -> None:
    folder = tmp_path / "auto"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    made = []
    for day in range(1, 6):
        moment = datetime(2026, 5, day, 18, tzinfo=UTC)
        first = automatic_backup(admin_session, folder, keep=3, now=moment)
        assert first is not None
        os.utime(first, (moment.timestamp(), moment.timestamp()))
        again = automatic_backup(admin_session, folder, keep=3, now=moment + timedelta(hours=2))
        assert again is None  # one a day at most
        made.append(first.name)
    assert [p.name for p in automatic_backups(folder)] == made[-3:]
    assert (folder / "notes.txt").exists()
    assert read_manifest(folder / made[-1]).vault_id == admin_session.vault_id
    kinds = [e.action for e in audit.entries(admin_session.conn)]
    assert kinds.count("backup_automatic") == 5
