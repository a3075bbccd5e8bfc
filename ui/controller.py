"""The program's flow: first run or login, then the main window, lock, quit.

No event loop is started here: dialogs are shown with ``show()`` and the steps are
chained by signals, so a test can drive the whole flow.

Locking (Ctrl+L, idle minutes, minimising, the system suspending the program or
locking the desktop session) closes the session and keeps where the user was (see
``ui.place``): if she is the one who unlocks, she is put back there, her open call
reopened; anyone else gets a window of her own, and the first user's place is dropped
(her draft stays in the vault for her next login).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent

from counselor_app.config import Settings
from counselor_app.drafts import Draft, load_draft
from counselor_app.logins import record_lock
from counselor_app.vault import Session, vault_exists
from counselor_app.vault.backup import automatic_backup
from ui.action_dialog import ActionDialog, busy
from ui.clipboard import ClipboardGuard
from ui.errors import FAILURES
from ui.first_run import FirstRunDialog
from ui.idle import IdleLock
from ui.login import LoginDialog
from ui.main_window import LOCK_KEY, MainWindow
from ui.place import Place, capture, return_to
from ui.retention_run import start_daily_purge
from ui.screen_lock import ScreenLock

log = logging.getLogger(__name__)


def _record_lock(session: Session) -> None:
    """Recorded once the window's work has stopped; a failure never keeps the window open."""
    try:
        record_lock(session)
    except FAILURES:
        log.warning("The lock could not be recorded in the audit trail.")


def _automatic_backup(session: Session, settings: Settings, data_dir: Path) -> None:
    """At the end of a session, at most daily; a failure is logged, never in the way."""
    try:
        with busy():
            made = automatic_backup(
                session, settings.backup_folder(data_dir.resolve()), settings.backup_keep
            )
    except FAILURES:
        log.warning("The automatic backup could not be made.")
        return
    if made is not None:
        log.info("Automatic backup written.")


def _read_draft(session: Session) -> Draft | None:
    try:
        return load_draft(session)
    except FAILURES:
        log.warning("The draft could not be read.")
        return None


def _capture(window: MainWindow, user_id: str) -> Place | None:
    """Where the user was; a failure to read it never keeps the window from locking."""
    try:
        return capture(window, user_id)
    except Exception as exc:  # any: the lock goes on, she is only asked about her draft
        log.warning("Where the user was could not be kept (%s).", type(exc).__name__)
        return None


class LockKey(QObject):
    """The lock shortcut, from any of the program's windows, even under an open dialog.

    The main window's own shortcut does not fire while a modal dialog covers it.
    """

    def __init__(self, lock: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.keyCombination() == LOCK_KEY
        ):
            self._lock()
            return True
        return False


class AppController(QObject):
    """Owns the open session (at most one) and the window showing it.

    ``finished(exit_code)`` is emitted once, when the person quits. ``screen_lock`` tells
    when the desktop session locks (by default, whatever this system reports).
    """

    finished = Signal(int)

    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        parent: QObject | None = None,
        *,
        screen_lock: ScreenLock | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings
        self.session: Session | None = None
        self.dialog: ActionDialog | None = None
        self.window: MainWindow | None = None
        self._done = False
        self.place: Place | None = None  # where the user who locked was
        self._lock_key = LockKey(self.lock, self)
        self.clipboard = ClipboardGuard(self)
        self.idle = IdleLock(
            self.lock,
            minutes=settings.lock_after_minutes,
            when_minimised=settings.lock_when_minimised,
            parent=self,
        )
        self.screen_lock = screen_lock if screen_lock is not None else ScreenLock.for_platform(self)
        if self.screen_lock.parent() is None:
            self.screen_lock.setParent(self)
        self.screen_lock.locked.connect(self.lock)

    def start(self) -> None:
        if vault_exists(self.data_dir):
            self.show_login()
        else:
            self.show_first_run()

    def show_first_run(self) -> None:
        dialog = FirstRunDialog(self.data_dir, self.settings)
        dialog.created.connect(self._open)
        self._show_dialog(dialog)

    def show_login(self, returning: str | None = None) -> None:
        """``returning``: the id of the user who locked the window, if it was locked."""
        dialog = LoginDialog(self.data_dir, self.settings, returning=returning)
        dialog.unlocked.connect(self._open)
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: ActionDialog) -> None:
        self._drop_dialog()
        self.dialog = dialog
        dialog.rejected.connect(lambda: self._dialog_rejected(dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _dialog_rejected(self, dialog: ActionDialog) -> None:
        if dialog is self.dialog:
            self.quit()

    def _drop_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def _open(self, session: object) -> None:
        assert isinstance(session, Session)
        self._drop_dialog()
        self.session = session
        window = MainWindow(session)
        window.lock_requested.connect(self.lock)
        window.quit_requested.connect(self.quit)
        self.window = window
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self._lock_key)
        self.idle.watch(window)
        self.screen_lock.watch(window)
        window.show()
        window.raise_()
        window.activateWindow()
        # The day's retention purge, in the background on a connection of its own.
        start_daily_purge(session, self.settings)
        place, self.place = self.place, None
        draft = _read_draft(session)
        if place is not None and place.user_id == session.user.id:
            return_to(window, place, draft)
        elif draft is not None:
            # A call this user left unsaved (a crash, a lock) is offered back.
            window.offer_draft(draft)

    def _close_session(self, *, locking: bool = False) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self._lock_key)
        self.idle.stop()
        self.screen_lock.stop()
        self.clipboard.clear()  # nothing of the session stays on the clipboard
        window, self.window = self.window, None
        if window is not None:
            window.before_session_closes()
            window.discard()
        session, self.session = self.session, None
        if session is not None:
            if locking:
                _record_lock(session)
            _automatic_backup(session, self.settings, self.data_dir)
            session.close()

    def lock(self) -> None:
        """Close the session and the window (recorded in the audit trail as ``lock``),
        keeping where the user was; ask for the password again. Nothing while locked."""
        if self._done or self.session is None:
            return
        who = self.session.user.id
        self.place = None if self.window is None else _capture(self.window, who)
        self._close_session(locking=True)
        self.show_login(returning=who)

    def quit(self) -> None:
        if self._done:
            return
        self._done = True
        self.place = None
        self._close_session()
        self.clipboard.detach()
        self._drop_dialog()
        self.finished.emit(0)
