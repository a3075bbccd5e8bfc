"""File > Workstations… on the consolidation vault: for supervisors and admins, reached
by keyboard, every part named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.vault import Session, open_vault
from tests.integration.bundle_support import PASSWORD, Org
from tests.ui.access import mnemonics, unnamed_inputs
from tests.ui.bundle_hub import open_hub, show_dialog
from tests.ui.driving import COUNSELOR, Keyboard
from ui.bundles.workstations import WorkstationsDialog
from ui.main_window import MainWindow


@pytest.fixture
def org(tmp_path: Path) -> Org:
    return Org(tmp_path / "org")


@pytest.fixture
def hub(tmp_path: Path, org: Org) -> Iterator[Session]:
    with open_hub(tmp_path, org) as session:
        yield session


@pytest.fixture
def dialog(qtbot: QtBot, hub: Session) -> WorkstationsDialog:
    return show_dialog(qtbot, hub)


def test_supervisors_find_it_in_the_file_menu(qtbot: QtBot, hub: Session) -> None:
    window = MainWindow(hub)
    qtbot.addWidget(window)
    action = window.bundles.workstations_action
    assert action in window.file_menu.actions()
    assert action.isVisible() and action.isEnabled()
    assert action.text() == "&Workstations…"
    window.discard()


def test_counselors_do_not_get_it(qtbot: QtBot, tmp_path: Path, hub: Session) -> None:
    with open_vault(tmp_path / "consolidation", COUNSELOR, PASSWORD, Settings()) as session:
        window = MainWindow(session)
        qtbot.addWidget(window)
        action = window.bundles.workstations_action
        assert not action.isVisible() and not action.isEnabled()
        shown = [a for a in window.file_menu.actions() if a.isVisible() and not a.isSeparator()]
        assert shown == [
            window.lock_action,
            window.quit_action,
        ]
        assert window.bundles.show_workstations() is None
        window.discard()


def test_alt_f_then_w_opens_the_dialog_and_escape_closes_it(
    qtbot: QtBot, hub: Session, keyboard: Keyboard
) -> None:
    window = MainWindow(hub)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    keyboard.press(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu is window.file_menu
    QTest.keyClick(menu, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: window.findChild(WorkstationsDialog) is not None)
    dialog = window.findChild(WorkstationsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    keyboard.wait_focus(dialog.table)
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.discard()


def test_every_part_is_named_and_reached_by_keyboard(
    dialog: WorkstationsDialog, keyboard: Keyboard
) -> None:
    assert unnamed_inputs(dialog) == []
    dialog.summary_label.show()
    dialog.summary.show()
    keys = mnemonics(dialog)
    assert sorted(keys) == ["c", "i", "r", "w"]
    expected = [dialog.table, dialog.summary, dialog.import_button, dialog.close_button]
    keyboard.wait_focus(expected[0])
    for widget in [*expected[1:], expected[0]]:
        keyboard.press(Qt.Key.Key_Tab)
        keyboard.wait_focus(widget)
