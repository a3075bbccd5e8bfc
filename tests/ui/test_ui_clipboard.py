"""What the program copies is marked sensitive and leaves the clipboard after a while."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.driving import COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from ui.clipboard import CLEAR_AFTER_MS, SENSITIVE, ClipboardGuard
from ui.controller import AppController


@pytest.fixture
def guard(qapp: QApplication) -> Iterator[ClipboardGuard]:
    made = ClipboardGuard(clear_after_ms=200)
    yield made
    made.detach()
    QGuiApplication.clipboard().clear()


def test_copied_text_is_marked_then_cleared(qtbot: QtBot, guard: ClipboardGuard) -> None:
    assert CLEAR_AFTER_MS == 20_000
    board = QGuiApplication.clipboard()
    board.setText("victime : 35 ans")
    data = board.mimeData()
    assert data is not None and board.text() == "victime : 35 ans"
    for form in SENSITIVE:
        assert data.hasFormat(form), form
    assert guard.timer.isActive()
    qtbot.waitUntil(lambda: board.text() == "", timeout=3000)


def test_a_new_copy_starts_the_count_again(qtbot: QtBot, guard: ClipboardGuard) -> None:
    board = QGuiApplication.clipboard()
    board.setText("first")
    guard.timer.stop()
    board.setText("second")
    assert guard.timer.isActive() and board.text() == "second"


def test_what_another_program_copied_is_left_alone(qtbot: QtBot, guard: ClipboardGuard) -> None:
    board = QGuiApplication.clipboard()
    board.setText("ours")
    foreign = QMimeData()
    foreign.setText("someone else's")
    guard._marking = True  # as if it came from elsewhere: not marked by us
    try:
        board.setMimeData(foreign)
    finally:
        guard._marking = False
    guard.clear()
    assert board.text() == "someone else's"


def test_locking_clears_what_was_copied(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    login(COUNSELOR, COUNSELOR_PASSWORD)
    QGuiApplication.clipboard().setText("Gironde, 25 à 34 ans")
    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == ""
