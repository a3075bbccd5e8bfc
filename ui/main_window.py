"""The logged-in user's window: menus, a status bar, and (for now) a welcome."""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QMainWindow, QWidget

from counselor_app.roles import Permission, allows
from counselor_app.vault import Session
from ui.password_dialog import ChangePasswordDialog
from ui.roles import role_name
from ui.users_dialog import UsersDialog

TITLE = "counselor-app"
MIN_WIDTH = 800
MIN_HEIGHT = 560
STATUS_TIMEOUT_MS = 10_000
LOCK_KEY = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)
LOCK_SHORTCUT = QKeySequence(LOCK_KEY)
QUIT_SHORTCUT = QKeySequence("Ctrl+Q")


class MainWindow(QMainWindow):
    """Emits ``lock_requested`` (File > Lock) and ``quit_requested`` (Quit, or closing it)."""

    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(TITLE)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._session = session
        self._discarding = False

        self.lock_action = self._action(self.tr("&Lock"), "lock", LOCK_SHORTCUT)
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action = self._action(self.tr("&Quit"), "quit", QUIT_SHORTCUT)
        self.quit_action.triggered.connect(self.quit_requested)
        self.password_action = self._action(self.tr("&Change password…"), "change_password")
        self.password_action.triggered.connect(self.show_change_password)
        self.users_action = self._action(self.tr("&Users…"), "users")
        self.users_action.triggered.connect(self.show_users)

        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.lock_action, self.quit_action])
        self.account_menu = bar.addMenu(self.tr("&Account"))
        self.account_menu.addAction(self.password_action)
        self.admin_menu = bar.addMenu(self.tr("A&dmin"))
        self.admin_menu.addAction(self.users_action)

        self.welcome = QLabel(self)
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.setCentralWidget(self.welcome)

        self.session_label = QLabel(self)
        self.session_label.setObjectName("session_label")
        lock_hint = QLabel(
            self.tr("Lock: {shortcut}").format(
                shortcut=self.lock_action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            ),
            self,
        )
        lock_hint.setObjectName("lock_hint")
        separator = QFrame(self)
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(self.session_label)
        self.statusBar().addPermanentWidget(separator)
        self.statusBar().addPermanentWidget(lock_hint)
        self.refresh_user()

    def _action(self, text: str, name: str, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def refresh_user(self) -> None:
        """Show the session's user and role; the Admin menu only for those allowed."""
        user = self._session.user
        role = role_name(user.role)
        self.session_label.setText(self.tr("{name} · {role}").format(name=user.username, role=role))
        self.session_label.setAccessibleName(
            self.tr("Logged in as {name}, role {role}").format(name=user.username, role=role)
        )
        self.welcome.setText(
            self.tr("Welcome, {name}.\nThe call log will appear here.").format(name=user.username)
        )
        is_admin = allows(user.role, Permission.MANAGE_USERS)
        self.admin_menu.menuAction().setVisible(is_admin)
        self.users_action.setEnabled(is_admin)

    def show_change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self._session, self)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Your password has been changed."), STATUS_TIMEOUT_MS
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_users(self) -> UsersDialog:
        dialog = UsersDialog(self._session, self)
        dialog.own_account_changed.connect(self.refresh_user)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def discard(self) -> None:
        """Close this window and its dialogs without asking to quit (used when locking)."""
        self._discarding = True
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        if not self._discarding:
            self.quit_requested.emit()
