"""The session's lock on Windows: ``WM_WTSSESSION_CHANGE`` with ``WTS_SESSION_LOCK``.

While a session is open its main window is registered for the session's changes
(``WTSRegisterSessionNotification`` with ``NOTIFY_FOR_THIS_SESSION``, through
ctypes) and a native event filter on the application reads the window messages.
The window is unregistered, and the filter removed, before the window is discarded.

Registering only happens on Windows; elsewhere it does nothing. Reading a message
is the same everywhere, so the filter can be tried with a message made by hand.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0
# What Qt calls a window message given to native event filters on Windows.
MESSAGE_TYPES = frozenset({b"windows_generic_MSG", b"windows_dispatcher_MSG"})


class MSG(ctypes.Structure):
    """The start of Win32's ``MSG``; each field has its Windows size on 32 and 64 bits
    (HWND a pointer, UINT 32 bits, WPARAM and LPARAM pointer-sized)."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
    )


def is_session_lock(event_type: bytes, address: int) -> bool:
    """The native event of ``event_type`` at ``address`` says the session locked."""
    if event_type not in MESSAGE_TYPES or not address:
        return False
    msg = MSG.from_address(address)
    return int(msg.message) == WM_WTSSESSION_CHANGE and int(msg.wParam) == WTS_SESSION_LOCK


class SessionChangeFilter(QAbstractNativeEventFilter):
    """Calls ``report`` for each session lock; lets every message go on to Qt."""

    def __init__(self, report: Callable[[], None]) -> None:
        super().__init__()
        self._report = report

    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        kind = bytes(eventType.data() if isinstance(eventType, QByteArray) else eventType)
        if is_session_lock(kind, int(message)):
            self._report()
        return False, 0


def register(hwnd: int) -> bool:
    """Ask Windows to tell ``hwnd`` of this session's changes (False elsewhere, or refused)."""
    if sys.platform != "win32":
        return False
    from ctypes import wintypes

    wtsapi32 = ctypes.WinDLL("wtsapi32", use_last_error=True)
    function = wtsapi32.WTSRegisterSessionNotification
    function.argtypes = (wintypes.HWND, wintypes.DWORD)
    function.restype = wintypes.BOOL
    if function(hwnd, NOTIFY_FOR_THIS_SESSION):
        return True
    log.debug("WTSRegisterSessionNotification failed (error %d).", ctypes.get_last_error())
    return False


def unregister(hwnd: int) -> None:
    if sys.platform != "win32":
        return
    from ctypes import wintypes

    wtsapi32 = ctypes.WinDLL("wtsapi32", use_last_error=True)
    function = wtsapi32.WTSUnRegisterSessionNotification
    function.argtypes = (wintypes.HWND,)
    function.restype = wintypes.BOOL
    if not function(hwnd):
        log.debug("WTSUnRegisterSessionNotification failed (error %d).", ctypes.get_last_error())


class WindowsSessionLock(QObject):
    """Emits ``locked`` when the session locks, while :meth:`watch` ing a window."""

    locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = SessionChangeFilter(self.locked.emit)
        self._hwnd: int | None = None

    def watch(self, window: QWidget) -> None:
        self.stop()
        hwnd = int(window.winId())  # makes the native window if there is none yet
        if not register(hwnd):
            return
        self._hwnd = hwnd
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._filter)

    def stop(self) -> None:
        """Before the window goes: no more messages for it, no filter left behind."""
        hwnd, self._hwnd = self._hwnd, None
        if hwnd is None:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self._filter)
        unregister(hwnd)
