"""Locking by itself: after some minutes without a key or the mouse, and when minimised.

Installed on the application while a session is open. Any key press, click,
wheel turn or mouse move in the program's windows restarts the count; when it
runs out, or the main window is minimised (if the site wants it), or the system
tells Qt the application is suspended, the window locks as with Ctrl+L.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    def __init__(
        self,
        lock: Callable[[], None],
        *,
        minutes: int,
        when_minimised: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lock = lock
        self.when_minimised = when_minimised
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(self._expired)
        self._window: QWidget | None = None
        self._told = False  # connected to the application's state changes

    def watch(self, window: QWidget) -> None:
        """Start counting for ``window``'s session."""
        app = QGuiApplication.instance()
        self._window = window
        if app is not None:
            app.installEventFilter(self)
            if isinstance(app, QGuiApplication) and not self._told:
                app.applicationStateChanged.connect(self._state_changed)
                self._told = True
        if self.timer.interval() > 0:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if isinstance(app, QGuiApplication) and self._told:
                app.applicationStateChanged.disconnect(self._state_changed)
                self._told = False
        self._window = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY and self.timer.interval() > 0:
            self.timer.start()
        elif (
            kind == QEvent.Type.WindowStateChange
            and watched is self._window
            and self.when_minimised
            and self._window is not None
            and self._window.isMinimized()
        ):
            QTimer.singleShot(0, self._expired)
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._expired()

    def _expired(self) -> None:
        if self._window is not None:
            self.stop()
            self._lock()
