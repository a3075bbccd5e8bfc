"""The window locks when the desktop session locks, where the system says so.

- Linux and the other free desktops: the screen saver and logind, over D-Bus (see
  ``ui.screen_lock_dbus``); with no bus, nothing is reported.
- Windows: the session's lock is told to the main window (see ``ui.screen_lock_windows``).
- macOS: not reported. The system says it only through the distributed notification
  ``com.apple.screenIsLocked``, which Qt does not pass on and Python cannot receive
  without extra libraries (PyObjC). The idle lock and the lock when the window is
  minimised or the application suspended still apply there.

The controller connects ``locked`` to its lock. It is emitted only between
:meth:`ScreenLock.watch` (a session is open) and :meth:`ScreenLock.stop`, and after
the event that told it has been handled: a second lock while locked is nothing.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from ui.screen_lock_windows import WindowsSessionLock

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)


class ScreenLock(QObject):
    """Emits ``locked`` when the desktop session locks, while a window is watched."""

    locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watching = False
        self.windows: WindowsSessionLock | None = None
        self.sources: list[QObject] = []

    @classmethod
    def for_platform(cls, parent: QObject | None = None) -> ScreenLock:
        """Listening to what this system tells, if anything."""
        if sys.platform == "win32":
            lock = cls(parent)
            lock.windows = WindowsSessionLock(lock)
            lock.listen(lock.windows, lock.windows.locked)
            return lock
        if sys.platform == "darwin":
            return cls(parent)
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt built without D-Bus
            log.debug("No QtDBus: the desktop session's lock is not reported.")
            return cls(parent)
        return cls.over_dbus(QDBusConnection.sessionBus(), QDBusConnection.systemBus(), parent)

    @classmethod
    def over_dbus(
        cls,
        session_bus: QDBusConnection | None,
        system_bus: QDBusConnection | None,
        parent: QObject | None = None,
    ) -> ScreenLock:
        """Listening to the screen saver on ``session_bus`` and logind on ``system_bus``
        (either may be None, or not connected)."""
        from ui.screen_lock_dbus import DBusSessionLock

        lock = cls(parent)
        source = DBusSessionLock(session_bus, system_bus)
        lock.listen(source, source.locked)
        return lock

    def listen(self, source: QObject, signal: SignalInstance) -> None:
        """Report each emission of ``signal`` (``source`` is kept as long as this)."""
        source.setParent(self)
        self.sources.append(source)
        signal.connect(self._report)

    def watch(self, window: QWidget) -> None:
        """A session is open in ``window``: report the locks from now on."""
        self._watching = True
        if self.windows is not None:
            self.windows.watch(window)

    def stop(self) -> None:
        """The session closes: report nothing more (and let go of the window)."""
        self._watching = False
        if self.windows is not None:
            self.windows.stop()

    @property
    def watching(self) -> bool:
        return self._watching

    def _report(self) -> None:
        # Locking discards windows: not from inside the system's message or D-Bus call.
        if self._watching:
            QTimer.singleShot(0, self, self._emit)

    def _emit(self) -> None:
        if self._watching:
            self.locked.emit()
