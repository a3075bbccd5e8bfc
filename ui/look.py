"""A calm, readable look: the system's font and colours, at a comfortable size."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

# Counselors read the screen for hours, often at night: never smaller than this.
COMFORTABLE_POINT_SIZE = 11.0


def apply(app: QApplication) -> None:
    font = app.font()
    if 0 < font.pointSizeF() < COMFORTABLE_POINT_SIZE:
        font.setPointSizeF(COMFORTABLE_POINT_SIZE)
        app.setFont(font)
