"""Every dialog is usable by keyboard and by screen reader, in English and in French."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counselor_app import accounts
from counselor_app.config import Settings
from counselor_app.store.users import User
from counselor_app.vault import Session, open_vault
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, Keyboard
from ui import confirm
from ui.action_dialog import ActionDialog
from ui.first_run import FirstRunDialog
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.password_dialog import ChangePasswordDialog
from ui.user_form import AddUserDialog, ResetPasswordDialog, RoleDialog
from ui.users_dialog import UsersDialog

MNEMONIC = re.compile(r"&([^&])")
Maker = Callable[[Session, Path, Settings], QWidget]


def _counselor(session: Session) -> User:
    return next(u for u in accounts.list_users(session) if u.username == COUNSELOR)


def _confirmation() -> QWidget:
    """The confirmation box, returned with the window that owns it (and keeps it alive)."""
    owner = QWidget()
    confirm.build(owner, "Remove a user", "Remove the account?", "&Remove")
    return owner


MAKERS: dict[str, Maker] = {
    "login": lambda s, d, st: LoginDialog(d, st),
    "first_run": lambda s, d, st: FirstRunDialog(d / "new", st),
    "change_password": lambda s, d, st: ChangePasswordDialog(s),
    "users": lambda s, d, st: UsersDialog(s),
    "add_user": lambda s, d, st: AddUserDialog(s),
    "role": lambda s, d, st: RoleDialog(s, _counselor(s)),
    "reset_password": lambda s, d, st: ResetPasswordDialog(s, _counselor(s)),
    "confirm": lambda s, d, st: _confirmation(),
}


@pytest.fixture
def session(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as opened:
        yield opened


@pytest.fixture(params=sorted(MAKERS))
def dialog(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    session: Session,
    vault_dir: Path,
    settings: Settings,
) -> QWidget:
    widget = MAKERS[request.param](session, vault_dir, settings)
    qtbot.addWidget(widget)
    return widget


def _mnemonics(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        match = MNEMONIC.search(text)
        assert match is not None, f"no mnemonic in {text!r}"
        found.append(match.group(1).casefold())
    return found


def _keyboard_texts(widget: QWidget) -> list[str]:
    """Texts of the buttons and of the labels that lead to a field."""
    buttons = [b.text() for b in widget.findChildren(QAbstractButton) if b.text()]
    labels = [label.text() for label in widget.findChildren(QLabel) if label.buddy() is not None]
    return buttons + labels


def test_every_input_and_button_has_an_accessible_name(dialog: QWidget) -> None:
    for kind in (QLineEdit, QComboBox, QPushButton, QAbstractItemView):
        for widget in dialog.findChildren(kind):
            assert widget.accessibleName().strip(), f"{kind.__name__} {widget.objectName()!r}"


def test_password_fields_hide_what_is_typed(dialog: QWidget) -> None:
    for field in dialog.findChildren(QLineEdit):
        if "password" in field.objectName():
            assert field.echoMode() == QLineEdit.EchoMode.Password


def test_mnemonics_are_unique_in_english(dialog: QWidget) -> None:
    keys = _mnemonics(_keyboard_texts(dialog))
    assert len(keys) == len(set(keys)), keys


@pytest.mark.usefixtures("french")
def test_mnemonics_are_unique_in_french(
    qtbot: QtBot, session: Session, vault_dir: Path, settings: Settings
) -> None:
    for name, make in MAKERS.items():
        widget = make(session, vault_dir, settings)
        qtbot.addWidget(widget)
        keys = _mnemonics(_keyboard_texts(widget))
        assert len(keys) == len(set(keys)), (name, keys)


def _menu_texts(window: MainWindow) -> Iterator[list[str]]:
    yield [a.text() for a in window.menuBar().actions()]
    for menu in window.menuBar().findChildren(QMenu):
        yield [a.text() for a in menu.actions() if not a.isSeparator()]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_menus_have_unique_mnemonics(
    request: pytest.FixtureRequest, qtbot: QtBot, session: Session, language: str
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    window = MainWindow(session)
    qtbot.addWidget(window)
    for texts in _menu_texts(window):
        keys = _mnemonics(texts)
        assert len(keys) == len(set(keys)), keys


@pytest.mark.parametrize(
    "name", ["login", "first_run", "change_password", "add_user", "reset_password"]
)
def test_tab_goes_through_the_fields_then_the_buttons(
    qtbot: QtBot,
    keyboard: Keyboard,
    session: Session,
    vault_dir: Path,
    settings: Settings,
    name: str,
) -> None:
    dialog = MAKERS[name](session, vault_dir, settings)
    assert isinstance(dialog, ActionDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    expected = [*dialog.fields_in_tab_order(), dialog.ok_button, dialog.cancel_button]
    keyboard.wait_focus(expected[0])
    visited = [keyboard.focus()]
    for _ in expected[1:]:
        keyboard.press(Qt.Key.Key_Tab)
        visited.append(keyboard.focus())
    assert visited == expected
