"""The File menu's bundle actions, each offered where it belongs.

On a workstation's vault (not a training one): Send records to the organisation…,
for everyone. On the consolidation vault: Workstations…, for supervisors and admins.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from counselor_app.exchange.bundle_export import is_consolidation
from counselor_app.exchange.training import is_training
from counselor_app.roles import Permission, Role, allows
from counselor_app.vault import Session
from ui.bundles.send import SendBundleAction
from ui.bundles.workstations import WorkstationsDialog
from ui.fields import plain


class BundleActions(QObject):
    """``actions()`` for the File menu. Emits ``imported()`` after an import of bundles
    (refresh the call list) and ``message(text)`` for the status bar."""

    imported = Signal()
    message = Signal(str)

    def __init__(self, session: Session, language: str, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._language = language
        self._window = window
        self.consolidation = is_consolidation(session)
        self.workstation = not self.consolidation and not is_training(session.conn)
        self.send = SendBundleAction(session, window, available=self.workstation)
        self.send.message.connect(self.message)
        text = self.tr("&Workstations…")
        self.workstations_action = QAction(text, window)
        self.workstations_action.setObjectName("workstations")
        self.workstations_action.setToolTip(
            self.tr("The workstations this vault accepts bundles from; import their bundles")
        )
        self.workstations_action.setStatusTip(plain(text))
        self.workstations_action.triggered.connect(self.show_workstations)
        self.set_role(session.user.role)

    def actions(self) -> list[QAction]:
        """The actions this kind of vault offers (the others are never shown)."""
        if self.consolidation:
            return [self.workstations_action]
        if self.workstation:
            return [self.send.action]
        return []

    def set_role(self, role: Role) -> None:
        """After a role change too: Workstations… for those who may import bundles."""
        self.send.set_role(role)
        allowed = self.consolidation and allows(role, Permission.IMPORT_BUNDLES)
        self.workstations_action.setVisible(allowed)
        self.workstations_action.setEnabled(allowed)

    def show_workstations(self) -> WorkstationsDialog | None:
        if not self.workstations_action.isEnabled():
            return None
        dialog = WorkstationsDialog(
            self._session, self._session.reopen, self._language, self._window
        )
        dialog.imported.connect(lambda _run: self.imported.emit())
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._window.activateWindow)  # the keyboard goes back to it
        dialog.open()
        return dialog

    def stop(self) -> None:
        """The session is closing: no message about a bundle written meanwhile."""
        self.send.stop()
