"""Helpers for the lock tests: reaching the note, and looking for what a lock left on screen."""

from __future__ import annotations

import gc
import secrets
import string
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.ui.driving import Keyboard
from ui.audit.dialog import AuditDialog
from ui.call_list.delete_dialog import DeleteRecordDialog
from ui.call_list.record_dialog import RecordDialog
from ui.call_list.view import CallListView
from ui.intake.area import IntakeArea
from ui.intake.form_view import FormView
from ui.intake.intake import Intake
from ui.intake.note_editor import NoteEditor
from ui.main_window import MainWindow
from ui.paged_model import PagedTableModel
from ui.password_dialog import ChangePasswordDialog
from ui.reports.dialog import ReportsDialog
from ui.transfer.transfer_dialog import TransferDialog
from ui.users_dialog import UsersDialog

# What shows records, or belongs to a session: none may outlive a lock.
SESSION_WIDGETS: tuple[type[QWidget], ...] = (
    MainWindow,
    IntakeArea,
    Intake,
    FormView,
    NoteEditor,
    CallListView,
    RecordDialog,
    DeleteRecordDialog,
    ReportsDialog,
    AuditDialog,
    UsersDialog,
    TransferDialog,
    ChangePasswordDialog,
)
# Models hold rows of records too; they are not widgets.
SESSION_MODELS: tuple[type[QAbstractItemModel], ...] = (PagedTableModel,)
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.StatusTipRole,
)


def marker() -> str:
    return "zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(14))


def to_note(keyboard: Keyboard, intake: Intake) -> NoteEditor:
    """A relative calling for information, by phone: answered up to the note."""
    keyboard.fill("2", "1")
    note = intake.form_view.rows["note"].input
    assert isinstance(note, NoteEditor)
    for _ in range(10):
        if keyboard.focus() is note:
            break
        if keyboard.focus() is intake.form_view.rows["reason"].input:
            keyboard.type("8")  # information
        if keyboard.focus() is intake.form_view.rows["response"].input:
            keyboard.type(" ")  # listening
        keyboard.press(Qt.Key.Key_Tab)
    keyboard.wait_focus(note)
    return note


def settle(qtbot: QtBot) -> None:
    """Let what the lock closed be deleted (``deleteLater``), as the event loop would."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(20)


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every text of every index of ``model`` (its children too), in the roles shown.

    Indexes are walked until an invalid one: some models keep their counts private.
    """
    parent = parent if parent is not None else QModelIndex()
    texts: list[str] = []
    row = 0
    while (first := model.index(row, 0, parent)).isValid():
        column = 0
        while (index := model.index(row, column, parent)).isValid():
            texts += [str(v) for role in ROLES if (v := model.data(index, role)) is not None]
            column += 1
        if model.index(0, 0, first).isValid():  # a tree's children
            texts += model_texts(model, first)
        row += 1
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """What ``widget`` shows or says to a screen reader."""
    texts = [
        widget.windowTitle(),
        widget.toolTip(),
        widget.statusTip(),
        widget.whatsThis(),
        widget.accessibleName(),
        widget.accessibleDescription(),
    ]
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        texts.append(widget.text())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QMessageBox):
        texts += [widget.text(), widget.informativeText(), widget.detailedText()]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts += model_texts(widget.model())
    return texts


def leftovers(markers: Iterable[str]) -> list[str]:
    """Widgets of a session still alive, and any widget still showing a marker."""
    markers = list(markers)
    found: list[str] = []
    for widget in QApplication.allWidgets():
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, SESSION_WIDGETS):
            found.append(f"{name} is still alive")
        for text in widget_texts(widget):
            found += [f"{name} shows {m}" for m in markers if m in text]
    # Models that Python still holds, behind the widgets' back.
    found += [
        f"{type(item).__name__} is still alive"
        for item in gc.get_objects()
        if isinstance(item, SESSION_MODELS) and isValid(item)
    ]
    clipboard = QGuiApplication.clipboard().text()
    found += [f"the clipboard holds {m}" for m in markers if m in clipboard]
    return found


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]
