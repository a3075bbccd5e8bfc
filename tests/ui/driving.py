"""How the window tests drive the program: by keyboard, as a counselor would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from ui.controller import AppController
from ui.main_window import MainWindow

ADMIN = "admin"
ADMIN_PASSWORD = "admin-password-1"
COUNSELOR = "camille"
COUNSELOR_PASSWORD = "camille-password-1"
MIN_LENGTH = 10


def gone(widget: QWidget) -> bool:
    """The widget is hidden, or already deleted."""
    return not isValid(widget) or not widget.isVisible()


class Keyboard:
    """Types into whatever has the keyboard focus, as a person would."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def focus(self) -> QWidget:
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def wait_focus(self, widget: QWidget | None) -> None:
        assert widget is not None, "no such widget"
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)

    def type(self, text: str) -> None:
        target = self.focus()
        if text.isascii():
            QTest.keyClicks(target, text)
            return
        # QTest cannot type non-ASCII characters: send the key events with their text.
        for char in text:
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                QCoreApplication.sendEvent(target, event)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(self.focus(), key, modifier)

    def alt(self, key: Qt.Key) -> None:
        """Press a mnemonic (Alt + the underlined letter) and let its button act.

        A button's mnemonic clicks it with a short animation: wait until it is up again.
        """
        self.press(key, Qt.KeyboardModifier.AltModifier)
        self.qtbot.waitUntil(
            lambda: (
                not any(
                    isinstance(w, QAbstractButton) and w.isDown() for w in QApplication.allWidgets()
                )
            )
        )

    def fill(self, *texts: str) -> None:
        """Type each text into a field, pressing Tab between them."""
        for index, text in enumerate(texts):
            if index:
                self.press(Qt.Key.Key_Tab)
            self.type(text)


class Login:
    """Logs in through the controller's login dialog, by keyboard."""

    def __init__(self, qtbot: QtBot, keyboard: Keyboard, controller: AppController) -> None:
        self.qtbot = qtbot
        self.keyboard = keyboard
        self.controller = controller

    def type(self, name: str, password: str) -> None:
        """Type the name, Tab, the password, Enter: as at the workstation."""
        dialog = self.controller.dialog
        assert dialog is not None
        self.keyboard.wait_focus(dialog.findChild(QWidget, "username"))
        self.keyboard.fill(name, password)
        self.keyboard.press(Qt.Key.Key_Return)

    def __call__(self, name: str, password: str) -> MainWindow:
        self.type(name, password)
        window = self.controller.window
        assert window is not None, "the main window did not open"
        self.qtbot.waitExposed(window)
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window


def answer_next_box(act: Callable[[QMessageBox], None]) -> list[str]:
    """Run ``act`` on the next message box once it is active, from inside its event loop.

    If it never becomes active, the box is closed unanswered so the test fails, not hangs.
    """
    seen: list[str] = []
    tries = iter(range(300))

    def attempt() -> None:
        box = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            ),
            None,
        )
        if box is not None and box.isActiveWindow():
            seen.append(box.text())
            act(box)
        elif next(tries, None) is not None:
            QTimer.singleShot(10, attempt)
        elif box is not None:
            box.done(0)

    QTimer.singleShot(0, attempt)
    return seen
