"""The logged-in user's window: menus, the call keys, the call area and a status bar."""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from counselor_app.drafts import Draft
from counselor_app.exchange.training import is_training
from counselor_app.roles import Permission, allows
from counselor_app.vault import Session
from ui import confirm, i18n
from ui.about_dialog import AboutDialog
from ui.audit.actions import AuditAction
from ui.bundles.actions import BundleActions
from ui.call_list.view import CallListView
from ui.intake.area import IntakeArea
from ui.password_dialog import ChangePasswordDialog
from ui.reports.actions import ReportsAction
from ui.roles import role_name
from ui.transfer.actions import TransferActions
from ui.transfer.worker import stop_all
from ui.users_dialog import UsersDialog

TITLE = "counselor-app"
MIN_WIDTH = 800
MIN_HEIGHT = 560
STATUS_TIMEOUT_MS = 10_000
LOCK_KEY = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)
LOCK_SHORTCUT = QKeySequence(LOCK_KEY)
QUIT_SHORTCUT = QKeySequence("Ctrl+Q")
NEW_CALL_SHORTCUT = QKeySequence("Ctrl+N")
ABOUT_SHORTCUT = QKeySequence(Qt.Key.Key_F1)
# The non-substantive call kinds, each logged with one key.
QUICK_CALLS = (
    ("silent", Qt.Key.Key_F5),
    ("hangup", Qt.Key.Key_F6),
    ("wrong_number", Qt.Key.Key_F7),
    ("abusive", Qt.Key.Key_F8),
    ("test", Qt.Key.Key_F9),
)


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
        self.quit_action.triggered.connect(self.request_quit)
        self.password_action = self._action(self.tr("&Change password…"), "change_password")
        self.password_action.triggered.connect(self.show_change_password)
        self.users_action = self._action(self.tr("&Users…"), "users")
        self.users_action.triggered.connect(self.show_users)
        self.about_action = self._action(
            self.tr("&About {name}…").format(name=TITLE), "about", ABOUT_SHORTCUT
        )
        self.about_action.triggered.connect(self.show_about)

        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.lock_action, self.quit_action])
        self.account_menu = bar.addMenu(self.tr("&Account"))
        self.account_menu.addAction(self.password_action)
        self.admin_menu = bar.addMenu(self.tr("A&dmin"))
        self.admin_menu.addAction(self.users_action)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

        self.welcome = QLabel(self)
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        # Holds the focus while no call is open, so the window always has one.
        self.welcome.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        language = i18n.choose_language(session.settings.language)
        self.intake_area = IntakeArea(session, language, self.welcome, self)
        self.intake_area.message.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)
        )
        central = QWidget(self)
        central.setObjectName("central")
        # The open call (or the welcome) on top, the list of calls below it.
        self.call_list = CallListView(session, language, parent=central)
        self.call_list.edit_requested.connect(self.intake_area.edit_record)
        self.intake_area.message.connect(lambda _text: self.call_list.refresh())
        self.splitter = QSplitter(Qt.Orientation.Vertical, central)
        self.splitter.setObjectName("call_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.intake_area)
        self.splitter.addWidget(self.call_list)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        # The open call gets most of the height; the list keeps a few rows in view.
        self.splitter.setSizes([3000, 1000])
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(4, 0, 4, 0)
        self.central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # Import and export run in a thread of their own, on a connection of their own.
        self.transfer = TransferActions(session.user.role, session.reopen, self)
        self.transfer.imported.connect(lambda _result: self.call_list.refresh())
        # Record bundles: a workstation sends them, the consolidation vault imports them.
        self.bundles = BundleActions(session, language, self)
        self.bundles.imported.connect(self.call_list.refresh)
        self.bundles.message.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)
        )
        self.file_menu.insertActions(
            self.lock_action, [*self.transfer.actions(), *self.bundles.actions()]
        )
        if self.transfer.actions():
            self.file_menu.insertSeparator(self.lock_action)
        # Reports (Ctrl+R): statistics of a period, made in a thread of their own too.
        self.reports = ReportsAction(session, language, self)
        self.file_menu.insertAction(self.file_menu.actions()[0], self.reports.action)
        # The audit trail (Ctrl+T), for admins.
        self.audit = AuditAction(session, language, self)
        self.admin_menu.addAction(self.audit.action)
        if is_training(session.conn):
            self.setWindowTitle(self.tr("{title} — training vault").format(title=TITLE))
        self.toolbar = self._call_keys()
        self.toolbar.addActions([self.reports.separator, self.reports.action])
        self.welcome.setFocus()

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

    def _call_keys(self) -> QToolBar:
        """The toolbar: a new call, and one key for each non-substantive kind of call."""
        bar = QToolBar(self.tr("Calls"), self)
        bar.setObjectName("calls_toolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.new_call_action = self._key_action(self.tr("New call"), "new_call", NEW_CALL_SHORTCUT)
        self.new_call_action.triggered.connect(self.intake_area.new_call)
        bar.addAction(self.new_call_action)
        bar.addSeparator()
        names = {
            "silent": self.tr("Silent"),
            "hangup": self.tr("Hung up"),
            "wrong_number": self.tr("Wrong no."),
            "abusive": self.tr("Abusive"),
            "test": self.tr("Test"),
        }
        self.quick_actions: dict[str, QAction] = {}
        for kind, key in QUICK_CALLS:
            action = self._key_action(names[kind], f"log_{kind}", QKeySequence(key))
            action.setToolTip(
                self.tr("Log a call: {kind}").format(kind=self.intake_area.kind_label(kind))
            )
            action.triggered.connect(lambda _checked=False, k=kind: self.intake_area.quick_call(k))
            bar.addAction(action)
            self.quick_actions[kind] = action
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def _key_action(self, text: str, name: str, shortcut: QKeySequence) -> QAction:
        """An action whose button shows its key first: ``F5 Silent``."""
        key = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        action = self._action(f"{key} {text}", name, shortcut)
        action.setIconText(f"{key} {text}")
        return action

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
            self.tr("Welcome, {name}.\nPress Ctrl+N for a new call.").format(name=user.username)
        )
        is_admin = allows(user.role, Permission.MANAGE_USERS)
        self.admin_menu.menuAction().setVisible(is_admin)
        self.users_action.setEnabled(is_admin)
        self.transfer.set_role(user.role)
        self.bundles.set_role(user.role)
        self.reports.set_role(user.role)
        self.audit.set_role(user.role)

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

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self._session, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self.activateWindow)  # the keyboard goes back to the window
        dialog.open()
        return dialog

    def offer_draft(self, draft: Draft) -> None:
        """After login: offer back a call that was not saved (see the controller)."""
        self.intake_area.offer_draft(draft)

    def before_session_closes(self) -> None:
        """Called by the controller before it closes the session: keep the open call."""
        self.bundles.stop()
        stop_all()
        self.intake_area.keep_draft()

    def request_quit(self) -> None:
        """Quit, after asking if a call is open (it is kept as a draft)."""
        if self.intake_area.has_open_call():
            focus = QApplication.focusWidget()
            asked = confirm.ask(
                self,
                self.tr("Quit"),
                self.tr(
                    "A call is still open. It will be kept as a draft and offered back "
                    "at your next login. Quit now?"
                ),
                self.tr("&Quit"),
            )
            if not asked:
                self.activateWindow()
                if focus is not None:
                    focus.setFocus()
                return
        self.quit_requested.emit()

    def discard(self) -> None:
        """Close this window and its dialogs without asking to quit (used when locking)."""
        self._discarding = True
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._discarding:
            event.accept()
            return
        event.ignore()
        self.request_quit()
