"""The main window: menus by role, lock, quit and changing one's password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.driving import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    Keyboard,
    Login,
    gone,
)
from ui.controller import AppController
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.password_dialog import ChangePasswordDialog

NEW_PASSWORD = "a-brand-new-password"


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.isVisible()]


def test_menus_and_status_bar_for_an_admin(controller: AppController, login: Login) -> None:
    window = login(ADMIN, ADMIN_PASSWORD)
    assert _menu_titles(window) == ["&File", "&Account", "A&dmin", "&Help"]
    assert [a.text() for a in window.file_menu.actions() if not a.isSeparator()] == [
        "&Reports…",
        "&Import records…",
        "&Export records…",
        "&Send records to the organisation…",
        "&Lock",
        "&Quit",
    ]
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.users_action.isEnabled()
    hint = window.statusBar().findChild(QLabel, "lock_hint")
    assert hint is not None and hint.text() == "Lock: Ctrl+L"
    assert "admin" in window.welcome.text()


def test_no_admin_menu_for_a_counselor(controller: AppController, login: Login) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    assert _menu_titles(window) == ["&File", "&Account", "&Help"]
    assert not window.admin_menu.menuAction().isVisible()
    assert not window.users_action.isEnabled()
    assert window.session_label.text() == "camille · Counselor"


def test_ctrl_l_locks_and_returns_to_login(
    qtbot: QtBot, controller: AppController, login: Login
) -> None:
    window = login(ADMIN, ADMIN_PASSWORD)
    session = controller.session
    assert session is not None

    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert session.closed
    assert controller.session is None
    assert controller.window is None
    assert isinstance(controller.dialog, LoginDialog)
    qtbot.waitExposed(controller.dialog)
    qtbot.waitUntil(lambda: gone(window))

    # The same person (or the next one) unlocks again.
    again = login(COUNSELOR, COUNSELOR_PASSWORD)
    assert again.session_label.text() == "camille · Counselor"


def test_ctrl_l_locks_even_under_open_dialogs(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(ADMIN, ADMIN_PASSWORD)
    session = controller.session
    assert session is not None
    users = window.show_users()
    qtbot.waitExposed(users)
    form = users.show_add()
    qtbot.waitExposed(form)
    keyboard.wait_focus(form.name)
    keyboard.type("half-typed")

    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert session.closed
    assert controller.window is None
    qtbot.waitUntil(lambda: gone(form) and gone(users))
    assert isinstance(controller.dialog, LoginDialog)
    # Once locked, Ctrl+L is an ordinary key again in the login dialog.
    keyboard.wait_focus(controller.dialog.username)
    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(controller.dialog, LoginDialog)


def test_ctrl_q_quits_and_closes_the_session(
    qtbot: QtBot, controller: AppController, login: Login
) -> None:
    window = login(ADMIN, ADMIN_PASSWORD)
    session = controller.session
    assert session is not None
    with qtbot.waitSignal(controller.finished, timeout=1000) as blocker:
        QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [0]
    assert session.closed
    assert controller.window is None


def test_closing_the_window_quits(qtbot: QtBot, controller: AppController, login: Login) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    session = controller.session
    assert session is not None
    with qtbot.waitSignal(controller.finished, timeout=1000):
        window.close()
    assert session.closed


def _open_change_password(qtbot: QtBot, window: MainWindow) -> ChangePasswordDialog:
    window.password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_change_password_by_keyboard(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    dialog = _open_change_password(qtbot, window)
    keyboard.wait_focus(dialog.current)
    keyboard.fill(COUNSELOR_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "Your password has been changed."

    controller.lock()
    login.type(COUNSELOR, COUNSELOR_PASSWORD)
    assert controller.window is None
    # The old password is refused; the focus is back in the password field for the new one.
    assert controller.dialog is not None
    keyboard.wait_focus(controller.dialog.findChild(QLineEdit, "password"))
    keyboard.type(NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert controller.window is not None
    assert controller.window.session_label.text().startswith("camille")


def test_change_password_wrong_current_password(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    dialog = _open_change_password(qtbot, window)
    keyboard.wait_focus(dialog.current)
    keyboard.fill("not-my-password", NEW_PASSWORD, NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.notice.text() == "The current password is not correct."
    assert dialog.current.text() == ""
    keyboard.wait_focus(dialog.current)


def test_change_password_too_short_and_mismatch(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    dialog = _open_change_password(qtbot, window)
    keyboard.wait_focus(dialog.current)
    keyboard.fill(COUNSELOR_PASSWORD, "short", "short")
    keyboard.press(Qt.Key.Key_Return)
    assert dialog.notice.text() == "The password must have at least 10 characters."
    keyboard.wait_focus(dialog.password)

    keyboard.fill(NEW_PASSWORD, NEW_PASSWORD + "!")
    keyboard.press(Qt.Key.Key_Return)
    assert dialog.notice.text() == "The two passwords are not the same."
    assert dialog.isVisible()

    keyboard.press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
