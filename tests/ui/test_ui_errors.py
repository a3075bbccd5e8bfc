"""Each core error has its own translated message, with its parameters."""

from __future__ import annotations

import errno
import inspect
from pathlib import Path

import pytest

from counselor_app import errors
from counselor_app.errors import CounselorError
from counselor_app.exchange import transfer
from counselor_app.exchange.jsonl import LineError
from counselor_app.roles import Permission, Role
from counselor_app.vault.database import DatabaseError
from counselor_app.vault.validation import check_username
from ui.errors import FAILURES, describe, describe_failure

FOLDER = Path("/srv/helpline")

SAMPLES: dict[type[CounselorError], tuple[CounselorError, list[str]]] = {
    errors.AuthenticationFailed: (
        errors.AuthenticationFailed(),
        ["Unknown user name or wrong password."],
    ),
    errors.LoginDelayed: (errors.LoginDelayed(16), ["16 s", "failed logins"]),
    errors.PermissionDenied: (
        errors.PermissionDenied(Permission.MANAGE_USERS, Role.COUNSELOR),
        ["Counselor", "manage user accounts"],
    ),
    errors.VaultMissing: (errors.VaultMissing(FOLDER), [str(FOLDER)]),
    errors.VaultExists: (errors.VaultExists(FOLDER), [str(FOLDER)]),
    errors.VaultDamaged: (
        errors.VaultDamaged(FOLDER / "vault.db", "file is not a database"),
        [str(FOLDER / "vault.db"), "file is not a database", "backup"],
    ),
    errors.KeySlotsDamaged: (
        errors.KeySlotsDamaged(FOLDER / "keyslots.json", "it is not valid JSON"),
        [str(FOLDER / "keyslots.json"), "it is not valid JSON", "backup"],
    ),
    errors.NewerVault: (errors.NewerVault(7, 3), ["7", "3", "newer"]),
    errors.InvalidInput: (
        errors.InvalidInput("Something else is wrong.", "other"),
        ["not accepted"],
    ),
    errors.PasswordTooShort: (errors.PasswordTooShort(14), ["14"]),
    errors.UnknownUser: (errors.UnknownUser("zoé"), ["“zoé”"]),
    errors.UserExists: (errors.UserExists("zoé"), ["“zoé”"]),
    errors.LastAdmin: (errors.LastAdmin(), ["last admin"]),
    errors.SelfRemoval: (errors.SelfRemoval(), ["your own account"]),
    errors.RecordInvalid: (
        errors.RecordInvalid([("reason", "required"), ("response", "required")]),
        ["reason, response"],
    ),
    errors.RecordNotFound: (errors.RecordNotFound("7f1c"), ["does not exist"]),
    errors.RecordLocked: (errors.RecordLocked(24), ["24"]),
    errors.RecordHeld: (errors.RecordHeld("r-1"), ["legal hold"]),
    errors.RecordFromWorkstation: (
        errors.RecordFromWorkstation("3f2a-9c01-77be-0d45"),
        ["3f2a-9c01-77be-0d45", "bundle"],
    ),
    errors.RetentionPaused: (errors.RetentionPaused(40), ["40 days"]),
    transfer.ImportRejected: (
        transfer.ImportRejected(
            FOLDER / "calls.jsonl", LineError(17, "call_kind", "'caller' is not an option")
        ),
        ["line 17", "call_kind", "'caller' is not an option", "Nothing was written"],
    ),
    transfer.ImportFileChanged: (
        transfer.ImportFileChanged(FOLDER / "calls.jsonl"),
        ["changed while", "Nothing was imported"],
    ),
}


def test_every_core_error_has_a_sample() -> None:
    defined = {
        cls
        for module in (errors, transfer)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, CounselorError) and cls is not CounselorError
    }
    assert defined == set(SAMPLES)


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda cls: cls.__name__)
def test_english_messages_carry_their_parameters(cls: type[CounselorError]) -> None:
    exc, expected = SAMPLES[cls]
    text = describe(exc)
    for part in expected:
        assert part in text
    if cls is not errors.InvalidInput:
        assert "operation failed" not in text


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda cls: cls.__name__)
def test_french_messages_are_translated(cls: type[CounselorError]) -> None:
    exc, _ = SAMPLES[cls]
    text = describe(exc)
    assert text != str(exc)
    for value in vars(exc).values():
        if isinstance(value, int | Path):
            assert str(value) in text


@pytest.mark.usefixtures("french")
def test_french_examples() -> None:
    assert describe(errors.AuthenticationFailed()) == (
        "Nom d’utilisateur inconnu ou mot de passe incorrect."
    )
    assert describe(errors.PasswordTooShort(12)) == (
        "Le mot de passe doit comporter au moins 12 caractères."
    )
    assert describe(errors.PermissionDenied(Permission.MANAGE_USERS, Role.SUPERVISOR)) == (
        "Votre rôle (Superviseur·e) ne vous permet pas de gérer les comptes."
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("   ", "Enter a user name."),
        ("x" * 65, "The user name is too long (at most 64 characters)."),
        ("tab\there", "The user name contains a control character or an unusual space."),
    ],
)
def test_user_name_refusals_are_recognised(name: str, expected: str) -> None:
    with pytest.raises(errors.InvalidInput) as caught:
        check_username(name)
    assert describe(caught.value) == expected


def test_unknown_role_is_recognised() -> None:
    from counselor_app.roles import parse_role

    with pytest.raises(errors.InvalidInput) as caught:
        parse_role("boss")
    assert describe(caught.value) == "This role does not exist."


def test_file_errors_name_the_file() -> None:
    exc = PermissionError(13, "Permission denied", "/srv/helpline/vault.db")
    assert describe_failure(exc) == (
        "A file could not be read or written: /srv/helpline/vault.db (Permission denied)."
    )


def test_database_failures_are_told_not_raised() -> None:
    exc = DatabaseError("database disk image is malformed")
    assert isinstance(exc, FAILURES)
    text = describe_failure(exc)
    assert "database disk image is malformed" in text
    assert text.startswith("The vault database could not be read or written")


def test_a_full_disk_is_told_in_plain_words() -> None:
    for exc in (
        DatabaseError("database or disk is full"),
        OSError(errno.ENOSPC, "No space left on device", "/srv/vault.backup"),
    ):
        assert describe_failure(exc).startswith("The disk is full: nothing was saved.")


def test_core_errors_go_through_describe() -> None:
    assert describe_failure(errors.LastAdmin()) == describe(errors.LastAdmin())


def test_an_unfinished_rekey_is_explained() -> None:
    from counselor_app.vault.keying import RekeyUnfinished

    assert "Ctrl+L" in describe(RekeyUnfinished())


def test_every_permission_has_its_own_words() -> None:
    texts = {describe(errors.PermissionDenied(p, Role.COUNSELOR)) for p in Permission}
    assert len(texts) == len(Permission)
