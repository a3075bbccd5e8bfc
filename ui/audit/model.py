"""The entries of the audit trail that a filter finds, fetched a page at a time.

Pages follow each other by entry number, newest first: each is one range of the
table's key however far down the list it is. The first page is read when the filter
is set; the view asks for the next ones as the person scrolls.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from counselor_app import audit_view
from counselor_app.audit_view import AuditFilter, AuditRow
from counselor_app.vault import Session
from ui.audit import wording
from ui.errors import FAILURES

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    TIME = 1
    USER = 2
    ACTION = 3
    RECORD = 4
    OUTCOME = 5
    DETAIL = 6


class AuditModel(QAbstractTableModel):
    """Rows of :class:`AuditRow`, read-only.

    ``failed(message)`` tells that a page could not be read (the message is translated).
    """

    failed = Signal(str)

    def __init__(
        self,
        session: Session,
        locale: QLocale,
        filters: AuditFilter | None = None,
        *,
        page_size: int = audit_view.PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._locale = locale
        self._page_size = page_size
        self._filter = filters if filters is not None else AuditFilter()
        self._names = wording.action_names()
        self._rows: list[AuditRow] = []
        self._more = False
        self._fetching = False
        self.error: str | None = None  # why the last page could not be read
        self._load_first_page()

    # Loading

    @property
    def filters(self) -> AuditFilter:
        return self._filter

    def set_filter(self, filters: AuditFilter) -> None:
        """Show the entries of ``filters`` from the first page."""
        self._fetching = True
        try:
            self.beginResetModel()
            self._filter = filters
            self._load_first_page()
            self.endResetModel()
        finally:
            self._fetching = False

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def _page(self, before: int | None) -> list[AuditRow] | None:
        """One more row than a page, to know whether another page follows."""
        try:
            rows = audit_view.page(
                self._session, self._filter, before=before, limit=self._page_size + 1
            )
        except FAILURES as exc:
            self.error = wording.describe(exc)
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
        # Asked again while a page or a reset is being announced: wait until it is done.
        if parent.isValid() or not self._more or self._fetching:
            return
        self._fetching = True
        try:
            rows = self._page(self._rows[-1].id if self._rows else None)
            if rows is None:
                self._more = False
                return
            self._more = len(rows) > self._page_size
            rows = rows[: self._page_size]
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        finally:
            self._fetching = False

    # Reading

    def entry(self, row: int) -> AuditRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return super().headerData(section, orientation, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.title(Column(section))
        return None

    def title(self, column: Column) -> str:
        return {
            Column.NUMBER: self.tr("No."),
            Column.TIME: self.tr("Date and time"),
            Column.USER: self.tr("User"),
            Column.ACTION: self.tr("Action"),
            Column.RECORD: self.tr("Record"),
            Column.OUTCOME: self.tr("Outcome"),
            Column.DETAIL: self.tr("Detail"),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column is Column.TIME:
                return wording.spoken_time(row.moment, row.at, self._locale)
            text = self.text(row, column)
            if text or role == Qt.ItemDataRole.ToolTipRole:
                return text or None
            return self.tr("Empty")  # said by screen readers, never a silent cell
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, row: AuditRow, column: Column) -> str:
        if column is Column.NUMBER:
            return str(row.id)
        if column is Column.TIME:
            return wording.local_time(row.moment, row.at)
        if column is Column.USER:
            return row.user
        if column is Column.ACTION:
            return wording.action_name(row.action, self._names)
        if column is Column.RECORD:
            return row.record_id or ""
        if column is Column.OUTCOME:
            return wording.outcome_name(row.outcome)
        return row.detail or ""
