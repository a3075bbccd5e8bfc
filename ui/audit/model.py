"""The entries of the audit trail that a filter finds, fetched a page at a time.

Pages follow each other by entry number, newest first: each is one range of the
table's key however far down the list it is. The first page is read when the filter
is set; the view asks for the next ones as the person scrolls.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt

from counselor_app import audit_view
from counselor_app.audit_view import AuditFilter, AuditRow
from counselor_app.vault import Session
from ui.audit import wording
from ui.paged_model import Index, PagedTableModel


class Column(IntEnum):
    NUMBER = 0
    TIME = 1
    USER = 2
    ACTION = 3
    RECORD = 4
    OUTCOME = 5
    DETAIL = 6


class AuditModel(PagedTableModel):
    """Rows of :class:`AuditRow`, read-only, newest first."""

    columns = Column

    def __init__(
        self,
        session: Session,
        locale: QLocale,
        filters: AuditFilter | None = None,
        *,
        page_size: int = audit_view.PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(filters if filters is not None else AuditFilter(), page_size, parent)
        self._session = session
        self._locale = locale
        self._names = wording.action_names()
        self._load_first_page()

    @property
    def filters(self) -> AuditFilter:
        found: AuditFilter = self._filter
        return found

    def read_page(self, after: Any, limit: int) -> list[Any]:
        return audit_view.page(self._session, self._filter, before=after, limit=limit)

    def key_of(self, row: Any) -> Any:
        return row.id

    def describe(self, exc: Exception) -> str:
        return wording.describe(exc)

    def entry(self, row: int) -> AuditRow:
        found: AuditRow = self._rows[row]
        return found

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
