"""Translated messages for the core's errors.

The core speaks English (for the command line); the window shows the text below,
chosen by the error's class and filled with its parameters.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from counselor_app.errors import (
    AuthenticationFailed,
    CounselorError,
    InvalidInput,
    KeySlotsDamaged,
    LastAdmin,
    LoginDelayed,
    NewerVault,
    PasswordTooShort,
    PermissionDenied,
    RecordFromWorkstation,
    RecordHeld,
    RecordInvalid,
    RecordLocked,
    RecordNotFound,
    RetentionPaused,
    SelfRemoval,
    UnknownUser,
    UserExists,
    VaultDamaged,
    VaultExists,
    VaultMissing,
)
from counselor_app.exchange.transfer import ImportFileChanged, ImportRejected
from counselor_app.periods import FIRST_REPORT_DAY, LAST_REPORT_DAY
from counselor_app.roles import Permission
from counselor_app.vault.backup import UpgradeBackupFailed
from counselor_app.vault.database import DatabaseError
from counselor_app.vault.keying import RekeyUnfinished
from counselor_app.vault.validation import MAX_USERNAME
from ui.bundles.messages import describe_bundle_error
from ui.roles import role_name

# What an operation may raise that a person should be told about, not shown a traceback.
FAILURES: tuple[type[Exception], ...] = (CounselorError, OSError, DatabaseError)


def _action(permission: Permission) -> str:
    if permission is Permission.MANAGE_USERS:
        return QCoreApplication.translate("Errors", "manage user accounts")
    if permission is Permission.LOG_CALLS:
        return QCoreApplication.translate("Errors", "log calls")
    if permission is Permission.ALL_RECORDS:
        return QCoreApplication.translate("Errors", "see and change every counselor's records")
    if permission is Permission.DELETE_RECORDS:
        return QCoreApplication.translate("Errors", "delete records")
    if permission is Permission.VIEW_AUDIT:
        return QCoreApplication.translate("Errors", "view and export the audit trail")
    if permission is Permission.LEGAL_HOLD:
        return QCoreApplication.translate("Errors", "put records on legal hold or lift a hold")
    if permission is Permission.PURGE:
        return QCoreApplication.translate(
            "Errors", "purge notes and records past their retention period"
        )
    if permission is Permission.SEND_BUNDLES:
        return QCoreApplication.translate("Errors", "send records to the organisation")
    if permission is Permission.IMPORT_BUNDLES:
        return QCoreApplication.translate(
            "Errors", "import the workstations' bundles and accept workstations"
        )
    return QCoreApplication.translate("Errors", "verify the vault")


def _permission_denied(exc: PermissionDenied) -> str:
    return QCoreApplication.translate(
        "Errors", "Your role ({role}) does not allow you to {action}."
    ).format(role=role_name(exc.role), action=_action(exc.permission))


def _invalid_input(exc: InvalidInput) -> str:
    if exc.reason == "username_empty":
        return QCoreApplication.translate("Errors", "Enter a user name.")
    if exc.reason == "username_too_long":
        return QCoreApplication.translate(
            "Errors", "The user name is too long (at most {maximum} characters)."
        ).format(maximum=MAX_USERNAME)
    if exc.reason == "username_characters":
        return QCoreApplication.translate(
            "Errors", "The user name contains a control character or an unusual space."
        )
    if exc.reason == "unknown_role":
        return QCoreApplication.translate("Errors", "This role does not exist.")
    if exc.reason == "passwords_differ":
        return QCoreApplication.translate("Errors", "The two passwords differ.")
    if exc.reason == "reason_missing":
        return QCoreApplication.translate("Errors", "Give a reason.")
    if exc.reason == "reason_too_long":
        return QCoreApplication.translate("Errors", "The reason is too long.")
    if exc.reason == "period_out_of_range":
        return QCoreApplication.translate(
            "Errors", "A report covers days from {first} to {last}. Choose dates within them."
        ).format(first=FIRST_REPORT_DAY.isoformat(), last=LAST_REPORT_DAY.isoformat())
    return QCoreApplication.translate("Errors", "This entry is not accepted ({detail}).").format(
        detail=str(exc)
    )


def describe(exc: CounselorError) -> str:
    """A translated sentence telling the user what happened and what to do."""
    bundle_message = describe_bundle_error(exc)
    if bundle_message is not None:
        return bundle_message
    if isinstance(exc, AuthenticationFailed):
        return QCoreApplication.translate("Errors", "Unknown user name or wrong password.")
    if isinstance(exc, LoginDelayed):
        return QCoreApplication.translate(
            "Errors",
            "Too many failed logins with this user name. Try again in {seconds} s.",
        ).format(seconds=exc.seconds)
    if isinstance(exc, PermissionDenied):
        return _permission_denied(exc)
    if isinstance(exc, VaultMissing):
        return QCoreApplication.translate(
            "Errors",
            "There is no vault in {folder}. Restore it from a backup, "
            "or start the program again to create a new one.",
        ).format(folder=exc.data_dir)
    if isinstance(exc, VaultExists):
        return QCoreApplication.translate(
            "Errors", "A vault already exists in {folder}; it was left untouched."
        ).format(folder=exc.data_dir)
    if isinstance(exc, VaultDamaged):
        return QCoreApplication.translate(
            "Errors",
            "The vault file {path} is damaged or cannot be read ({detail}). "
            "It has not been changed. Restore it from a backup, or ask your administrator.",
        ).format(path=exc.path, detail=exc.detail)
    if isinstance(exc, KeySlotsDamaged):
        return QCoreApplication.translate(
            "Errors",
            "The key file {path} is damaged or cannot be read ({detail}). "
            "It has not been changed. Restore it from a backup, or ask your administrator.",
        ).format(path=exc.path, detail=exc.detail)
    if isinstance(exc, NewerVault):
        return QCoreApplication.translate(
            "Errors",
            "This vault was written by a newer version of counselor-app (format {found}; "
            "this version reads up to format {supported}). Install the newer version to open it.",
        ).format(found=exc.found, supported=exc.supported)
    if isinstance(exc, PasswordTooShort):
        return QCoreApplication.translate(
            "Errors", "The password must have at least {minimum} characters."
        ).format(minimum=exc.minimum)
    if isinstance(exc, InvalidInput):
        return _invalid_input(exc)
    if isinstance(exc, UnknownUser):
        return QCoreApplication.translate("Errors", "There is no user named “{name}”.").format(
            name=exc.username
        )
    if isinstance(exc, UserExists):
        return QCoreApplication.translate("Errors", "A user named “{name}” already exists.").format(
            name=exc.username
        )
    if isinstance(exc, LastAdmin):
        return QCoreApplication.translate(
            "Errors", "The last admin cannot be removed or given another role."
        )
    if isinstance(exc, RecordInvalid):
        return QCoreApplication.translate(
            "Errors", "The record is not complete or not valid: {fields}."
        ).format(fields=", ".join(field for field, _ in exc.issues))
    if isinstance(exc, RecordNotFound):
        return QCoreApplication.translate(
            "Errors", "This record does not exist or is not yours to see."
        )
    if isinstance(exc, RecordLocked):
        return QCoreApplication.translate(
            "Errors",
            "This record can no longer be changed: counselors may change their own records "
            "for {hours} hours. Ask a supervisor.",
        ).format(hours=exc.hours)
    if isinstance(exc, RetentionPaused):
        return QCoreApplication.translate(
            "Errors",
            "The automatic purge did not run: the last call was saved {days} days ago by "
            "this computer's clock. Check the date and time; an admin can run the purge.",
        ).format(days=exc.days)
    if isinstance(exc, RecordFromWorkstation):
        return QCoreApplication.translate(
            "Errors",
            "This record came from workstation {workstation}: it is changed there, and its "
            "next bundle brings the change here.",
        ).format(workstation=exc.workstation)
    if isinstance(exc, RecordHeld):
        if exc.action == "change":
            return QCoreApplication.translate(
                "Errors",
                "This record is on legal hold: a supervisor must lift the hold before it can "
                "be changed.",
            )
        return QCoreApplication.translate(
            "Errors",
            "This record is on legal hold: a supervisor must lift the hold before it can be "
            "deleted.",
        )
    if isinstance(exc, RekeyUnfinished):
        return QCoreApplication.translate(
            "Errors",
            "An earlier change of the vault's key did not finish. Lock the program (Ctrl+L) "
            "and log in again: the login completes it.",
        )
    if isinstance(exc, SelfRemoval):
        return QCoreApplication.translate(
            "Errors", "You cannot remove your own account; ask another admin."
        )
    if isinstance(exc, ImportRejected):
        return QCoreApplication.translate(
            "Errors",
            "The file was not imported: line {line}, {field}: {detail}. Nothing was written "
            "to the vault; correct the file and import it again.",
        ).format(line=exc.line, field=exc.field, detail=exc.detail)
    if isinstance(exc, UpgradeBackupFailed):
        return QCoreApplication.translate(
            "Errors",
            "This version of the program must upgrade the vault, and first makes a backup "
            "of it in {folder}; the backup could not be written ({reason}). Nothing was "
            "changed. Free some space there, or ask IT to set another backup folder, then "
            "log in again.",
        ).format(folder=exc.folder, reason=exc.reason)
    if isinstance(exc, ImportFileChanged):
        return QCoreApplication.translate(
            "Errors",
            "The file changed while it was being imported. Nothing was imported; "
            "import it again once it is complete.",
        )
    return QCoreApplication.translate("Errors", "The operation failed ({detail}).").format(
        detail=exc
    )


def _disk_full(exc: Exception) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return isinstance(exc, DatabaseError) and "full" in str(exc).lower()


def describe_failure(exc: Exception) -> str:
    """Any of the FAILURES: a core refusal, a file problem, or a database that failed."""
    if isinstance(exc, CounselorError):
        return describe(exc)
    if _disk_full(exc):
        return QCoreApplication.translate(
            "Errors",
            "The disk is full: nothing was saved. What you typed is still here; free some "
            "space on the disk (or ask IT to) and try again.",
        )
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "Errors", "A file could not be read or written: {path} ({reason})."
        ).format(path=exc.filename or "?", reason=exc.strerror or exc)
    return QCoreApplication.translate(
        "Errors",
        "The vault database could not be read or written ({detail}). "
        "The operation was not completed. If this happens again, "
        "ask your administrator to restore the vault from a backup.",
    ).format(detail=exc)
