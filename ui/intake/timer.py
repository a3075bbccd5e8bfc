"""The call timer: started with the call, stopped when it is saved, shown as mm:ss."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

TICK_MS = 500


def now() -> datetime:
    return datetime.now(UTC)


def clock(seconds: int) -> str:
    """``mm:ss``, or ``h:mm:ss`` from one hour."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class CallTimer(QLabel):
    """Counts from ``started_at`` (kept across a draft) until :meth:`stop`."""

    def __init__(self, started_at: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("call_timer")
        self.setAccessibleName(self.tr("Call duration"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.setFont(font)
        self.started_at = started_at
        self.ended_at: datetime | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.refresh)
        self._ticker.start()
        self.refresh()

    @property
    def running(self) -> bool:
        return self.ended_at is None

    def seconds(self) -> int:
        end = self.ended_at if self.ended_at is not None else now()
        return int((end - self.started_at).total_seconds())

    def refresh(self) -> None:
        self.setText(clock(self.seconds()))

    def stop(self, at: datetime | None = None) -> datetime:
        """Stop counting; return the end time."""
        if self.ended_at is None:
            self.ended_at = max(at or now(), self.started_at)
        self._ticker.stop()
        self.refresh()
        return self.ended_at
