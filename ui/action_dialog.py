"""The shape shared by the small dialogs: fields, a message area, two buttons.

The main button runs one core operation (:meth:`ActionDialog.perform`). A refusal
(a core error, a file problem, or a check made here) is shown inside the dialog,
which stays open; success closes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import FAILURES, describe_failure
from ui.fields import button, chain_tab_order
from ui.notice import Notice

MIN_WIDTH = 420


class Refusal(Exception):
    """A check made in the window failed; ``message`` is already translated."""

    def __init__(self, message: str, focus: QWidget | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.focus = focus


@contextmanager
def busy() -> Iterator[None]:
    """Show a wait cursor while the key derivation or a rekey runs."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class ActionDialog(QDialog):
    """Subclasses add rows to ``form``, call :meth:`add_buttons` and implement ``perform``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.form)
        self.notice = Notice(self)
        layout.addWidget(self.notice)
        self.button_box = QDialogButtonBox(self)
        layout.addWidget(self.button_box)
        self.ok_button: QPushButton | None = None
        self.cancel_button: QPushButton | None = None

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_hint(self, text: str, field: QWidget) -> QLabel:
        """A line of help under ``field`` (the row above); screen readers read it with it."""
        hint = QLabel(text, self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        field.setAccessibleDescription(text)
        return hint

    def add_buttons(self, ok_text: str, cancel_text: str) -> None:
        self.ok_button = button(ok_text, "ok", self)
        self.ok_button.setDefault(True)
        self.cancel_button = button(cancel_text, "cancel", self)
        self.button_box.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.button_box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

    def fields_in_tab_order(self) -> list[QWidget]:
        """The inputs, first to last; the buttons follow them."""
        fields: list[QWidget] = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                fields.append(widget)
        return fields

    def set_tab_order(self) -> None:
        chain = [*self.fields_in_tab_order(), self.ok_button, self.cancel_button]
        widgets = [w for w in chain if w is not None]
        chain_tab_order(widgets)
        if widgets:
            widgets[0].setFocus()

    def perform(self) -> None:
        """Run the operation; raise one of the FAILURES, or a Refusal, to refuse it."""
        raise NotImplementedError

    def after_refusal(self, error: Exception) -> QWidget | None:
        """Called after any refusal: tidy the fields, return the one to focus."""
        return None

    def message_for(self, exc: Exception) -> str:
        return describe_failure(exc)

    def accept(self) -> None:
        self.notice.clear()
        try:
            with busy():
                self.perform()
        except Refusal as refusal:
            self.refuse(refusal.message, refusal, refusal.focus)
        except FAILURES as exc:
            self.refuse(self.message_for(exc), exc)
        else:
            super().accept()
            self.after_success()

    def after_success(self) -> None:
        """Called once the operation succeeded and the dialog has closed."""

    def refuse(self, message: str, error: Exception, focus: QWidget | None = None) -> None:
        fallback = self.after_refusal(error)
        target = focus if focus is not None else fallback
        self.notice.show_error(message)
        self.adjustSize()  # make room for the message
        if target is not None:
            target.setFocus()
            if isinstance(target, QLineEdit):
                target.selectAll()


def check_same(first: QLineEdit, second: QLineEdit) -> None:
    """Refuse (and clear both fields) when a password and its confirmation differ."""
    if first.text() != second.text():
        first.clear()
        second.clear()
        raise Refusal(
            QCoreApplication.translate("ActionDialog", "The two passwords are not the same."),
            first,
        )


def password_hint(minimum: int) -> str:
    return QCoreApplication.translate("ActionDialog", "At least {minimum} characters.").format(
        minimum=minimum
    )
