"""Checks shared by the accessibility tests of the call list and the transfer dialogs."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

MNEMONIC = re.compile(r"&([^&])")
INPUTS = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView, QAbstractSpinBox, QTextEdit)


def unnamed_inputs(widget: QWidget) -> list[str]:
    """Inputs and buttons without an accessible name (Qt's own inner widgets aside)."""
    missing = []
    for kind in INPUTS:
        for child in widget.findChildren(kind):
            if not _inside_an_input(child, widget) and not child.accessibleName().strip():
                missing.append(f"{type(child).__name__} {child.objectName()!r}")
    return missing


def _inside_an_input(child: QWidget, top: QWidget) -> bool:
    """Part of another input (a combo box's list, a date's calendar, a spin box's line)."""
    parent = child.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, INPUTS):
            return True
        parent = parent.parentWidget()
    return False


def mnemonics(widget: QWidget) -> list[str]:
    """The mnemonic letters of the buttons and of the labels that lead to a field."""
    texts = [b.text() for b in widget.findChildren(QAbstractButton) if b.text()]
    texts += [label.text() for label in widget.findChildren(QLabel) if label.buddy() is not None]
    keys = []
    for text in texts:
        match = MNEMONIC.search(text)
        assert match is not None, f"no mnemonic in {text!r}"
        keys.append(match.group(1).casefold())
    return keys
