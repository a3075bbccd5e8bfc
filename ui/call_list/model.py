"""The calls of a filter, as a table fetched a page at a time (never all at once).

Pages follow each other by key (start time, then row id): a page is one indexed
range query however far down the list it is. The first page is read when the
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

from counselor_app import records
from counselor_app.forms.catalogue import default_form
from counselor_app.forms.definition import FormDefinition
from counselor_app.store.listing import ListFilter, ListRow
from counselor_app.vault import Session
from ui.call_list import display
from ui.errors import FAILURES, describe_failure

PAGE_SIZE = 200
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    STARTED = 0
    DURATION = 1
    KIND = 2
    REASON = 3
    COUNSELOR = 4


class CallListModel(QAbstractTableModel):
    """Rows of :class:`ListRow`, newest first.

    ``failed(message)`` tells that a page could not be read (the message is translated).
    """

    failed = Signal(str)

    def __init__(
        self,
        session: Session,
        language: str,
        *,
        form: FormDefinition | None = None,
        filters: ListFilter | None = None,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._language = language
        self._form = form if form is not None else default_form()
        self._locale = display.display_locale(language)
        self._page_size = page_size
        self._filter = filters if filters is not None else ListFilter()
        self._rows: list[ListRow] = []
        self._more = False
        self._fetching = False
        self.error: str | None = None  # why the last page could not be read
        self._load_first_page()

    # Loading

    @property
    def filters(self) -> ListFilter:
        return self._filter

    def set_filter(self, filters: ListFilter) -> None:
        """Show the calls of ``filters`` from the first page."""
        self._fetching = True
        try:
            self.beginResetModel()
            self._filter = filters
            self._load_first_page()
            self.endResetModel()
        finally:
            self._fetching = False

    def refresh(self) -> None:
        """Read the list again (after a call was saved, changed or deleted)."""
        self.set_filter(self._filter)

    def _page(self, after: tuple[int, int] | None) -> list[ListRow] | None:
        """One more row than a page, to know whether another page follows."""
        try:
            rows = records.list_page(
                self._session, self._filter, after=after, limit=self._page_size + 1
            )
        except FAILURES as exc:
            self.error = describe_failure(exc)
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
        after = self._rows[-1].key if self._rows else None
        rows = self._page(after)
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

    def record_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, record_id: str) -> int | None:
        """The row of a loaded record, if it is loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), None)

    def list_row(self, row: int) -> ListRow:
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
            return self._title(Column(section))
        return None

    def _title(self, column: Column) -> str:
        if column is Column.STARTED:
            return self.tr("Date and time")
        if column is Column.DURATION:
            return self.tr("Duration")
        if column is Column.KIND:
            return self.tr("Call kind")
        if column is Column.REASON:
            return self.tr("Reason")
        return self.tr("Counselor")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ID_ROLE:
            return row.id
        return None

    def _text(self, row: ListRow, column: Column) -> str:
        if column is Column.STARTED:
            return display.short_time(row.started_at, self._locale)
        if column is Column.DURATION:
            return display.duration(row.duration_s)
        if column is Column.KIND:
            return display.option_label(self._form, "call_kind", row.call_kind, self._language)
        if column is Column.REASON:
            if row.reason is None:
                return "–"
            return display.option_label(self._form, "reason", row.reason, self._language)
        return row.counselor

    def _tooltip(self, row: ListRow, column: Column) -> str | None:
        if column is Column.STARTED:
            return display.long_time(row.started_at, self._locale)
        if column is Column.DURATION:
            return display.spoken_duration(row.duration_s)
        if column is Column.REASON and row.reason is None:
            return self.tr("No reason recorded")
        if column in (Column.KIND, Column.REASON):
            return self._text(row, column)
        return None

    def _spoken(self, row: ListRow, column: Column) -> str:
        if column in (Column.STARTED, Column.DURATION) or (
            column is Column.REASON and row.reason is None
        ):
            return self._tooltip(row, column) or ""
        return self._text(row, column)
