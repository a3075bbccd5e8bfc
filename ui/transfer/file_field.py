"""A file path typed in a line, or chosen with Browse… in Qt's own file dialog."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QDir, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QWidget

from ui.fields import button, text_field

JSONL_SUFFIX = "jsonl"


class Mode(Enum):
    OPEN = "open"
    SAVE = "save"


class FileField(QWidget):
    """Emits ``chosen(path)`` when a file is picked in the file dialog.

    The file dialog is Qt's own (never the platform's), the same everywhere.
    """

    chosen = Signal(str)

    def __init__(self, mode: Mode, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_row")
        self.mode = mode
        self.edit: QLineEdit = text_field(name, self)
        self.browse_button = button(self.tr("&Browse…"), f"{name}_browse", self)
        self.browse_button.clicked.connect(self.browse)
        self.browser: QFileDialog | None = None
        self.suggested_name = ""
        self.folder: Path | None = None  # where Browse… starts when no path is given
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text().strip()

    def path(self) -> Path | None:
        """The path typed or chosen, with ``~`` expanded; None when empty."""
        text = self.text()
        return Path(text).expanduser() if text else None

    def setAccessibleName(self, name: str) -> None:
        """The label names the line where the path is typed."""
        self.edit.setAccessibleName(name)

    def browse(self) -> QFileDialog:
        current = self.path()
        if current is not None:
            folder = str(current.parent)
        else:
            folder = str(self.folder) if self.folder is not None else QDir.homePath()
        dialog = QFileDialog(self, self.tr("Choose a file"), folder)
        dialog.setObjectName("file_dialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilters([self.tr("Record files (*.jsonl)"), self.tr("All files (*)")])
        dialog.setDefaultSuffix(JSONL_SUFFIX)
        if self.mode is Mode.SAVE:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            name = current.name if current is not None else self.suggested_name
            if name:
                dialog.selectFile(name)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            if current is not None:
                dialog.selectFile(current.name)
        dialog.fileSelected.connect(self._picked)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.browser = dialog
        dialog.open()
        return dialog

    def _picked(self, path: str) -> None:
        self.edit.setText(path)
        self.chosen.emit(path)

    def _closed(self, dialog: QFileDialog) -> None:
        if self.browser is dialog:
            self.browser = None
        dialog.deleteLater()
        self.window().activateWindow()
        self.edit.setFocus()
