"""The window locks by itself: after idle minutes, when minimised, when the system suspends it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counselor_app import audit
from counselor_app.config import Settings, load_settings
from counselor_app.vault import open_vault
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from ui.controller import AppController
from ui.login import LoginDialog


def locks(vault_dir: Path, settings: Settings) -> int:
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        return sum(1 for e in audit.entries(session.conn) if e.action == "lock")


def test_idle_minutes_lock_the_window_and_activity_puts_it_off(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    login(COUNSELOR, COUNSELOR_PASSWORD)
    timer = controller.idle.timer
    assert timer.isActive() and timer.interval() == 5 * 60_000  # the default: 5 minutes
    timer.setTimerType(Qt.TimerType.PreciseTimer)  # remaining time to the millisecond
    timer.start()
    qtbot.wait(300)
    before = timer.remainingTime()
    keyboard.press(Qt.Key.Key_Shift)
    assert timer.remainingTime() > before  # a key starts the count again
    assert controller.session is not None
    timer.setInterval(50)
    timer.start()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog), timeout=3000)
    assert controller.session is None and controller.window is None


def test_minimising_locks_the_window(
    qtbot: QtBot, controller: AppController, login: Login, vault_dir: Path, settings: Settings
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    window.setWindowState(Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(lambda: controller.session is None, timeout=3000)
    assert isinstance(controller.dialog, LoginDialog)
    assert locks(vault_dir, settings) == 1


def test_a_suspended_application_locks(
    qtbot: QtBot, controller: AppController, login: Login
) -> None:
    login(COUNSELOR, COUNSELOR_PASSWORD)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    qtbot.waitUntil(lambda: controller.session is None, timeout=3000)


def test_the_lock_settings_are_the_sites(tmp_path: Path) -> None:
    site = tmp_path / "site.ini"
    site.write_text(
        "[counselor-app]\nlock_after_minutes = 15\nlock_when_minimised = no\n", encoding="utf-8"
    )
    settings = load_settings(site, tmp_path / "none.ini")
    assert (settings.lock_after_minutes, settings.lock_when_minimised) == (15, False)
    defaults = load_settings(tmp_path / "none.ini", tmp_path / "none2.ini")
    assert (defaults.lock_after_minutes, defaults.lock_when_minimised) == (5, True)
    bad = tmp_path / "bad.ini"
    bad.write_text("[counselor-app]\nlock_after_minutes = 999\n", encoding="utf-8")
    refused = load_settings(bad, tmp_path / "none.ini")
    assert refused.lock_after_minutes == 5 and "'lock_after_minutes'" in refused.warnings[0]
