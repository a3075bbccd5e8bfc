"""Errors the core raises for people to read.

Each error carries an English message for the command line; the window maps the
error class to a translated text (see ``ui/errors.py``). None of them ever holds a
password, a key or caller data.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from counselor_app.roles import Permission, Role


class CounselorError(Exception):
    """An operation was refused or failed in a way a user should be told about."""


class AuthenticationFailed(CounselorError):
    """Wrong user name or password. Deliberately says nothing about which."""

    def __init__(self) -> None:
        super().__init__("Unknown user name or wrong password.")


class LoginDelayed(CounselorError):
    """Too many failed logins in a row under one user name: the next try must wait.

    Refused before the password is looked at; ``seconds`` is the wait left, rounded up.
    """

    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"Too many failed logins under this user name; try again in {seconds} seconds."
        )
        self.seconds = seconds


class PermissionDenied(CounselorError):
    def __init__(self, permission: Permission, role: Role) -> None:
        super().__init__(f"Permission denied: the role '{role.value}' may not {permission.value}.")
        self.permission = permission
        self.role = role


class VaultMissing(CounselorError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"There is no vault in {data_dir}. Create one with 'init'.")
        self.data_dir = data_dir


class VaultExists(CounselorError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"A vault already exists in {data_dir}; it was left untouched.")
        self.data_dir = data_dir


class VaultDamaged(CounselorError):
    """The database file is missing, unreadable or fails its integrity checks."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"The vault database {path} is damaged or unreadable ({detail}). "
            "It was not changed; restore it from a backup."
        )
        self.path = path
        self.detail = detail


class KeySlotsDamaged(CounselorError):
    """The key-slot file is missing, unreadable or not in the expected shape."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"The key-slot file {path} is damaged or unreadable ({detail}). "
            "It was not changed; restore it from a backup."
        )
        self.path = path
        self.detail = detail


class NewerVault(CounselorError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This vault was written by a newer version of counselor-app (format {found}; "
            f"this version reads up to {supported}). Install the newer version to open it."
        )
        self.found = found
        self.supported = supported


class InvalidInput(CounselorError):
    """A name, role or password that does not meet the rules.

    ``reason`` is a stable code (``username_empty``, ``username_too_long``,
    ``username_characters``, ``unknown_role``, ``passwords_differ``,
    ``password_too_short``) for interfaces that word the message themselves.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class PasswordTooShort(InvalidInput):
    def __init__(self, minimum: int) -> None:
        super().__init__(
            f"The password must have at least {minimum} characters.", "password_too_short"
        )
        self.minimum = minimum


class UnknownUser(CounselorError):
    def __init__(self, username: str) -> None:
        super().__init__(f"There is no user named '{username}'.")
        self.username = username


class UserExists(CounselorError):
    def __init__(self, username: str) -> None:
        super().__init__(f"A user named '{username}' already exists.")
        self.username = username


class LastAdmin(CounselorError):
    def __init__(self) -> None:
        super().__init__("The last admin cannot be removed or given another role.")


class SelfRemoval(CounselorError):
    def __init__(self) -> None:
        super().__init__("You cannot remove your own account; ask another admin.")


class RecordInvalid(CounselorError):
    """A record that does not follow its form; ``issues`` name each field."""

    def __init__(self, issues: list[tuple[str, str]]) -> None:
        shown = "; ".join(f"{field}: {message}" for field, message in issues[:5])
        super().__init__(f"The record is not valid ({shown}).")
        self.issues = issues


class RecordNotFound(CounselorError):
    def __init__(self, record_id: str) -> None:
        super().__init__(f"There is no record {record_id}.")
        self.record_id = record_id


class RecordFromWorkstation(CounselorError):
    """A record a bundle brought into a consolidation vault is changed on its workstation."""

    def __init__(self, workstation: str) -> None:
        super().__init__(
            f"This record came from workstation {workstation}: change it there, and its next "
            f"bundle brings the change here."
        )
        self.workstation = workstation


class RecordLocked(CounselorError):
    """A counselor may change her own records for a limited time only."""

    def __init__(self, hours: int) -> None:
        super().__init__(
            f"This record can no longer be changed: counselors may change their own records "
            f"for {hours} hours. Ask a supervisor."
        )
        self.hours = hours


class RecordHeld(CounselorError):
    """A record on legal hold can be neither changed nor deleted until the hold is lifted.

    ``action``: ``delete`` or ``change``, what was refused.
    """

    def __init__(self, record_id: str, action: str = "delete") -> None:
        what = "deleting" if action == "delete" else "changing"
        super().__init__(
            f"The record {record_id} is on legal hold: lift the hold before {what} it."
        )
        self.record_id = record_id
        self.action = action


class RetentionPaused(CounselorError):
    """The day's automatic purge did not run: the clock is far ahead of the last call
    saved, which a clock set wrong would make look old enough to delete."""

    def __init__(self, days: int) -> None:
        super().__init__(
            f"The automatic purge did not run: the last call was saved {days} days ago by "
            "this computer's clock. Check the date and time; an admin can run 'purge'."
        )
        self.days = days
