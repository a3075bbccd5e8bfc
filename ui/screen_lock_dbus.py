"""The desktop session's lock where D-Bus tells it (Linux and the other free desktops).

Two sources, either one enough:

- the screen saver, on the session bus: the signal ``ActiveChanged(bool)`` of
  ``org.freedesktop.ScreenSaver`` (KDE, Xfce, LXQt…) or ``org.gnome.ScreenSaver``
  (GNOME, Cinnamon…); true when the screen locks (or blanks, which locks it there),
  false when it comes back, which is ignored.
- logind, on the system bus: the signal ``Lock`` of ``org.freedesktop.login1.Session``
  on this program's session (``loginctl lock-session``, and the desktops that lock
  through logind). The session's object path is asked of the manager with
  ``GetSession("auto")``, the caller's session, asynchronously. (``GetSessionByPID``
  takes a uint32, which PySide cannot put in a message: it sends Python ints as
  int32 or int64.)

The buses are given, so that a test can use a bus of its own. A bus that is not
there (no desktop session, a container, no logind) is no error: nothing is
reported, and a debug line is logged.
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusPendingCallWatcher,
)

log = logging.getLogger(__name__)

SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")
LOGIND = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
LOGIND_MANAGER = "org.freedesktop.login1.Manager"
LOGIND_SESSION = "org.freedesktop.login1.Session"
CALL_TIMEOUT_MS = 5000
# The receiving slots, named as by Qt's SLOT() macro. PySide takes them as str only,
# though its stubs say bytes.
ACTIVE_CHANGED_SLOT = cast(bytes, SLOT("active_changed(bool)"))
SESSION_LOCKED_SLOT = cast(bytes, SLOT("session_locked()"))


class DBusSessionLock(QObject):
    """Emits ``locked`` each time the screen saver or logind says the session locks."""

    locked = Signal()

    def __init__(
        self,
        session_bus: QDBusConnection | None,
        system_bus: QDBusConnection | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session_bus = session_bus
        self._system_bus = system_bus
        self._watcher: QDBusPendingCallWatcher | None = None
        self.screen_savers: list[str] = []  # the interfaces listened to
        self.session_path: str | None = None  # logind's session, once known
        if session_bus is not None:
            self._listen_to_screen_savers(session_bus)
        if system_bus is not None:
            self._ask_for_session(system_bus)

    # The screen saver

    def _listen_to_screen_savers(self, bus: QDBusConnection) -> None:
        if not bus.isConnected():
            log.debug("No session bus, no screen saver to listen to: %s", _why(bus))
            return
        for interface in SCREEN_SAVERS:
            # Any sender and path: KDE says it on /ScreenSaver and /org/freedesktop/ScreenSaver.
            if bus.connect("", "", interface, "ActiveChanged", "b", self, ACTIVE_CHANGED_SLOT):
                self.screen_savers.append(interface)
            else:
                log.debug("Not listening to %s: %s", interface, _why(bus))

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            self.locked.emit()

    # logind

    def _ask_for_session(self, bus: QDBusConnection) -> None:
        if not bus.isConnected():
            log.debug("No system bus, no logind to listen to: %s", _why(bus))
            return
        call = QDBusMessage.createMethodCall(LOGIND, LOGIND_PATH, LOGIND_MANAGER, "GetSession")
        call.setArguments(["auto"])
        watcher = QDBusPendingCallWatcher(bus.asyncCall(call, CALL_TIMEOUT_MS), self)
        watcher.finished.connect(self._session_found)
        self._watcher = watcher

    def _session_found(self) -> None:
        watcher, self._watcher = self._watcher, None
        bus = self._system_bus
        if watcher is None or bus is None:
            return
        watcher.deleteLater()
        if watcher.isError():
            log.debug("logind did not tell this program's session: %s", watcher.error().message())
            return
        arguments = watcher.reply().arguments()
        found = arguments[0] if arguments else None
        path = found.path() if isinstance(found, QDBusObjectPath) else ""
        if not path:
            log.debug("logind's answer held no session.")
            return
        if bus.connect(LOGIND, path, LOGIND_SESSION, "Lock", "", self, SESSION_LOCKED_SLOT):
            self.session_path = path
        else:
            log.debug("Not listening to logind's session: %s", _why(bus))

    @Slot()
    def session_locked(self) -> None:
        self.locked.emit()


def _why(bus: QDBusConnection) -> str:
    return bus.lastError().message() or "no reason given"
