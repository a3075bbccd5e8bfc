"""The intake's keys, and buttons that show their key: ``Ctrl+S  Save``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

SAVE_KEY = QKeySequence("Ctrl+S")
DISCARD_KEY = QKeySequence(Qt.Key.Key_Escape)
MASK_KEY = QKeySequence("Ctrl+M")
MASK_ALL_KEY = QKeySequence("Ctrl+Shift+M")
NEXT_SECTION_KEY = QKeySequence("Ctrl+PgDown")
PREVIOUS_SECTION_KEY = QKeySequence("Ctrl+PgUp")


def key_text(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.NativeText)


def key_button(text: str, name: str, key: QKeySequence, parent: QWidget) -> QPushButton:
    """A button labelled with its key, then ``text`` (its accessible name)."""
    widget = QPushButton(f"{key_text(key)}  {text}", parent)
    widget.setObjectName(name)
    widget.setAccessibleName(text)
    widget.setAutoDefault(False)
    return widget


def shortcut(owner: QWidget, key: QKeySequence, slot: Callable[[], object]) -> QAction:
    """``key`` runs ``slot`` while the focus is anywhere inside ``owner``."""
    action = QAction(owner)
    action.setShortcut(key)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    owner.addAction(action)
    return action
