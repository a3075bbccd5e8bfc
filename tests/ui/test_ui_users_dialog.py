"""The admin's Users dialog, driven by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from counselor_app import accounts
from counselor_app.roles import Role
from counselor_app.vault import Session
from tests.ui.driving import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    Keyboard,
    Login,
    answer_next_box,
    gone,
)
from ui import confirm
from ui.controller import AppController
from ui.user_form import AddUserDialog, ResetPasswordDialog, RoleDialog
from ui.users_dialog import UsersDialog

NEW_PASSWORD = "fresh-password-42"


@pytest.fixture
def users(qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard) -> UsersDialog:
    window = login(ADMIN, ADMIN_PASSWORD)
    dialog = window.show_users()
    qtbot.waitExposed(dialog)
    keyboard.wait_focus(dialog.table)
    return dialog


def _rows(dialog: UsersDialog) -> list[tuple[str, str]]:
    table = dialog.table
    rows = []
    for row in range(table.rowCount()):
        name, role = table.item(row, 0), table.item(row, 1)
        assert name is not None and role is not None
        rows.append((name.text(), role.text()))
    return rows


def _session(controller: AppController) -> Session:
    assert controller.session is not None
    return controller.session


def _select(keyboard: Keyboard, dialog: UsersDialog, name: str) -> None:
    """Move through the list with the arrow keys until ``name`` is selected."""
    keyboard.wait_focus(dialog.table)
    keyboard.press(Qt.Key.Key_Home)
    for _ in range(dialog.table.rowCount()):
        if dialog.selected_name() == name:
            return
        keyboard.press(Qt.Key.Key_Down)
    assert dialog.selected_name() == name


def test_lists_users_with_translated_roles(users: UsersDialog) -> None:
    assert _rows(users) == [(ADMIN, "Admin"), (COUNSELOR, "Counselor")]
    assert users.selected_name() == ADMIN


def test_add_a_user(
    qtbot: QtBot, users: UsersDialog, keyboard: Keyboard, controller: AppController
) -> None:
    keyboard.alt(Qt.Key.Key_A)
    form = users.form
    assert isinstance(form, AddUserDialog)
    qtbot.waitExposed(form)
    keyboard.wait_focus(form.name)
    keyboard.type("dominique")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.wait_focus(form.role)
    keyboard.press(Qt.Key.Key_Down)  # Counselor -> Supervisor
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.fill(NEW_PASSWORD, NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: gone(form))
    assert ("dominique", "Supervisor") in _rows(users)
    assert users.selected_name() == "dominique"
    assert users.notice.text() == "The account “dominique” was added with the role Supervisor."
    names = {u.username: u.role for u in accounts.list_users(_session(controller))}
    assert names["dominique"] is Role.SUPERVISOR
    keyboard.wait_focus(users.table)


def test_add_refusals_stay_in_the_form(
    qtbot: QtBot, users: UsersDialog, keyboard: Keyboard
) -> None:
    keyboard.alt(Qt.Key.Key_A)
    form = users.form
    assert isinstance(form, AddUserDialog)
    keyboard.wait_focus(form.name)
    keyboard.type("Camille")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.fill(NEW_PASSWORD, NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert form.notice.text() == "A user named “Camille” already exists."
    assert form.isVisible()
    keyboard.wait_focus(form.name)

    keyboard.type("sacha")  # replaces the selected name
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.wait_focus(form.password)
    keyboard.fill("short", "short")  # Tab selects a field's text: typing replaces it
    keyboard.press(Qt.Key.Key_Return)
    assert form.notice.text() == "The password must have at least 10 characters."
    assert form.isVisible()

    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(form))
    assert [name for name, _ in _rows(users)] == [ADMIN, COUNSELOR]


def test_change_a_role(
    qtbot: QtBot, users: UsersDialog, keyboard: Keyboard, controller: AppController
) -> None:
    _select(keyboard, users, COUNSELOR)
    keyboard.alt(Qt.Key.Key_R)
    form = users.form
    assert isinstance(form, RoleDialog)
    assert COUNSELOR in form.intro.text()
    keyboard.wait_focus(form.role)
    keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: gone(form))
    assert (COUNSELOR, "Supervisor") in _rows(users)
    assert users.notice.text() == f"The account “{COUNSELOR}” now has the role Supervisor."
    roles = {u.username: u.role for u in accounts.list_users(_session(controller))}
    assert roles[COUNSELOR] is Role.SUPERVISOR


def test_the_last_admin_keeps_her_role(
    qtbot: QtBot, users: UsersDialog, keyboard: Keyboard
) -> None:
    _select(keyboard, users, ADMIN)
    keyboard.alt(Qt.Key.Key_R)
    form = users.form
    assert isinstance(form, RoleDialog)
    keyboard.wait_focus(form.role)
    keyboard.press(Qt.Key.Key_Up)  # Admin -> Supervisor
    keyboard.press(Qt.Key.Key_Return)

    assert form.isVisible()
    assert form.notice.text() == "The last admin cannot be removed or given another role."
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(form))
    assert (ADMIN, "Admin") in _rows(users)


def test_giving_up_ones_own_admin_role_closes_the_dialog(
    qtbot: QtBot, users: UsersDialog, keyboard: Keyboard, controller: AppController
) -> None:
    accounts.add_user(_session(controller), "morgane", Role.ADMIN, NEW_PASSWORD)
    users.refresh()
    _select(keyboard, users, ADMIN)
    keyboard.alt(Qt.Key.Key_R)
    form = users.form
    assert isinstance(form, RoleDialog)
    keyboard.wait_focus(form.role)
    keyboard.press(Qt.Key.Key_Home)  # Counselor
    keyboard.press(Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: gone(users))
    window = controller.window
    assert window is not None
    assert window.session_label.text() == "admin · Counselor"
    assert not window.admin_menu.menuAction().isVisible()


def test_reset_a_password_then_that_user_logs_in(
    qtbot: QtBot,
    users: UsersDialog,
    keyboard: Keyboard,
    controller: AppController,
    login: Login,
) -> None:
    _select(keyboard, users, COUNSELOR)
    keyboard.alt(Qt.Key.Key_S)
    form = users.form
    assert isinstance(form, ResetPasswordDialog)
    assert COUNSELOR in form.intro.text()
    keyboard.wait_focus(form.password)
    keyboard.fill(NEW_PASSWORD, NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: gone(form))
    assert users.notice.text() == f"The password of “{COUNSELOR}” was reset."
    keyboard.wait_focus(users.table)
    keyboard.alt(Qt.Key.Key_C)
    qtbot.waitUntil(lambda: gone(users))

    controller.lock()
    login.type(COUNSELOR, COUNSELOR_PASSWORD)
    assert controller.window is None
    assert controller.dialog is not None
    keyboard.wait_focus(controller.dialog.findChild(QLineEdit, "password"))
    keyboard.type(NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert controller.window is not None
    assert controller.window.session_label.text() == "camille · Counselor"


def _answer_confirmation(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    asked: list[str] = []

    def fake_ask(parent: QWidget, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(confirm, "ask", fake_ask)
    return asked


def test_remove_a_user_after_confirmation(
    qtbot: QtBot,
    users: UsersDialog,
    keyboard: Keyboard,
    controller: AppController,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _answer_confirmation(monkeypatch, True)
    _select(keyboard, users, COUNSELOR)
    keyboard.alt(Qt.Key.Key_M)

    assert len(asked) == 1 and COUNSELOR in asked[0]
    assert [name for name, _ in _rows(users)] == [ADMIN]
    assert users.notice.text() == f"The account “{COUNSELOR}” was removed."
    assert [u.username for u in accounts.list_users(_session(controller))] == [ADMIN]


def test_remove_declined_keeps_the_user(
    users: UsersDialog, keyboard: Keyboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer_confirmation(monkeypatch, False)
    _select(keyboard, users, COUNSELOR)
    keyboard.alt(Qt.Key.Key_M)
    assert len(asked) == 1
    assert [name for name, _ in _rows(users)] == [ADMIN, COUNSELOR]
    assert users.notice.text() == ""


def test_removing_yourself_is_refused(
    users: UsersDialog, keyboard: Keyboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_confirmation(monkeypatch, True)
    _select(keyboard, users, ADMIN)
    keyboard.alt(Qt.Key.Key_M)
    assert users.notice.text() == "You cannot remove your own account; ask another admin."
    assert [name for name, _ in _rows(users)] == [ADMIN, COUNSELOR]


def test_the_real_confirmation_answered_by_keyboard(
    qtbot: QtBot, users: UsersDialog, keyboard: Keyboard
) -> None:
    _select(keyboard, users, COUNSELOR)
    # Escape (and Enter, the default) cancel.
    seen = answer_next_box(lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    keyboard.alt(Qt.Key.Key_M)
    assert len(seen) == 1
    assert [name for name, _ in _rows(users)] == [ADMIN, COUNSELOR]

    seen = answer_next_box(
        lambda box: QTest.keyClick(box, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    )
    keyboard.wait_focus(users.table)
    keyboard.alt(Qt.Key.Key_M)
    assert seen and f"“{COUNSELOR}”" in seen[0]
    assert [name for name, _ in _rows(users)] == [ADMIN]


def test_a_counselor_session_is_refused_by_the_core(
    qtbot: QtBot, controller: AppController, login: Login
) -> None:
    login(COUNSELOR, COUNSELOR_PASSWORD)
    dialog = UsersDialog(_session(controller))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert (
        dialog.notice.text() == "Your role (Counselor) does not allow you to manage user accounts."
    )
