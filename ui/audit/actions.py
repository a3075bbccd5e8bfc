"""The Audit trail… action (Ctrl+T) in the Admin menu, for admins only."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from counselor_app.roles import Permission, Role, allows
from counselor_app.vault import Session
from ui.audit.dialog import AuditDialog

AUDIT_SHORTCUT = QKeySequence("Ctrl+T")


class AuditAction(QObject):
    """``action`` opens the Audit trail dialog over ``window``; hidden from all but admins."""

    def __init__(self, session: Session, language: str, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._language = language
        self._window = window
        self.action = QAction(self.tr("Audit &trail…"), window)
        self.action.setObjectName("audit_trail")
        self.action.setShortcut(AUDIT_SHORTCUT)
        self.action.setToolTip(self.tr("View, filter and export the audit trail"))
        self.action.triggered.connect(self.show)
        self.set_role(session.user.role)

    def set_role(self, role: Role) -> None:
        """Shown and enabled for admins (after a role change too)."""
        allowed = allows(role, Permission.VIEW_AUDIT)
        self.action.setVisible(allowed)
        self.action.setEnabled(allowed)

    def show(self) -> AuditDialog | None:
        if not self.action.isEnabled():
            return None
        dialog = AuditDialog(self._session, self._session.reopen, self._language, self._window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._window.activateWindow)  # the keyboard goes back to it
        dialog.open()
        return dialog
