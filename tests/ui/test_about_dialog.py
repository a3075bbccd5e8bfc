"""Help > About: versions, the vault's format, and the licences, reached by keyboard."""

from __future__ import annotations

import platform
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from counselor_app import __version__, licence_texts, licences
from counselor_app.config import Settings
from counselor_app.licences import Component
from counselor_app.store.migrations import SCHEMA_VERSION, schema_version
from counselor_app.vault import Session, open_vault
from tests.ui.access import mnemonics, unnamed_inputs
from tests.ui.driving import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    Keyboard,
    Login,
    gone,
)
from ui.about_dialog import AboutDialog
from ui.controller import AppController
from ui.main_window import MainWindow

MISSING = Component(
    key="missing",
    name="Missing component",
    licence="MIT",
    licence_url="https://example.org/licence",
    homepage="https://example.org/",
    distribution="no-such-distribution-for-counselor-app",
)


@pytest.fixture
def session(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as opened:
        yield opened


@pytest.fixture
def about(qtbot: QtBot, session: Session) -> AboutDialog:
    dialog = AboutDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _open_by_menu(qtbot: QtBot, keyboard: Keyboard, window: MainWindow) -> AboutDialog:
    """Alt+H opens the Help menu; A (its item's mnemonic) opens About."""
    keyboard.press(Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu is window.help_menu
    QTest.keyClick(menu, Qt.Key.Key_A)  # an open menu takes the keys, not the focus widget
    return _shown(qtbot, window)


def _shown(qtbot: QtBot, window: MainWindow) -> AboutDialog:
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None)
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _rows(dialog: AboutDialog) -> list[tuple[str, str, str]]:
    rows = []
    for row in range(dialog.components.topLevelItemCount()):
        item = dialog.components.topLevelItem(row)
        assert item is not None
        rows.append((item.text(0), item.text(1), item.text(2)))
    return rows


def _select_by_typing(keyboard: Keyboard, dialog: AboutDialog, text: str) -> None:
    """Tab to the list of components and type the start of a name, as a person would."""
    keyboard.wait_focus(dialog.versions)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.wait_focus(dialog.components)
    keyboard.type(text)


# Opening and closing


def test_help_menu_opens_about_by_keyboard_and_esc_closes_it(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    assert window.help_menu.menuAction().isVisible()
    assert [a.text() for a in window.help_menu.actions()] == ["&About counselor-app…"]

    dialog = _open_by_menu(qtbot, keyboard, window)
    assert dialog.windowTitle() == "About counselor-app"
    keyboard.wait_focus(dialog.versions)

    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_f1_opens_about(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(ADMIN, ADMIN_PASSWORD)
    assert window.about_action.shortcut().toString() == "F1"
    keyboard.press(Qt.Key.Key_F1)
    dialog = _shown(qtbot, window)
    keyboard.wait_focus(dialog.versions)
    keyboard.alt(Qt.Key.Key_C)  # Close
    qtbot.waitUntil(lambda: gone(dialog))


def test_locking_closes_about(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    keyboard.press(Qt.Key.Key_F1)
    dialog = _shown(qtbot, window)
    keyboard.wait_focus(dialog.versions)
    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.session is None
    qtbot.waitUntil(lambda: gone(dialog))


# What it shows


def test_shows_the_versions_and_the_format_of_the_open_vault(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    assert controller.session is not None
    vault_format = schema_version(controller.session.conn)
    dialog = _open_by_menu(qtbot, keyboard, window)

    assert dialog.heading.text() == f"counselor-app {__version__}"
    shown = dialog.versions.toPlainText()
    lines = dialog.version_lines()
    assert lines[:3] == [
        f"counselor-app {__version__}",
        f"Vault format: {vault_format} (this program knows formats up to {SCHEMA_VERSION})",
        f"Qt: {qVersion()}",
    ]
    assert f"Python: {platform.python_version()}" in lines
    assert any(line.startswith("SQLCipher: 4.") for line in lines)
    for line in lines:
        assert line in shown
    assert "GPL-3.0-or-later" in shown and "WITHOUT ANY WARRANTY" in shown


def test_the_format_is_read_from_the_vault(qtbot: QtBot, session: Session) -> None:
    """Not the program's own number: a vault one format behind says so."""
    session.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    try:
        dialog = AboutDialog(session)
        qtbot.addWidget(dialog)
    finally:
        session.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    assert (
        f"Vault format: {SCHEMA_VERSION - 1} (this program knows formats up to {SCHEMA_VERSION})"
        in dialog.version_lines()
    )


def test_lists_every_component_with_its_licence(about: AboutDialog) -> None:
    rows = _rows(about)
    assert [(name, licence) for name, licence, _ in rows] == [
        (item.name, about.licence_name(item.licence)) for item in licences.COMPONENTS
    ]
    listed = {name: licence for name, licence, _ in rows}
    assert listed["Qt"] == "LGPL-3.0-only"
    assert listed["SQLite"] == "Public domain"
    assert listed["python-stdnum"] == "LGPL-2.1-or-later"
    versions = {name: version for name, _, version in rows}
    assert versions["Qt"] == qVersion()
    assert versions["counselor-app"] == __version__
    assert "unknown" not in versions.values()


@pytest.fixture(autouse=True)
def no_common_licences(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The standard texts in a folder of the test's own (empty unless a test fills it),
    not the machine's /usr/share/common-licenses."""
    folder = tmp_path / "common-licenses"
    folder.mkdir()
    monkeypatch.setattr(licence_texts, "COMMON_FOLDER", folder)
    return folder


def test_the_full_lgpl_is_shown_when_the_system_has_it(
    about: AboutDialog, keyboard: Keyboard, no_common_licences: Path
) -> None:
    (no_common_licences / "LGPL-3").write_text(
        "GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n", encoding="utf-8"
    )
    _select_by_typing(keyboard, about, "Qt")
    text = about.licence_text()
    assert "you may replace them with your own build" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007" in text
    assert "is not included" not in text


def test_the_program_is_shown_first_with_its_notice(about: AboutDialog) -> None:
    text = about.licence_text()
    assert text.startswith("counselor-app\n")
    assert "Licence: GPL-3.0-or-later" in text
    assert "WITHOUT ANY WARRANTY" in text
    assert "https://www.gnu.org/licenses/gpl-3.0.html" in text


def test_licence_text_of_an_installed_distribution(about: AboutDialog, keyboard: Keyboard) -> None:
    _select_by_typing(keyboard, about, "platformdirs")
    text = about.licence_text()
    assert text.startswith("platformdirs\n")
    assert "Licence: MIT" in text
    assert "Permission is hereby granted, free of charge" in text
    assert "is not included" not in text


def test_qt_shows_the_lgpl_notice_and_where_to_read_the_licence(
    about: AboutDialog, keyboard: Keyboard
) -> None:
    _select_by_typing(keyboard, about, "Qt")
    text = about.licence_text()
    assert text.startswith("Qt\n")
    assert "Licence: LGPL-3.0-only" in text
    assert "you may replace them with your own build" in text
    assert "https://download.qt.io/" in text
    assert (
        "The full text of this licence is not included in this copy of the program. "
        "It can be read at https://www.gnu.org/licenses/lgpl-3.0.html"
    ) in text


def test_the_fallback_for_a_component_without_an_installed_distribution(
    qtbot: QtBot, session: Session, keyboard: Keyboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(licences, "COMPONENTS", (*licences.COMPONENTS, MISSING))
    dialog = AboutDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _rows(dialog)[-1] == ("Missing component", "MIT", "unknown")
    _select_by_typing(keyboard, dialog, "Missing")
    text = dialog.licence_text()
    assert text.startswith("Missing component\n")
    assert "It can be read at https://example.org/licence" in text
    assert text.endswith("MIT\nhttps://example.org/licence\nhttps://example.org/")


def test_openssl_says_where_it_is_built_in(about: AboutDialog) -> None:
    about.select("openssl")
    text = about.licence_text()
    assert "Built into: cryptography, sqlcipher3" in text
    assert "Apache License" in text


# Copy


def test_copy_puts_the_version_lines_on_the_clipboard(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    keyboard.press(Qt.Key.Key_F1)
    dialog = _shown(qtbot, window)
    keyboard.wait_focus(dialog.versions)
    keyboard.alt(Qt.Key.Key_P)
    copied = QGuiApplication.clipboard().text()
    assert copied == "\n".join(dialog.version_lines())
    assert copied.startswith(f"counselor-app {__version__}\nVault format: ")
    assert dialog.notice.text() == "The version information was copied to the clipboard."
    assert dialog.isVisible()


# Keyboard and screen readers


def test_every_part_has_an_accessible_name_and_a_unique_mnemonic(about: AboutDialog) -> None:
    assert unnamed_inputs(about) == []
    keys = mnemonics(about)
    assert sorted(keys) == ["c", "l", "m", "p", "v"]


def test_tab_goes_through_the_parts_in_order(about: AboutDialog, keyboard: Keyboard) -> None:
    expected = [
        about.versions,
        about.components,
        about.licence,
        about.copy_button,
        about.close_button,
        about.versions,
    ]
    keyboard.wait_focus(expected[0])
    for widget in expected[1:]:
        keyboard.press(Qt.Key.Key_Tab)
        keyboard.wait_focus(widget)


def test_arrows_move_through_the_components(about: AboutDialog, keyboard: Keyboard) -> None:
    keyboard.alt(Qt.Key.Key_M)
    keyboard.wait_focus(about.components)
    keyboard.press(Qt.Key.Key_Down)
    assert about.licence_text().startswith("Qt\n")
    keyboard.press(Qt.Key.Key_End)
    assert about.licence_text().startswith("DejaVu fonts\n")
    keyboard.alt(Qt.Key.Key_L)
    keyboard.wait_focus(about.licence)
