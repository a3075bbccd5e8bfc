"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 on Python 3.11 drops a reference to ``True`` at each ``emit()`` and
to ``None`` at each Python slot or event handler called by Qt: after a few thousand
key presses the program aborts ("deallocating None"). The intake calls these on
every key, so this is checked here, where a wrong pin would show at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

CALLS = 100
SLACK = 20  # unrelated objects may come and go; the bug loses one reference a call


class Emitter(QObject):
    fired = Signal()


class KeyTaker(QWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()


def _lost(obj: object, action: Callable[[], object]) -> int:
    action()
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()
    return before - sys.getrefcount(obj)


def test_emit_keeps_true_alive() -> None:
    emitter = Emitter()
    emitter.fired.connect(lambda: None)
    assert _lost(True, emitter.fired.emit) < SLACK


def test_slots_called_by_qt_keep_none_alive(qtbot: QtBot) -> None:
    line = QLineEdit()
    qtbot.addWidget(line)
    line.textChanged.connect(lambda _text: None)
    assert _lost(None, lambda: line.setText(line.text() + "a")) < SLACK


def test_event_handlers_keep_none_alive(qtbot: QtBot) -> None:
    widget = KeyTaker()
    qtbot.addWidget(widget)
    assert _lost(None, lambda: QTest.keyClick(widget, Qt.Key.Key_A)) < SLACK
