"""The window locks when the desktop session locks: the screen saver or logind over
D-Bus (tried on a private bus of the test's own), the session's message on Windows
(its reading tried with a message made by hand)."""

from __future__ import annotations

import ctypes
import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from PySide6.QtCore import QByteArray, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counselor_app import audit
from counselor_app.config import Settings
from counselor_app.vault import open_vault
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Login
from ui.controller import AppController
from ui.login import LoginDialog
from ui.screen_lock import ScreenLock
from ui.screen_lock_dbus import (
    LOGIND,
    LOGIND_MANAGER,
    LOGIND_PATH,
    LOGIND_SESSION,
    SCREEN_SAVERS,
    DBusSessionLock,
)
from ui.screen_lock_windows import (
    MSG,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    SessionChangeFilter,
    WindowsSessionLock,
)

OUR_SESSION = "/org/freedesktop/login1/session/_7"
OTHER_SESSION = "/org/freedesktop/login1/session/_8"
WTS_SESSION_UNLOCK = 0x8
QUIET_MS = 300  # long enough for a signal sent on a local bus to arrive

Connect = Callable[[str], QDBusConnection]


@pytest.fixture
def bus_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A D-Bus daemon of this test's own, standing for both the session and system buses."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (Debian package 'dbus'): no bus to test on")
    folder = tmp_path_factory.mktemp("bus")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1", f"--address=unix:dir={folder}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        assert address.startswith("unix:"), "dbus-daemon did not start"
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def connect(bus_address: str) -> Iterator[Connect]:
    """Opens connections to the private bus, closed after the test."""
    names: list[str] = []

    def to_bus(role: str) -> QDBusConnection:
        name = f"test-{role}-{uuid4().hex}"
        names.append(name)
        bus = QDBusConnection.connectToBus(bus_address, name)
        assert bus.isConnected(), bus.lastError().message()
        return bus

    yield to_bus
    for name in names:
        QDBusConnection.disconnectFromBus(name)


class FakeManager(QObject):
    """logind's manager as far as the program asks it: the caller's session."""

    def __init__(self, bus: QDBusConnection) -> None:
        super().__init__()
        self.bus = bus
        self.asked: list[str] = []

    @Slot(str, QDBusMessage)
    def GetSession(self, name: str, message: QDBusMessage) -> None:
        self.asked.append(name)
        message.setDelayedReply(True)
        reply = message.createReply()
        reply.setArguments([QDBusObjectPath(OUR_SESSION)])
        self.bus.send(reply)


@pytest.fixture
def logind(connect: Connect) -> Iterator[FakeManager]:
    bus = connect("logind")
    manager = FakeManager(bus)
    assert bus.registerService(LOGIND)
    options = QDBusConnection.RegisterOption.ExportAllSlots
    assert bus.registerObject(LOGIND_PATH, LOGIND_MANAGER, manager, options)
    yield manager
    bus.unregisterObject(LOGIND_PATH)


@pytest.fixture
def controller(
    qtbot: QtBot, vault_dir: Path, settings: Settings, connect: Connect, logind: FakeManager
) -> Iterator[AppController]:
    """The program, listening to the private bus as its session and system buses."""
    screen_lock = ScreenLock.over_dbus(connect("session"), connect("system"))
    app = AppController(vault_dir, settings, screen_lock=screen_lock)
    assert screen_lock.parent() is app
    source = screen_lock.sources[0]
    assert isinstance(source, DBusSessionLock)
    qtbot.waitUntil(lambda: source.session_path == OUR_SESSION)
    assert logind.asked == ["auto"]
    assert source.screen_savers == list(SCREEN_SAVERS)
    app.start()
    assert app.dialog is not None
    qtbot.waitExposed(app.dialog)
    yield app
    app.quit()


def send_signal(bus: QDBusConnection, path: str, interface: str, name: str, *args: object) -> None:
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(args))
    assert bus.send(message)


def locks(controller: AppController) -> int:
    with open_vault(controller.data_dir, ADMIN, ADMIN_PASSWORD, controller.settings) as session:
        return sum(1 for e in audit.entries(session.conn) if e.action == "lock")


