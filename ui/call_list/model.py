"""The calls of a filter, as a table fetched a page at a time (never all at once).

Pages follow each other by key (start time, then row id): a page is one indexed
range query however far down the list it is. The first page is read when the
filter is set; the view asks for the next ones as the person scrolls.

A call on legal hold is marked in its date column (a sign; words in its tooltip and
for screen readers).
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from counselor_app import records
from counselor_app.forms.catalogue import default_form
from counselor_app.forms.definition import FormDefinition
from counselor_app.store.listing import ListFilter, ListRow
from counselor_app.vault import Session
from ui.call_list import display
from ui.errors import describe_failure
from ui.paged_model import Index, PagedTableModel

PAGE_SIZE = 200
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HELD_MARKER = "\N{SCALES}"  # ⚖, before the date of a call on legal hold


class Column(IntEnum):
    STARTED = 0
    DURATION = 1
    KIND = 2
    REASON = 3
    COUNSELOR = 4


class CallListModel(PagedTableModel):
    """Rows of :class:`ListRow`, newest first."""

    columns = Column

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
        super().__init__(filters if filters is not None else ListFilter(), page_size, parent)
        self._session = session
        self._language = language
        self._form = form if form is not None else default_form()
        self._locale = display.display_locale(language)
        self._load_first_page()

    @property
    def filters(self) -> ListFilter:
        found: ListFilter = self._filter
        return found

    def read_page(self, after: Any, limit: int) -> list[Any]:
        return records.list_page(self._session, self._filter, after=after, limit=limit)

    def key_of(self, row: Any) -> Any:
        return row.key

    def describe(self, exc: Exception) -> str:
        return describe_failure(exc)

    def record_id(self, row: int) -> str:
        found: str = self._rows[row].id
        return found

    def row_of(self, record_id: str) -> int | None:
        """The row of a loaded record, if it is loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), None)

    def list_row(self, row: int) -> ListRow:
        found: ListRow = self._rows[row]
        return found

    def set_held(self, record_id: str, held: bool) -> None:
        """Show a hold placed or lifted on a loaded record (no reading again)."""
        row = self.row_of(record_id)
        if row is None or self._rows[row].held == held:
            return
        self._rows[row] = replace(self._rows[row], held=held)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def title(self, column: Any) -> str:
        return self._title(column)

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
            when = display.short_time(row.started_at, self._locale)
            return f"{HELD_MARKER} {when}" if row.held else when
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
            when = display.long_time(row.started_at, self._locale)
            return self.tr("{when}\nOn legal hold").format(when=when) if row.held else when
        if column is Column.DURATION:
            return display.spoken_duration(row.duration_s)
        if column is Column.REASON and row.reason is None:
            return self.tr("No reason recorded")
        if column in (Column.KIND, Column.REASON):
            return self._text(row, column)
        return None

    def _spoken(self, row: ListRow, column: Column) -> str:
        if column is Column.STARTED and row.held:
            when = display.long_time(row.started_at, self._locale)
            return self.tr("{when}, on legal hold").format(when=when)
        if column in (Column.STARTED, Column.DURATION) or (
            column is Column.REASON and row.reason is None
        ):
            return self._tooltip(row, column) or ""
        return self._text(row, column)
