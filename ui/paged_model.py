"""A read-only table read a page at a time, never all at once (the call list, the audit trail).

Pages follow each other by key: a subclass says how to read the rows after a key
(``read_page``), what a row's key is (``key_of``), how to word a failure
(``describe``) and the columns' titles (``title``). The first page is read when the
filter is set; the view asks for the next ones as the person scrolls.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ui.errors import FAILURES

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """``failed(message)`` tells that a page could not be read (the message is translated)."""

    failed = Signal(str)
    columns: type[IntEnum]

    def __init__(self, filters: Any, page_size: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._filter = filters
        self._rows: list[Any] = []
        self._more = False
        self._fetching = False
        self.error: str | None = None  # why the last page could not be read

    # What a subclass says

    def read_page(self, after: Any, limit: int) -> list[Any]:
        raise NotImplementedError

    def key_of(self, row: Any) -> Any:
        raise NotImplementedError

    def describe(self, exc: Exception) -> str:
        raise NotImplementedError

    def title(self, column: Any) -> str:
        raise NotImplementedError

    # Loading

    def set_filter(self, filters: Any) -> None:
        """Show the rows of ``filters`` from the first page."""
        self._fetching = True
        try:
            self.beginResetModel()
            self._filter = filters
            self._load_first_page()
            self.endResetModel()
        finally:
            self._fetching = False

    def refresh(self) -> None:
        """Read the list again (after something was saved, changed or deleted)."""
        self.set_filter(self._filter)

    def _page(self, after: Any) -> list[Any] | None:
        """One more row than a page, to know whether another page follows."""
        try:
            rows = self.read_page(after, self._page_size + 1)
        except FAILURES as exc:
            self.error = self.describe(exc)
            self.failed.emit(self.error)
            return None
        self.error = None
        return rows

    def _load_first_page(self) -> None:
        rows = self._page(None) or []
        self._more = len(rows) > self._page_size
        self._rows = rows[: self._page_size]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        # Slots connected to the model's signals may ask for more while a page or a
        # reset is being announced: the next page only once that change is complete.
        if parent.isValid() or not self._more or self._fetching:
            return
        self._fetching = True
        try:
            self._fetch_next()
        finally:
            self._fetching = False

    def _fetch_next(self) -> None:
        rows = self._page(self.key_of(self._rows[-1]) if self._rows else None)
        if rows is None:
            self._more = False
            return
        self._more = len(rows) > self._page_size
        rows = rows[: self._page_size]
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # Reading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return super().headerData(section, orientation, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.title(self.columns(section))
        return None
