"""How roles are named on screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counselor_app.roles import Role

# The order in which roles are offered in a list.
ORDER = (Role.COUNSELOR, Role.SUPERVISOR, Role.ADMIN)


def role_name(role: Role) -> str:
    """The translated name of ``role``."""
    if role is Role.COUNSELOR:
        return QCoreApplication.translate("Roles", "Counselor")
    if role is Role.SUPERVISOR:
        return QCoreApplication.translate("Roles", "Supervisor")
    return QCoreApplication.translate("Roles", "Admin")
