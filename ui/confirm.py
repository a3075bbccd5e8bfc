"""Asking before an action that cannot be undone.

Callers use ``confirm.ask(...)`` through the module so a test can replace it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.fields import plain


def build(parent: QWidget, title: str, text: str, action: str) -> QMessageBox:
    """A question whose safe answer (Cancel) is the default and the Escape answer."""
    box = QMessageBox(parent)
    box.setObjectName("confirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirm_yes")
    yes.setAccessibleName(plain(action))
    cancel_text = QCoreApplication.translate("Confirm", "&Cancel")
    no = box.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
    no.setObjectName("confirm_no")
    no.setAccessibleName(plain(cancel_text))
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    return box


def ask(parent: QWidget, title: str, text: str, action: str) -> bool:
    """True when the person chose ``action`` (a button text with its mnemonic)."""
    box = build(parent, title, text, action)
    box.exec()
    return box.clickedButton() is box.findChild(QWidget, "confirm_yes")
