"""The vault on disk: real SQLCipher and key-slot files in a temporary folder."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

import pytest

from counselor_app.config import Settings
from counselor_app.errors import (
    AuthenticationFailed,
    KeySlotsDamaged,
    NewerVault,
    PasswordTooShort,
    VaultDamaged,
    VaultExists,
    VaultMissing,
)
from counselor_app.roles import Role
from counselor_app.store.migrations import SCHEMA_VERSION
from counselor_app.vault import Session, create_vault, open_vault
from counselor_app.vault.database import integrity_problems
from tests.conftest import ADMIN, ADMIN_PASSWORD


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_new_vault_has_its_admin_and_schema(admin_session: Session) -> None:
    assert admin_session.user.username == ADMIN
    assert admin_session.user.role is Role.ADMIN
    version = admin_session.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    assert admin_session.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert admin_session.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert integrity_problems(admin_session.conn) == []


def test_files_are_encrypted_and_hold_no_key(admin_session: Session, vault_dir: Path) -> None:
    key = admin_session.data_key
    admin_session.close()
    db = (vault_dir / "vault.db").read_bytes()
    assert not db.startswith(b"SQLite format 3")
    assert b"alice" not in db and b"admin" not in db
    slots = (vault_dir / "keyslots.json").read_bytes()
    for form in (key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)):
        assert form not in slots
    assert ADMIN_PASSWORD.encode() not in slots


def test_open_with_the_right_password(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    with open_vault(vault_dir, "ALICE", ADMIN_PASSWORD, settings) as session:
        assert session.user.username == ADMIN


def test_wrong_password_fails_before_the_database_is_touched(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    before = snapshot(vault_dir)
    mtime = (vault_dir / "vault.db").stat().st_mtime_ns
    with pytest.raises(AuthenticationFailed) as wrong:
        open_vault(vault_dir, ADMIN, "not the password", settings)
    with pytest.raises(AuthenticationFailed) as unknown:
        open_vault(vault_dir, "mallory", ADMIN_PASSWORD, settings)
    assert str(wrong.value) == str(unknown.value)
    assert snapshot(vault_dir) == before  # no -wal or -shm file appeared either
    assert (vault_dir / "vault.db").stat().st_mtime_ns == mtime


def test_init_refuses_an_existing_vault(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    before = snapshot(vault_dir)
    with pytest.raises(VaultExists):
        create_vault(vault_dir, "bob", "another password", settings)
    assert snapshot(vault_dir) == before


def test_init_refuses_a_short_password(vault_dir: Path, settings: Settings) -> None:
    with pytest.raises(PasswordTooShort):
        create_vault(vault_dir, ADMIN, "short", settings)
    assert not vault_dir.exists() or not any(vault_dir.iterdir())


def test_minimum_length_is_a_setting(vault_dir: Path) -> None:
    strict = Settings(min_password_length=40)
    with pytest.raises(PasswordTooShort) as error:
        create_vault(vault_dir, ADMIN, ADMIN_PASSWORD, strict)
    assert error.value.minimum == 40


def test_missing_vault(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(VaultMissing):
        open_vault(tmp_path / "nowhere", ADMIN, ADMIN_PASSWORD, settings)
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b'{"format": "counselor-app-keyslots", "version": 1}',
        b"\xff\xfe garbage",
    ],
)
def test_damaged_key_slot_file_is_reported_and_kept(
    admin_session: Session, vault_dir: Path, settings: Settings, damage: bytes
) -> None:
    admin_session.close()
    (vault_dir / "keyslots.json").write_bytes(damage)
    before = snapshot(vault_dir)
    with pytest.raises(KeySlotsDamaged):
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert snapshot(vault_dir) == before


def test_missing_key_slot_file_is_reported(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    (vault_dir / "keyslots.json").unlink()
    before = snapshot(vault_dir)
    with pytest.raises(KeySlotsDamaged, match="missing"):
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert snapshot(vault_dir) == before
    with pytest.raises(VaultExists):
        create_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert snapshot(vault_dir) == before


def test_missing_database_is_reported_not_recreated(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    (vault_dir / "vault.db").unlink()
    with pytest.raises(VaultDamaged, match="missing"):
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert not (vault_dir / "vault.db").exists()


def test_truncated_database_is_reported_and_kept(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    db = vault_dir / "vault.db"
    db.write_bytes(db.read_bytes()[:1000])
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamaged):
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert snapshot(vault_dir) == before


def test_first_page_damage_is_reported_and_kept(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    data[100] ^= 0xFF
    db.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamaged):
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert snapshot(vault_dir) == before


def test_slot_file_from_another_vault_is_refused(tmp_path: Path, settings: Settings) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    create_vault(a, ADMIN, ADMIN_PASSWORD, settings).close()
    create_vault(b, ADMIN, ADMIN_PASSWORD, settings).close()
    (a / "keyslots.json").write_bytes((b / "keyslots.json").read_bytes())
    with pytest.raises(VaultDamaged):
        open_vault(a, ADMIN, ADMIN_PASSWORD, settings)


def test_slot_copied_onto_another_user_fails(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    from counselor_app import accounts

    accounts.add_user(admin_session, "bob", Role.COUNSELOR, "bob's password")
    admin_session.close()
    path = vault_dir / "keyslots.json"
    data = json.loads(path.read_text())
    alice = next(s for s in data["slots"] if s["username"] == "alice")
    bob = next(s for s in data["slots"] if s["username"] == "bob")
    # Alice's slot under bob's user id (and a slot id of its own, as a forger would).
    forged = dict(alice, user_id=bob["user_id"], username="bob", slot_id=str(uuid.uuid4()))
    data["slots"] = [alice, forged]
    path.write_text(json.dumps(data))
    with pytest.raises(AuthenticationFailed):
        open_vault(vault_dir, "bob", ADMIN_PASSWORD, settings)
    # Alice's own slot still opens.
    open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings).close()
    # The very same slot twice (same slot id) is refused as damage.
    data["slots"] = [alice, dict(alice, user_id=bob["user_id"], username="bob")]
    path.write_text(json.dumps(data))
    with pytest.raises(KeySlotsDamaged):
        open_vault(vault_dir, "bob", ADMIN_PASSWORD, settings)


def test_a_vault_from_a_newer_version_is_refused_untouched(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    admin_session.close()
    before = snapshot(vault_dir)
    with pytest.raises(NewerVault) as error:
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert "newer version" in str(error.value)
    assert snapshot(vault_dir) == before


def test_closed_session_drops_the_key(admin_session: Session) -> None:
    admin_session.close()
    assert admin_session.closed
    with pytest.raises(RuntimeError):
        _ = admin_session.data_key


def test_files_are_private_to_their_owner(admin_session: Session, vault_dir: Path) -> None:
    admin_session.close()
    for name in ("vault.db", "keyslots.json"):
        assert (vault_dir / name).stat().st_mode & 0o077 == 0, name
    assert vault_dir.stat().st_mode & 0o077 == 0


def test_an_empty_database_file_is_reported_not_rewritten(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    admin_session.close()
    (vault_dir / "vault.db").write_bytes(b"")
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamaged, match="empty or truncated"):
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    assert snapshot(vault_dir) == before


def test_a_failure_during_creation_leaves_nothing_behind(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counselor_app.vault import slotfile

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(slotfile, "save", full_disk)
    with pytest.raises(OSError, match="No space"):
        create_vault(tmp_path / "v", ADMIN, ADMIN_PASSWORD, settings)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.undo()
    create_vault(tmp_path / "v", ADMIN, ADMIN_PASSWORD, settings).close()
    assert sorted(p.name for p in (tmp_path / "v").iterdir()) == ["keyslots.json", "vault.db"]


def test_creation_in_an_empty_or_a_used_folder(tmp_path: Path, settings: Settings) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    create_vault(empty, ADMIN, ADMIN_PASSWORD, settings).close()
    used = tmp_path / "used"
    used.mkdir()
    (used / "README.txt").write_text("IT notes")
    create_vault(used, ADMIN, ADMIN_PASSWORD, settings).close()
    assert sorted(p.name for p in used.iterdir()) == ["README.txt", "keyslots.json", "vault.db"]
    open_vault(used, ADMIN, ADMIN_PASSWORD, settings).close()


def test_reopen_gives_another_connection_as_the_same_user(admin_session: Session) -> None:
    import threading

    seen: list[object] = []

    def work() -> None:
        with admin_session.reopen() as other:
            seen.append((other.user, other.conn is admin_session.conn))
            seen.append(other.conn.execute("SELECT count(*) FROM users").fetchone()[0])

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [(admin_session.user, False), 1]
    assert not admin_session.closed
