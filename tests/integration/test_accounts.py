"""Accounts and roles, checked in the core whatever the interface."""

from __future__ import annotations

import errno
import secrets
import shutil
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from counselor_app import accounts
from counselor_app.config import Settings
from counselor_app.errors import (
    AuthenticationFailed,
    InvalidInput,
    KeySlotsDamaged,
    LastAdmin,
    PasswordTooShort,
    PermissionDenied,
    SelfRemoval,
    UnknownUser,
    UserExists,
    VaultDamaged,
)
from counselor_app.roles import Role
from counselor_app.vault import Session, database, keying, open_vault, slotfile
from counselor_app.vault.database import integrity_problems
from counselor_app.vault.kdf import KdfParams
from counselor_app.vault.keyslots import (
    new_slot,
    open_sealed_key,
    seal_data_key,
    unlock_private_key,
)
from tests.conftest import ADMIN, ADMIN_PASSWORD

BOB_PASSWORD = "bob's long password"


def names(session: Session) -> list[tuple[str, str]]:
    return [(u.username, u.role.value) for u in accounts.list_users(session)]


def test_add_and_list(admin_session: Session, vault_dir: Path, settings: Settings) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    accounts.add_user(admin_session, "Chloé", Role.SUPERVISOR, "chloé's password")
    assert names(admin_session) == [
        ("alice", "admin"),
        ("bob", "counselor"),
        ("Chloé", "supervisor"),
    ]
    with open_vault(vault_dir, "chloé", "chloé's password", settings) as chloe:
        assert chloe.user.role is Role.SUPERVISOR


def test_duplicate_names_and_bad_input_are_refused(admin_session: Session) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    with pytest.raises(UserExists):
        accounts.add_user(admin_session, "BOB", Role.COUNSELOR, BOB_PASSWORD)
    with pytest.raises(PasswordTooShort):
        accounts.add_user(admin_session, "carol", Role.COUNSELOR, "123456789")
    with pytest.raises(InvalidInput):
        accounts.add_user(admin_session, "  ", Role.COUNSELOR, BOB_PASSWORD)
    with pytest.raises(InvalidInput):
        accounts.add_user(admin_session, "tab\tname", Role.COUNSELOR, BOB_PASSWORD)
    assert names(admin_session) == [("alice", "admin"), ("bob", "counselor")]


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.SUPERVISOR])
def test_only_admins_manage_users(
    admin_session: Session, vault_dir: Path, settings: Settings, role: Role
) -> None:
    accounts.add_user(admin_session, "bob", role, BOB_PASSWORD)
    accounts.add_user(admin_session, "dan", Role.COUNSELOR, "dan's long password")
    with open_vault(vault_dir, "bob", BOB_PASSWORD, settings) as bob:
        for attempt in (
            lambda: accounts.list_users(bob),
            lambda: accounts.add_user(bob, "eve", Role.ADMIN, "eve's long password"),
            lambda: accounts.reset_password(bob, "dan", "new long password"),
            lambda: accounts.set_role(bob, "bob", Role.ADMIN),
            lambda: accounts.remove_user(bob, "dan"),
        ):
            with pytest.raises(PermissionDenied):
                attempt()
    assert names(admin_session) == [("alice", "admin"), ("bob", role.value), ("dan", "counselor")]


def test_change_own_password(admin_session: Session, vault_dir: Path, settings: Settings) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    with open_vault(vault_dir, "bob", BOB_PASSWORD, settings) as bob:
        with pytest.raises(AuthenticationFailed):
            accounts.change_password(bob, "not my password", "a brand new password")
        accounts.change_password(bob, BOB_PASSWORD, "a brand new password")
    with pytest.raises(AuthenticationFailed):
        open_vault(vault_dir, "bob", BOB_PASSWORD, settings)
    open_vault(vault_dir, "bob", "a brand new password", settings).close()
    # Nobody else's slot changed: alice still opens.
    open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings).close()


