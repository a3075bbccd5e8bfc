"""The Import… and Export… menu actions, offered to supervisors and admins only."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from counselor_app.roles import Permission, Role, allows
from ui.fields import plain
from ui.transfer.export_dialog import ExportDialog
from ui.transfer.import_dialog import ImportDialog
from ui.transfer.worker import SessionFactory


class TransferActions(QObject):
    """Two actions for a menu; each opens its dialog over ``window``.

    Re-emits ``imported(ImportResult)`` (refresh the call list) and ``exported(count)``.
    """

    imported = Signal(object)
    exported = Signal(int)

    def __init__(self, role: Role, open_session: SessionFactory, window: QWidget) -> None:
        super().__init__(window)
        self._open_session = open_session
        self._window = window
        self.import_action = self._action(self.tr("&Import records…"), "import_records")
        self.import_action.triggered.connect(self.show_import)
        self.export_action = self._action(self.tr("&Export records…"), "export_records")
        self.export_action.triggered.connect(self.show_export)
        self.set_role(role)

    def _action(self, text: str, name: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setToolTip(plain(text))
        return action

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action]

    def set_role(self, role: Role) -> None:
        """Shown and enabled for those who see every record (after a role change too)."""
        allowed = allows(role, Permission.ALL_RECORDS)
        for action in self.actions():
            action.setVisible(allowed)
            action.setEnabled(allowed)

    def show_import(self) -> ImportDialog:
        dialog = ImportDialog(self._open_session, self._window)
        dialog.imported.connect(self.imported)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_export(self) -> ExportDialog:
        dialog = ExportDialog(self._open_session, self._window)
        dialog.exported.connect(self.exported)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
