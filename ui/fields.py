"""Building blocks for the dialogs' inputs, labels and buttons.

Every input gets an object name (for tests and style) and an accessible name
taken from its visible label, so a screen reader says what the field is for.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

_TRAILING = " :\u00a0\u202f…"


def plain(text: str) -> str:
    """A label without its mnemonic marker and trailing colon or ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(_TRAILING)


def text_field(name: str, parent: QWidget | None = None) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    return field


def password_field(name: str, parent: QWidget | None = None) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhNoAutoUppercase
    )
    return field


def add_row(form: QFormLayout, label_text: str, field: QWidget) -> QLabel:
    """Add ``field`` under a label whose mnemonic moves the focus to it."""
    label = QLabel(label_text)
    label.setBuddy(field)
    field.setAccessibleName(plain(label_text))
    form.addRow(label, field)
    return label


def button(text: str, name: str, parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleName(plain(text))
    widget.setAutoDefault(False)
    return widget


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab moves through ``widgets`` in this order."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
