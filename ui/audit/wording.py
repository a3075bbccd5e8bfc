"""How the audit trail's actions, outcomes, times and refusals are worded on screen.

The trail stores short English names (``record_created``); the window shows the
known ones in words, and any other name as it is.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from counselor_app.errors import PermissionDenied
from counselor_app.roles import Permission
from ui.errors import describe_failure
from ui.roles import role_name

TIME_FORMAT = "yyyy-MM-dd HH:mm:ss"


def action_names() -> dict[str, str]:
    """The known actions in words, in the language of the window."""
    return {
        "login": QCoreApplication.translate("AuditWording", "Logged in"),
        "login_failed": QCoreApplication.translate("AuditWording", "Login failed"),
        "lock": QCoreApplication.translate("AuditWording", "Locked"),
        "unlock": QCoreApplication.translate("AuditWording", "Unlocked"),
        "record_created": QCoreApplication.translate("AuditWording", "Record created"),
        "record_edited": QCoreApplication.translate("AuditWording", "Record edited"),
        "record_deleted": QCoreApplication.translate("AuditWording", "Record deleted"),
        "hold_placed": QCoreApplication.translate("AuditWording", "Legal hold placed"),
        "hold_lifted": QCoreApplication.translate("AuditWording", "Legal hold lifted"),
        "import": QCoreApplication.translate("AuditWording", "Records imported"),
        "export": QCoreApplication.translate("AuditWording", "Records exported"),
        "purge": QCoreApplication.translate("AuditWording", "Records purged"),
        "report": QCoreApplication.translate("AuditWording", "Report made"),
        "report_saved": QCoreApplication.translate("AuditWording", "Report saved"),
        "user_added": QCoreApplication.translate("AuditWording", "Account added"),
        "user_removed": QCoreApplication.translate("AuditWording", "Account removed"),
        "role_changed": QCoreApplication.translate("AuditWording", "Role changed"),
        "password_reset": QCoreApplication.translate("AuditWording", "Password reset"),
        "password_changed": QCoreApplication.translate("AuditWording", "Password changed"),
        "backup": QCoreApplication.translate("AuditWording", "Backup made"),
        "backup_automatic": QCoreApplication.translate("AuditWording", "Automatic backup made"),
        "restore": QCoreApplication.translate("AuditWording", "Vault restored"),
        "upgrade": QCoreApplication.translate("AuditWording", "Vault upgraded"),
        "bundle_export": QCoreApplication.translate("AuditWording", "Bundle sent"),
        "bundle_import": QCoreApplication.translate("AuditWording", "Bundle imported"),
        "workstation_accepted": QCoreApplication.translate("AuditWording", "Workstation accepted"),
        "consolidation_init": QCoreApplication.translate(
            "AuditWording", "Consolidation vault created"
        ),
        "audit_exported": QCoreApplication.translate("AuditWording", "Audit trail exported"),
    }


def action_name(action: str, names: dict[str, str] | None = None) -> str:
    """``action`` in words when it is known, else as it is."""
    return (names if names is not None else action_names()).get(action, action)


def outcome_name(outcome: str) -> str:
    """``ok``, ``failed`` and ``refused`` in words; any other outcome as it is."""
    words = {
        "ok": QCoreApplication.translate("AuditWording", "Succeeded"),
        "failed": QCoreApplication.translate("AuditWording", "Failed"),
        "refused": QCoreApplication.translate("AuditWording", "Refused"),
    }
    return words.get(outcome, outcome)


def local_time(moment: datetime | None, stored: str) -> str:
    """A moment in local time to the second (``2026-03-10 23:30:05``); else as stored."""
    if moment is None:
        return stored
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return local.toString(TIME_FORMAT)


def spoken_time(moment: datetime | None, stored: str, locale: QLocale) -> str:
    """The full local date and time, for screen readers and tooltips."""
    if moment is None:
        return stored
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QCoreApplication.translate("AuditWording", "{date} at {time}").format(
        date=locale.toString(local.date(), QLocale.FormatType.LongFormat),
        time=local.time().toString("HH:mm:ss"),
    )


def describe(exc: Exception) -> str:
    """The window's message for one of the FAILURES, this dialog's permission included."""
    if isinstance(exc, PermissionDenied) and exc.permission is Permission.VIEW_AUDIT:
        return QCoreApplication.translate(
            "AuditWording", "Your role ({role}) does not allow you to view the audit trail."
        ).format(role=role_name(exc.role))
    return describe_failure(exc)
