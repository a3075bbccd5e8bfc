"""The Reports… action (Ctrl+R), in the File menu and the toolbar, for supervisors and admins."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from counselor_app.roles import Permission, Role, allows
from counselor_app.vault import Session
from ui.fields import plain
from ui.reports.dialog import ReportsDialog

REPORTS_SHORTCUT = QKeySequence("Ctrl+R")


class ReportsAction(QObject):
    """``action`` opens the Reports dialog over ``window``; hidden from counselors."""

    def __init__(self, session: Session, language: str, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._language = language
        self._window = window
        text = self.tr("&Reports…")
        self.action = QAction(text, window)
        self.action.setObjectName("reports")
        self.action.setShortcut(REPORTS_SHORTCUT)
        key = REPORTS_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
        self.action.setIconText(f"{key} {plain(text)}")  # the toolbar shows its key first
        self.action.setToolTip(
            self.tr("Statistics of a period, as PDF or CSV ({key})").format(key=key)
        )
        self.action.triggered.connect(self.show)
        # The toolbar's separator before the button: shown with it.
        self.separator = QAction(window)
        self.separator.setSeparator(True)
        self.set_role(session.user.role)

    def set_role(self, role: Role) -> None:
        """Shown and enabled for those who see every record (after a role change too)."""
        allowed = allows(role, Permission.ALL_RECORDS)
        for action in (self.action, self.separator):
            action.setVisible(allowed)
        self.action.setEnabled(allowed)

    def show(self) -> ReportsDialog | None:
        if not self.action.isEnabled():
            return None
        dialog = ReportsDialog(self._session, self._session.reopen, self._language, self._window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
