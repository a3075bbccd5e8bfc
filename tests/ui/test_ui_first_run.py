"""The first run: no vault yet, so the first admin account creates it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.vault import open_vault, vault_exists
from tests.ui.driving import MIN_LENGTH, Keyboard
from ui.controller import AppController
from ui.first_run import FirstRunDialog

GOOD_PASSWORD = "a-long-enough-password"


@pytest.fixture
def empty_dir(tmp_path: Path) -> Path:
    return tmp_path / "new-vault"


@pytest.fixture
def first_run(qtbot: QtBot, empty_dir: Path, settings: Settings) -> Iterator[AppController]:
    app = AppController(empty_dir, settings)
    app.start()
    assert isinstance(app.dialog, FirstRunDialog)
    qtbot.waitExposed(app.dialog)
    yield app
    app.quit()


def _dialog(app: AppController, keyboard: Keyboard) -> FirstRunDialog:
    dialog = app.dialog
    assert isinstance(dialog, FirstRunDialog)
    keyboard.wait_focus(dialog.username)
    return dialog


def test_no_vault_shows_the_first_run_dialog(first_run: AppController, empty_dir: Path) -> None:
    dialog = first_run.dialog
    assert isinstance(dialog, FirstRunDialog)
    assert str(empty_dir) in dialog.intro.text()
    assert f"At least {MIN_LENGTH} characters." in [
        label.text() for label in dialog.findChildren(type(dialog.intro))
    ]


def test_different_passwords_are_refused(
    first_run: AppController, keyboard: Keyboard, empty_dir: Path
) -> None:
    dialog = _dialog(first_run, keyboard)
    keyboard.fill("admin", GOOD_PASSWORD, GOOD_PASSWORD + "x")
    keyboard.press(Qt.Key.Key_Return)

    assert dialog.notice.text() == "The two passwords are not the same."
    assert dialog.isVisible()
    assert not vault_exists(empty_dir)
    assert dialog.password.text() == dialog.password_again.text() == ""
    keyboard.wait_focus(dialog.password)


def test_short_password_is_refused_with_the_minimum(
    first_run: AppController, keyboard: Keyboard, empty_dir: Path
) -> None:
    dialog = _dialog(first_run, keyboard)
    keyboard.fill("admin", "short", "short")
    keyboard.press(Qt.Key.Key_Return)

    assert dialog.notice.text() == f"The password must have at least {MIN_LENGTH} characters."
    assert dialog.isVisible()
    assert not vault_exists(empty_dir)
    keyboard.wait_focus(dialog.password)


def test_empty_name_is_refused(
    first_run: AppController, keyboard: Keyboard, empty_dir: Path
) -> None:
    dialog = _dialog(first_run, keyboard)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.fill(GOOD_PASSWORD, GOOD_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)

    assert dialog.notice.text() == "Enter a user name."
    assert not vault_exists(empty_dir)
    keyboard.wait_focus(dialog.username)


def test_creates_the_vault_and_opens_the_main_window(
    qtbot: QtBot,
    first_run: AppController,
    keyboard: Keyboard,
    empty_dir: Path,
    settings: Settings,
) -> None:
    _dialog(first_run, keyboard)
    keyboard.fill("Léa Müller", GOOD_PASSWORD, GOOD_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)

    assert vault_exists(empty_dir)
    window = first_run.window
    assert window is not None
    qtbot.waitExposed(window)
    assert window.session_label.text() == "Léa Müller · Admin"
    assert window.admin_menu.menuAction().isVisible()
    assert first_run.dialog is None

    first_run.lock()
    with open_vault(empty_dir, "léa müller", GOOD_PASSWORD, settings) as session:
        assert session.user.username == "Léa Müller"


def test_quit_leaves_no_vault(
    qtbot: QtBot, first_run: AppController, keyboard: Keyboard, empty_dir: Path
) -> None:
    _dialog(first_run, keyboard)
    with qtbot.waitSignal(first_run.finished, timeout=1000):
        keyboard.alt(Qt.Key.Key_Q)
    assert not vault_exists(empty_dir)
