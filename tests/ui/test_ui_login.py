"""Unlocking the vault from the login dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from counselor_app.vault.paths import VaultPaths
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from ui.controller import AppController
from ui.login import LoginDialog


def _dialog(controller: AppController) -> LoginDialog:
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    return dialog


def test_an_existing_vault_asks_for_the_password(controller: AppController) -> None:
    dialog = _dialog(controller)
    assert dialog.isVisible()
    assert dialog.username.objectName() == "username"
    assert dialog.password.objectName() == "password"
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.ok_button is not None and dialog.ok_button.isDefault()
    assert QApplication.focusWidget() in (None, dialog.username)


def test_keyboard_login_opens_the_main_window(controller: AppController, login: Login) -> None:
    window = login(ADMIN, ADMIN_PASSWORD)

    assert window.windowTitle() == "counselor-app"
    assert window.session_label.text() == "admin · Admin"
    assert window.isVisible()
    assert controller.dialog is None
    assert controller.session is not None and not controller.session.closed
    assert controller.session.user.username == ADMIN


def test_counselor_sees_her_role_in_the_status_bar(controller: AppController, login: Login) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    assert window.session_label.text() == "camille · Counselor"


def test_user_names_ignore_case(controller: AppController, login: Login) -> None:
    window = login("ADMIN", ADMIN_PASSWORD)
    assert window.session_label.text().startswith("admin ·")


def test_wrong_password_keeps_the_dialog_with_the_generic_message(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    dialog = _dialog(controller)
    login.type(ADMIN, "not-the-password")

    assert controller.window is None
    assert controller.session is None
    assert dialog.isVisible()
    assert dialog.notice.text() == "Unknown user name or wrong password."
    assert dialog.password.text() == ""
    assert dialog.username.text() == ADMIN
    keyboard.wait_focus(dialog.password)

    # Typing the right password now (focus is already in the field) opens the window.
    keyboard.type(ADMIN_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert controller.window is not None


def test_unknown_user_gets_the_same_message(controller: AppController, login: Login) -> None:
    dialog = _dialog(controller)
    login.type("nobody", ADMIN_PASSWORD)
    assert dialog.notice.text() == "Unknown user name or wrong password."
    assert dialog.isVisible()


def test_empty_user_name_is_asked_for(
    controller: AppController, keyboard: Keyboard, qtbot: QtBot
) -> None:
    dialog = _dialog(controller)
    keyboard.wait_focus(dialog.username)
    keyboard.press(Qt.Key.Key_Return)
    assert dialog.notice.text() == "Enter your user name."
    keyboard.wait_focus(dialog.username)


def test_damaged_database_is_reported_and_left_alone(
    vault_dir: Path, controller: AppController, login: Login
) -> None:
    database = VaultPaths(vault_dir).database
    damaged = b"\x00this is not a database\x00" * 200
    database.write_bytes(damaged)
    dialog = _dialog(controller)

    login.type(ADMIN, ADMIN_PASSWORD)

    assert controller.window is None
    assert dialog.isVisible()
    message = dialog.notice.text()
    assert "damaged" in message
    assert str(database) in message
    assert "Traceback" not in message
    assert database.read_bytes() == damaged


def test_damaged_key_file_is_reported(
    vault_dir: Path, controller: AppController, login: Login
) -> None:
    keyslots = VaultPaths(vault_dir).keyslots
    keyslots.write_text("{ not json", encoding="utf-8")
    dialog = _dialog(controller)

    login.type(ADMIN, ADMIN_PASSWORD)

    assert dialog.isVisible()
    assert dialog.notice.text().startswith(f"The key file {keyslots} is damaged")
    assert keyslots.read_text(encoding="utf-8") == "{ not json"


def test_vault_gone_since_start_is_reported(
    vault_dir: Path, controller: AppController, login: Login
) -> None:
    paths = VaultPaths(vault_dir)
    for leftover in vault_dir.iterdir():
        leftover.unlink()
    assert not paths.anything_present()
    dialog = _dialog(controller)

    login.type(ADMIN, ADMIN_PASSWORD)

    assert dialog.notice.text().startswith(f"There is no vault in {vault_dir}.")


def test_escape_quits(qtbot: QtBot, controller: AppController, keyboard: Keyboard) -> None:
    keyboard.wait_focus(_dialog(controller).username)
    with qtbot.waitSignal(controller.finished, timeout=1000) as blocker:
        keyboard.press(Qt.Key.Key_Escape)
    assert blocker.args == [0]
    assert controller.dialog is None
