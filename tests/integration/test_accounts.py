"""Accounts and roles, checked in the core whatever the interface."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from counselor_app import accounts
from counselor_app.config import Settings
from counselor_app.errors import (
    AuthenticationFailed,
    InvalidInput,
    LastAdmin,
    PasswordTooShort,
    PermissionDenied,
    SelfRemoval,
    UnknownUser,
    UserExists,
    VaultDamaged,
)
from counselor_app.roles import Role
from counselor_app.vault import Session, database, open_vault
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


def test_removal_interrupted_after_rekey_is_finished_at_next_open(
    admin_session: Session, vault_dir: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    accounts.add_user(admin_session, "carol", Role.COUNSELOR, "carol's password")

    def crash(*args: object) -> None:
        raise Crash

    monkeypatch.setattr(accounts, "seal_all", crash)
    with pytest.raises(Crash):
        accounts.remove_user(admin_session, "bob")
    admin_session.close()
    monkeypatch.undo()
    # The database has the new key; the slot file still lists it as pending.
    with open_vault(vault_dir, "carol", "carol's password", settings) as carol:
        assert carol.user.username == "carol"
    text = (vault_dir / "keyslots.json").read_text()
    assert "pending_key" not in text
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as alice:
        assert names(alice) == [("alice", "admin"), ("carol", "counselor")]
    with pytest.raises(AuthenticationFailed):
        open_vault(vault_dir, "bob", BOB_PASSWORD, settings)


def test_removal_interrupted_before_rekey_is_finished_at_next_open(
    admin_session: Session,
    vault_dir: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, BOB_PASSWORD)
    old_slots = tmp_path / "old-keyslots.json"
    shutil.copy(vault_dir / "keyslots.json", old_slots)

    def crash(*args: object) -> None:
        raise Crash

    monkeypatch.setattr(database, "rekey", crash)
    with pytest.raises(Crash):
        accounts.remove_user(admin_session, "bob")
    admin_session.close()
    monkeypatch.undo()
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as alice:
        assert names(alice) == [("alice", "admin")]
    # The next open completed the rekey: bob's copy of the old slot file is useless.
    shutil.copy(old_slots, vault_dir / "keyslots.json")
    with pytest.raises(VaultDamaged):
        open_vault(vault_dir, "bob", BOB_PASSWORD, settings)


def test_removing_an_unknown_user(admin_session: Session) -> None:
    with pytest.raises(UnknownUser):
        accounts.remove_user(admin_session, "nobody")
