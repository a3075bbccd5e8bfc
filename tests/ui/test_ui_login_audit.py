"""The window's logins, locks, unlocks and failed logins, in the audit trail."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselor_app import audit
from counselor_app.config import Settings
from counselor_app.vault import failures
from counselor_app.vault.backup import automatic_backups
from counselor_app.vault.paths import VaultPaths
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from ui.controller import AppController
from ui.first_run import FirstRunDialog
from ui.login import LoginDialog


def logged(controller: AppController) -> list[tuple[str, str | None, str | None]]:
    """(action, user name, detail) of the entries after the vault was set up."""
    session = controller.session
    assert session is not None
    names = dict(session.conn.execute("SELECT id, username FROM users").fetchall())
    return [
        (e.action, names.get(e.user_id), e.detail)
        for e in audit.entries(session.conn)
        if e.action != "user_added"
    ]


def lock(qtbot: QtBot, controller: AppController, keyboard: Keyboard) -> None:
    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(controller.dialog, LoginDialog)
    qtbot.waitExposed(controller.dialog)


def test_ctrl_l_then_unlock_are_recorded(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    login(ADMIN, ADMIN_PASSWORD)
    lock(qtbot, controller, keyboard)
    login(ADMIN, ADMIN_PASSWORD)  # the same person comes back
    lock(qtbot, controller, keyboard)
    login(COUNSELOR, COUNSELOR_PASSWORD)  # someone else takes the workstation

    entries = logged(controller)
    assert [e for e in entries if e[0] != "backup_automatic"] == [
        ("login", ADMIN, "window"),
        ("lock", ADMIN, None),
        ("unlock", ADMIN, None),
        ("lock", ADMIN, None),
        ("login", COUNSELOR, "window"),
    ]
    # The first lock of the day also backed the vault up; the second did not again.
    assert [e[:2] for e in entries if e[0] == "backup_automatic"] == [("backup_automatic", ADMIN)]
    assert entries.index(("lock", ADMIN, None)) < next(
        i for i, e in enumerate(entries) if e[0] == "backup_automatic"
    )
    session = controller.session
    assert session is not None and audit.first_broken(session.conn) is None
    backups = automatic_backups(controller.settings.backup_folder(controller.data_dir.resolve()))
    assert len(backups) == 1


def test_a_wrong_password_is_recorded_at_the_next_login(
    controller: AppController, login: Login
) -> None:
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    login.type(ADMIN, "not-the-password")
    assert dialog.notice.text() == "Unknown user name or wrong password."
    login.keyboard.wait_focus(dialog.password)
    dialog.username.clear()
    dialog.username.setFocus()
    login(COUNSELOR, COUNSELOR_PASSWORD)
    assert logged(controller) == [("login_failed", ADMIN, None), ("login", COUNSELOR, "window")]


def _hold_up(vault_dir: Path) -> None:
    """Ten failures just now under the admin's name: the next try waits 256 s."""
    now = datetime.now(UTC)
    for _ in range(10):
        failures.note(VaultPaths(vault_dir).login_failures, ADMIN, now)


def test_the_window_says_how_long_to_wait(
    vault_dir: Path, controller: AppController, login: Login
) -> None:
    _hold_up(vault_dir)
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    login.type(ADMIN, ADMIN_PASSWORD)
    assert controller.window is None
    found = re.fullmatch(
        r"Too many failed logins with this user name\. Try again in (\d+) s\.",
        dialog.notice.text(),
    )
    assert found is not None and 250 <= int(found.group(1)) <= 256
    assert dialog.password.text() == ""


@pytest.mark.usefixtures("french")
def test_the_window_says_how_long_to_wait_in_french(
    vault_dir: Path, controller: AppController, login: Login
) -> None:
    _hold_up(vault_dir)
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    login.type(ADMIN, ADMIN_PASSWORD)
    found = re.fullmatch(
        r"Trop d’échecs de connexion avec ce nom d’utilisateur\. "
        r"Réessayez dans (\d+)\u00a0s\.",
        dialog.notice.text(),
    )
    assert found is not None and 250 <= int(found.group(1)) <= 256


def test_the_first_run_is_the_first_admin_s_login(
    qtbot: QtBot, tmp_path: Path, settings: Settings, keyboard: Keyboard
) -> None:
    app = AppController(tmp_path / "new-vault", settings)
    app.start()
    try:
        dialog = app.dialog
        assert isinstance(dialog, FirstRunDialog)
        keyboard.wait_focus(dialog.username)
        keyboard.fill("lea", "a-long-enough-password", "a-long-enough-password")
        keyboard.press(Qt.Key.Key_Return)
        assert app.window is not None
        assert logged(app) == [("login", "lea", "window")]
    finally:
        app.quit()