def test_admin_resets_a_password(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    accounts.reset_password(admin_session, "bob", "reset by the admin")
    with pytest.raises(AuthenticationFailed):
        open_vault(vault_dir, "bob", BOB_PASSWORD, settings)
    open_vault(vault_dir, "bob", "reset by the admin", settings).close()
    with pytest.raises(UnknownUser):
        accounts.reset_password(admin_session, "nobody", "reset by the admin")


def test_change_role_and_last_admin(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    with pytest.raises(LastAdmin):
        accounts.set_role(admin_session, ADMIN, Role.SUPERVISOR)
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    accounts.set_role(admin_session, "bob", Role.ADMIN)
    with open_vault(vault_dir, "bob", BOB_PASSWORD, settings) as bob:
        assert bob.user.role is Role.ADMIN
    accounts.set_role(admin_session, ADMIN, Role.SUPERVISOR)
    assert admin_session.user.role is Role.SUPERVISOR
    with pytest.raises(PermissionDenied):
        accounts.list_users(admin_session)


def test_last_admin_cannot_be_removed(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "bob", Role.ADMIN, BOB_PASSWORD)
    with open_vault(vault_dir, "bob", BOB_PASSWORD, settings) as bob:
        accounts.remove_user(bob, ADMIN)
        with pytest.raises(SelfRemoval):
            accounts.remove_user(bob, "bob")
        accounts.add_user(bob, "carol", Role.ADMIN, "carol's password")
        accounts.set_role(bob, "carol", Role.COUNSELOR)
        with open_vault(vault_dir, "carol", "carol's password", settings) as carol:
            assert carol.user.role is Role.COUNSELOR
    with pytest.raises(AuthenticationFailed):
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)


def test_last_admin_rule_counts_admins_only(admin_session: Session) -> None:
    accounts.add_user(admin_session, "bob", Role.SUPERVISOR, BOB_PASSWORD)
    # Two users but one admin: alice may not stop being admin.
    with pytest.raises(LastAdmin):
        accounts.set_role(admin_session, ADMIN, Role.COUNSELOR)


def test_removal_rekeys_and_old_slot_file_no_longer_opens(
    admin_session: Session, vault_dir: Path, settings: Settings, tmp_path: Path
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    accounts.add_user(admin_session, "carol", Role.SUPERVISOR, "carol's password")
    old_slots = tmp_path / "old-keyslots.json"
    shutil.copy(vault_dir / "keyslots.json", old_slots)
    old_key = admin_session.data_key
    accounts.remove_user(admin_session, "bob")
    assert admin_session.data_key != old_key
    assert names(admin_session) == [("alice", "admin"), ("carol", "supervisor")]
    admin_session.close()

    with pytest.raises(AuthenticationFailed):
        open_vault(vault_dir, "bob", BOB_PASSWORD, settings)
    # Remaining users open with their unchanged passwords.
    open_vault(vault_dir, "carol", "carol's password", settings).close()
    open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings).close()
    # The old slot file (a copy bob kept) opens nothing any more.
    shutil.copy(old_slots, vault_dir / "keyslots.json")
    for name, password in (("bob", BOB_PASSWORD), (ADMIN, ADMIN_PASSWORD)):
        with pytest.raises(VaultDamaged):
            open_vault(vault_dir, name, password, settings)


class Crash(Exception):
    pass


def crash(*args: object, **kwargs: object) -> None:
    raise Crash


def crash_on_second_call(real: Callable[..., None]) -> Callable[..., None]:
    calls: list[int] = []

    def maybe(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise Crash
        real(*args, **kwargs)

    return maybe


CRASH_POINTS: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    # after the user is marked removed and the next key announced
    "before-slot-file": lambda mp: mp.setattr(keying, "complete_rekey", crash),
    # after the slot file holds the next key as pending
    "before-rekey": lambda mp: mp.setattr(database, "rekey", crash),
    # after the database is rekeyed
    "after-rekey": lambda mp: mp.setattr(keying, "finish_rekey", crash),
    # after the announcement is cleared, before the final slot file
    "before-final-slots": lambda mp: mp.setattr(
        keying, "write_slots", crash_on_second_call(keying.write_slots)
    ),
}


@pytest.mark.parametrize("point", list(CRASH_POINTS))
def test_removal_interrupted_anywhere_is_finished_at_next_open(
    admin_session: Session,
    vault_dir: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    point: str,
) -> None:
    accounts.add_user(admin_session, "bob", Role.ADMIN, BOB_PASSWORD)
    accounts.add_user(admin_session, "carol", Role.COUNSELOR, "carol's password")
    old_slots = tmp_path / "old-keyslots.json"
    shutil.copy(vault_dir / "keyslots.json", old_slots)
    with monkeypatch.context() as patch:
        CRASH_POINTS[point](patch)
        with pytest.raises(Crash):
            accounts.remove_user(admin_session, "bob")
    admin_session.close()
    # bob can no longer open it, whatever the state of the files.
    with pytest.raises((AuthenticationFailed, VaultDamaged)):
        open_vault(vault_dir, "bob", BOB_PASSWORD, settings).close()
    # The next login (here a counselor's) finishes the work.
    with open_vault(vault_dir, "carol", "carol's password", settings) as carol:
        assert keying.pending_digest(carol.conn) is None
        assert integrity_problems(carol.conn) == []
        assert keying.slot_problems(carol.conn, carol.paths) == []
    assert "pending_key" not in (vault_dir / "keyslots.json").read_text()
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as alice:
        assert names(alice) == [("alice", "admin"), ("carol", "counselor")]
        # bob was not left an admin: alice is still the last one.
        with pytest.raises(LastAdmin):
            accounts.set_role(alice, ADMIN, Role.COUNSELOR)
    # The slot file from before the removal opens nothing any more.
    shutil.copy(old_slots, vault_dir / "keyslots.json")
    for name, password in (("bob", BOB_PASSWORD), (ADMIN, ADMIN_PASSWORD)):
        with pytest.raises((AuthenticationFailed, VaultDamaged)):
            open_vault(vault_dir, name, password, settings).close()


def test_integrity_holds_right_after_a_removal(admin_session: Session) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    accounts.remove_user(admin_session, "bob")
    assert integrity_problems(admin_session.conn) == []
    assert keying.slot_problems(admin_session.conn, admin_session.paths) == []


def test_a_planted_next_key_is_ignored(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    admin_session.close()
    path = vault_dir / "keyslots.json"
    slots = slotfile.load(path)
    chosen = secrets.token_bytes(32)
    planted = [
        replace(s, pending_key=seal_data_key(s, slots.vault_id, chosen)) for s in slots.slots
    ]
    slotfile.save(path, slotfile.SlotFile(slots.vault_id, planted))
    open_vault(vault_dir, "bob", BOB_PASSWORD, settings).close()
    with pytest.raises(database.WrongKey):
        database.connect(vault_dir / "vault.db", chosen)
    assert "pending_key" not in path.read_text()


def test_a_slot_added_by_hand_is_never_given_the_key(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    path = vault_dir / "keyslots.json"
    slots = slotfile.load(path)
    intruder = new_slot(
        vault_id=slots.vault_id,
        user_id=str(uuid.uuid4()),
        username="eve",
        password="eve's long password",
        data_key=secrets.token_bytes(32),
        params=KdfParams(iterations=1),
    )
    slotfile.save(path, slotfile.SlotFile(slots.vault_id, [*slots.slots, intruder]))
    problems = keying.slot_problems(admin_session.conn, admin_session.paths)
    assert problems == [f"the key-slot file holds a slot ({intruder.slot_id}) of no current user"]
    accounts.remove_user(admin_session, "bob")
    remaining = slotfile.load(path)
    assert intruder.slot_id not in {s.slot_id for s in remaining.slots}
    with pytest.raises((AuthenticationFailed, VaultDamaged)):
        open_vault(vault_dir, "eve", "eve's long password", settings)


def test_a_copied_slot_of_a_registered_user_under_another_name_fails(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    path = vault_dir / "keyslots.json"
    slots = slotfile.load(path)
    (bob,) = slots.find("bob")
    # The intruder knows bob's password but hopes to log in as the admin.
    forged = replace(bob, username="mallory")
    slotfile.save(path, slotfile.SlotFile(slots.vault_id, [*slots.slots, forged]))
    with pytest.raises(KeySlotsDamaged):
        open_vault(vault_dir, "mallory", BOB_PASSWORD, settings)


def test_removing_an_unknown_user(admin_session: Session) -> None:
    with pytest.raises(UnknownUser):
        accounts.remove_user(admin_session, "nobody")


def test_names_differing_only_in_case_are_one_name(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "Chloé", Role.COUNSELOR, "chloé's password")
    for twin in ("CHLOÉ", "chloé", "Chloe\u0301"):
        with pytest.raises(UserExists):
            accounts.add_user(admin_session, twin, Role.COUNSELOR, "another password")
    open_vault(vault_dir, "CHLOÉ", "chloé's password", settings).close()


def test_a_failed_last_write_after_a_rekey_loses_nothing(
    admin_session: Session, vault_dir: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    accounts.add_user(admin_session, "carol", Role.COUNSELOR, "carol's password")
    real_save = slotfile.save
    saves: list[int] = []

    def full_disk_on_last(*args: Any) -> None:
        saves.append(1)
        if len(saves) == 3:  # pending, then key+key, then the final file
            raise OSError(errno.ENOSPC, "No space left on device")
        real_save(*args)

    with monkeypatch.context() as patch:
        patch.setattr(slotfile, "save", full_disk_on_last)
        with pytest.raises(OSError, match="No space"):
            accounts.remove_user(admin_session, "bob")
    # The session goes on with the key now in force; the next change works.
    accounts.add_user(admin_session, "dina", Role.COUNSELOR, "dina's password!")
    admin_session.close()
    for name, password in (
        (ADMIN, ADMIN_PASSWORD),
        ("carol", "carol's password"),
        ("dina", "dina's password!"),
    ):
        with open_vault(vault_dir, name, password, settings) as session:
            assert integrity_problems(session.conn) == []


def test_an_unfinished_rekey_blocks_slot_writes_until_the_next_login(
    admin_session: Session, vault_dir: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    with monkeypatch.context() as patch:
        patch.setattr(keying, "complete_rekey", crash)
        with pytest.raises(Crash):
            accounts.remove_user(admin_session, "bob")
    with pytest.raises(keying.RekeyUnfinished):
        accounts.add_user(admin_session, "dina", Role.COUNSELOR, "dina's password!")
    admin_session.close()
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as alice:
        accounts.add_user(alice, "dina", Role.COUNSELOR, "dina's password!")
        assert names(alice) == [("alice", "admin"), ("dina", "counselor")]


@pytest.mark.parametrize(("point", "works"), [("before-commit", "old"), ("after-commit", "new")])
def test_a_crash_during_a_password_change_keeps_one_password(
    admin_session: Session,
    vault_dir: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    point: str,
    works: str,
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    new_password = "bob's brand new password"
    with monkeypatch.context() as patch:
        target = "announce_rekey" if point == "before-commit" else "complete_rekey"
        patch.setattr(keying, target, crash)
        with pytest.raises(Crash):
            accounts.reset_password(admin_session, "bob", new_password)
    admin_session.close()
    good, bad = (BOB_PASSWORD, new_password) if works == "old" else (new_password, BOB_PASSWORD)
    with open_vault(vault_dir, "bob", good, settings) as bob:
        assert keying.pending_digest(bob.conn) is None
    with pytest.raises(AuthenticationFailed):
        open_vault(vault_dir, "bob", bad, settings)
    # At most the unused new slot is left over (harmless, reported by verify); the next
    # change of accounts drops it.
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as alice:
        leftovers = keying.slot_problems(alice.conn, alice.paths)
        assert all("of no current user" in p for p in leftovers)
        assert len(leftovers) == (1 if point == "before-commit" else 0)
        accounts.add_user(alice, "dina", Role.COUNSELOR, "dina's password!")
        assert keying.slot_problems(alice.conn, alice.paths) == []


@pytest.mark.parametrize("change", ["reset", "own"])
def test_an_old_slot_file_and_old_password_open_nothing_after_a_change(
    admin_session: Session, vault_dir: Path, settings: Settings, tmp_path: Path, change: str
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    old = slotfile.load(vault_dir / "keyslots.json")
    if change == "reset":
        accounts.reset_password(admin_session, "bob", "bob's brand new password")
    else:
        with open_vault(vault_dir, "bob", BOB_PASSWORD, settings) as bob:
            accounts.change_password(bob, BOB_PASSWORD, "bob's brand new password")
    (slot,) = old.find("bob")
    private = unlock_private_key(slot, old.vault_id, BOB_PASSWORD)
    stale_key = open_sealed_key(slot, old.vault_id, private, slot.data_key)
    admin_session.close()
    with pytest.raises(database.WrongKey):
        database.connect(vault_dir / "vault.db", stale_key)


def test_objects_planted_in_the_database_are_refused(
    admin_session: Session, vault_dir: Path, settings: Settings
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    admin_session.conn.execute(
        "CREATE TRIGGER undo AFTER UPDATE OF removed_at ON users "
        "BEGIN UPDATE users SET removed_at = NULL WHERE id = new.id; END"
    )
    admin_session.close()
    with pytest.raises(VaultDamaged, match="did not make"):
        open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
