"""A message shown inside a dialog: words and an icon, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

ICON_SIZE = 24


class Notice(QFrame):
    """A framed line of text with a warning or information icon; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._icon = QLabel(self)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = QLabel(self)
        self._text.setObjectName("notice_text")
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self.hide()

    def text(self) -> str:
        return "" if self.isHidden() else self._text.text()

    def show_error(self, message: str) -> None:
        self._show(QStyle.StandardPixmap.SP_MessageBoxWarning, message, alert=True)

    def show_info(self, message: str) -> None:
        self._show(QStyle.StandardPixmap.SP_MessageBoxInformation, message, alert=False)

    def clear(self) -> None:
        self._text.clear()
        self.hide()

    def _show(self, icon: QStyle.StandardPixmap, message: str, *, alert: bool) -> None:
        self._icon.setPixmap(self.style().standardIcon(icon).pixmap(ICON_SIZE, ICON_SIZE))
        kind = (
            QCoreApplication.translate("Notice", "Problem")
            if alert
            else QCoreApplication.translate("Notice", "Information")
        )
        self._icon.setAccessibleName(kind)
        self._text.setText(message)
        self._text.setAccessibleName(message)
        self.show()
        if alert:
            # Screen readers announce the message without the focus moving to it.
            QAccessible.updateAccessibility(QAccessibleEvent(self._text, QAccessible.Event.Alert))