@pytest.mark.parametrize("interface", SCREEN_SAVERS)
def test_the_screen_saver_locking_locks_the_window(
    qtbot: QtBot, controller: AppController, login: Login, connect: Connect, interface: str
) -> None:
    saver = connect("screen-saver")
    path = "/" + interface.replace(".", "/")
    login(COUNSELOR, COUNSELOR_PASSWORD)

    send_signal(saver, path, interface, "ActiveChanged", False)  # the screen came back
    qtbot.wait(QUIET_MS)
    assert controller.session is not None

    send_signal(saver, path, interface, "ActiveChanged", True)
    qtbot.waitUntil(lambda: controller.session is None)
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog) and controller.window is None

    # Locked already: another lock, told or asked, changes nothing.
    send_signal(saver, path, interface, "ActiveChanged", True)
    qtbot.wait(QUIET_MS)
    controller.lock()
    assert controller.dialog is dialog and not controller.screen_lock.watching
    assert locks(controller) == 1


def test_logind_locking_this_session_locks_the_window(
    qtbot: QtBot,
    controller: AppController,
    login: Login,
    connect: Connect,
    logind: FakeManager,
) -> None:
    login(COUNSELOR, COUNSELOR_PASSWORD)
    send_signal(logind.bus, OTHER_SESSION, LOGIND_SESSION, "Lock")  # another user's session
    stranger = connect("stranger")  # not logind: ignored
    send_signal(stranger, OUR_SESSION, LOGIND_SESSION, "Lock")
    qtbot.wait(QUIET_MS)
    assert controller.session is not None

    send_signal(logind.bus, OUR_SESSION, LOGIND_SESSION, "Lock")  # `loginctl lock-session`
    qtbot.waitUntil(lambda: controller.session is None)
    assert isinstance(controller.dialog, LoginDialog)
    assert locks(controller) == 1


def test_a_missing_bus_is_no_error(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="ui.screen_lock_dbus")
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", f"none-{uuid4().hex}")
    assert not nowhere.isConnected()
    lock = ScreenLock.over_dbus(nowhere, nowhere)
    source = lock.sources[0]
    assert isinstance(source, DBusSessionLock)
    assert source.screen_savers == [] and source.session_path is None
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("No session bus") for m in messages)
    assert any(m.startswith("No system bus") for m in messages)
    assert all(r.levelno == logging.DEBUG for r in caplog.records)
    QDBusConnection.disconnectFromBus(nowhere.name())
    ScreenLock.for_platform().deleteLater()  # whatever this machine has: no error either


def test_locks_are_told_only_while_a_window_is_watched(qtbot: QtBot) -> None:
    lock = ScreenLock.over_dbus(None, None)
    source = lock.sources[0]
    assert isinstance(source, DBusSessionLock)
    told: list[bool] = []
    lock.locked.connect(lambda: told.append(True))
    source.active_changed(True)
    qtbot.wait(50)
    assert told == []  # no session open

    window = QWidget()
    qtbot.addWidget(window)
    lock.watch(window)
    source.active_changed(False)
    qtbot.wait(50)
    assert told == []
    with qtbot.waitSignal(lock.locked):
        source.active_changed(True)
    source.session_locked()
    lock.stop()  # the session closed before the second was handled: it is dropped
    qtbot.wait(50)
    assert told == [True]


def _message(message: int, w_param: int) -> MSG:
    return MSG(hwnd=None, message=message, wParam=w_param, lParam=0)


def test_the_windows_session_lock_message_is_read() -> None:
    told: list[bool] = []
    reader = SessionChangeFilter(lambda: told.append(True))
    generic = QByteArray(b"windows_generic_MSG")
    unlocked = _message(WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK)
    assert reader.nativeEventFilter(generic, ctypes.addressof(unlocked)) == (False, 0)
    other = _message(0x0010, WTS_SESSION_LOCK)  # WM_CLOSE
    reader.nativeEventFilter(generic, ctypes.addressof(other))
    locked = _message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    reader.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(locked))
    assert told == []
    assert reader.nativeEventFilter(generic, ctypes.addressof(locked)) == (False, 0)
    assert told == [True]


@pytest.mark.skipif(sys.platform == "win32", reason="registers the window for real there")
def test_off_windows_no_window_is_registered(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    lock = WindowsSessionLock()
    lock.watch(window)
    lock.stop()  # nothing was registered, nothing to undo
