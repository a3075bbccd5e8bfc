"""Text copied from the program leaves the clipboard after 20 seconds.

Whatever the program puts on the clipboard (a copied answer, a note, a record id)
is marked as sensitive for clipboard managers (the KDE and Windows hints), and
cleared after 20 seconds if it is still the program's own. Text copied from
other programs is never touched.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 20_000
OURS = "application/x-counselor-app"  # set on what this program put there
SENSITIVE = {
    "x-kde-passwordManagerHint": b"secret",  # KDE Klipper and others: do not keep
    "ExcludeClipboardContentFromMonitorProcessing": b"\x01\x00\x00\x00",  # Windows
}


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None, *, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear)
        self._marking = False
        self.clipboard().dataChanged.connect(self._changed)

    @staticmethod
    def clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    @staticmethod
    def _copied_here(board: QClipboard) -> bool:
        # Without a window system (offscreen, minimal) no other program shares the
        # clipboard, and Qt does not report owning it.
        alone = QGuiApplication.platformName() in ("offscreen", "minimal")
        return board.ownsClipboard() or alone

    def _ours(self) -> bool:
        data = self.clipboard().mimeData()
        return data is not None and data.hasFormat(OURS)

    def _changed(self) -> None:
        if self._marking:
            return
        board = self.clipboard()
        if not self._copied_here(board):
            self.timer.stop()  # someone else's now: not ours to clear
            return
        source = board.mimeData()
        if source is not None and not source.hasFormat(OURS):
            marked = QMimeData()
            for form in source.formats():
                marked.setData(form, source.data(form))
            for form, value in {**SENSITIVE, OURS: b"1"}.items():
                marked.setData(form, value)
            self._marking = True
            try:
                board.setMimeData(marked)
            finally:
                self._marking = False
        self.timer.start()

    def clear(self) -> None:
        if self._ours():
            self.clipboard().clear()

    def detach(self) -> None:
        self.timer.stop()
        self.clipboard().dataChanged.disconnect(self._changed)
