"""The call list under the intake: filters, the lazy table, and the record of a call.

Enter (or a double click) on a row opens its record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counselor_app import records
from counselor_app.errors import RecordNotFound
from counselor_app.forms.catalogue import default_form
from counselor_app.forms.definition import FormDefinition
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session
from ui.call_list.filters import CallFilterBar, FilterChoices
from ui.call_list.model import PAGE_SIZE, CallListModel, Column
from ui.call_list.record_dialog import RecordDialog
from ui.errors import FAILURES, describe_failure
from ui.fields import chain_tab_order
from ui.notice import Notice
from ui.tables import row_table

OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class ListPlace:
    """Where the list was (see :meth:`CallListView.place`): ids, choices and positions."""

    choices: FilterChoices
    selected_id: str | None
    shown_id: str | None  # the record open in its dialog
    loaded_rows: int
    scroll: tuple[int, int]  # vertical, horizontal
    had_focus: bool


class CallListView(QWidget):
    """Emits ``edit_requested(record_id)`` from a record's Edit button, and
    ``record_deleted(record_id)`` once a record was deleted (the list is already updated).
    """

    edit_requested = Signal(str)
    record_deleted = Signal(str)

    def __init__(
        self,
        session: Session,
        language: str,
        *,
        form: FormDefinition | None = None,
        today: Callable[[], date] = date.today,
        page_size: int = PAGE_SIZE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("call_list")
        self._session = session
        self._language = language
        form = form if form is not None else default_form()
        self.record_dialog: RecordDialog | None = None

        self.filters = CallFilterBar(session, language, form=form, today=today, parent=self)
        self.notice = Notice(self)
        self.model = CallListModel(
            session,
            language,
            form=form,
            filters=self.filters.current_filter(),
            page_size=page_size,
            parent=self,
        )
        self.model.failed.connect(self.notice.show_error)
        if self.model.error is not None:
            self.notice.show_error(self.model.error)

        self.table = row_table(self, self.model, "calls")
        self.table.setAccessibleName(self.tr("Calls"))
        self.table.setAccessibleDescription(self.tr("Press Enter to open the selected call."))
        header = self.table.horizontalHeader()
        for column in Column:
            stretch = column in (Column.KIND, Column.REASON)
            mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(lambda index: self.open_record(index.row()))
        self.table.installEventFilter(self)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("call_count")

        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        chain_tab_order([*self.filters.inputs(), self.table])

        self.filters.changed.connect(self.set_filter)
        self._after_reset()

    # The list

    def set_filter(self, filters: ListFilter) -> None:
        self.notice.clear()
        self.model.set_filter(filters)
        self._after_reset()

    def refresh(self) -> None:
        """Read the list again, keeping the selected call selected if it is still shown.

        The period is worked out again: after midnight, "Today" is the new day.
        """
        keep = self.selected_record_id()
        self.notice.clear()
        self.model.set_filter(self.filters.current_filter())
        self._after_reset(keep)

    def _after_reset(self, keep: str | None = None) -> None:
        self._show_count()
        self.table.resizeColumnToContents(Column.STARTED)  # held calls carry a mark
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _show_count(self) -> None:
        try:
            count = records.list_count(self._session, self.model.filters)
        except FAILURES as exc:
            self.notice.show_error(describe_failure(exc))
            self.count_label.clear()
            return
        text = self.tr("Calls: {count}").format(count=count)
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    def selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def selected_record_id(self) -> str | None:
        row = self.selected_row()
        return None if row is None else self.model.record_id(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in OPEN_KEYS
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            row = self.selected_row()
            if row is not None:
                self.open_record(row)
            return True
        return super().eventFilter(watched, event)

    # Where the list was, across a lock

    def place(self) -> ListPlace:
        dialog = self.record_dialog
        return ListPlace(
            choices=self.filters.choices(),
            selected_id=self.selected_record_id(),
            shown_id=None if dialog is None else dialog.record.id,
            loaded_rows=self.model.rowCount(),
            scroll=(
                self.table.verticalScrollBar().value(),
                self.table.horizontalScrollBar().value(),
            ),
            had_focus=self.table.hasFocus(),
        )

    def return_to(self, place: ListPlace) -> None:
        """The same choices, selection and scrolling (the record's dialog: see
        :meth:`show_record`).

        The rows are read again (some may have changed meanwhile), as many pages as
        were loaded; a record no longer among them is not looked for further.
        """
        self.filters.choose(place.choices)
        self.set_filter(self.filters.current_filter())
        while self.model.rowCount() < place.loaded_rows and self.model.canFetchMore():
            self.model.fetchMore()
        row = None if place.selected_id is None else self.model.row_of(place.selected_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
        if place.had_focus:
            self.table.setFocus()
        # The scroll bars have their range once the window is laid out.
        QTimer.singleShot(0, self, lambda: self._scroll_to(place.scroll))

    def show_record(self, record_id: str) -> RecordDialog | None:
        """Open the record of ``record_id`` if its row is loaded."""
        row = self.model.row_of(record_id)
        return None if row is None else self.open_record(row)

    def _scroll_to(self, scroll: tuple[int, int]) -> None:
        self.table.doItemsLayout()  # the rows laid out now, not at the view's next turn
        self.table.verticalScrollBar().setValue(scroll[0])
        self.table.horizontalScrollBar().setValue(scroll[1])

    # One record

    def open_record(self, row: int) -> RecordDialog | None:
        """Show the record of ``row`` (None when it cannot be read; the reason is shown)."""
        if not 0 <= row < self.model.rowCount(QModelIndex()):
            return None
        try:
            record = records.get(self._session, self.model.record_id(row))
        except FAILURES as exc:
            self.notice.show_error(describe_failure(exc))
            if isinstance(exc, RecordNotFound):
                self.model.refresh()
                self._after_reset()
            return None
        self.notice.clear()
        dialog = RecordDialog(self._session, record, self._language, self)
        dialog.edit_requested.connect(self.edit_requested)
        dialog.deleted.connect(self._deleted)
        dialog.hold_changed.connect(self._hold_changed)
        dialog.finished.connect(lambda: self._dialog_closed(dialog))
        self.record_dialog = dialog
        dialog.open()
        return dialog

    def _hold_changed(self, record_id: str, held: bool) -> None:
        self.model.set_held(record_id, held)
        self.table.resizeColumnToContents(Column.STARTED)  # the hold mark widens it

    def _dialog_closed(self, dialog: RecordDialog) -> None:
        if self.record_dialog is dialog:
            self.record_dialog = None
        dialog.deleteLater()
        self.window().activateWindow()
        self.table.setFocus()

    def _deleted(self, record_id: str) -> None:
        self.refresh()
        self.record_deleted.emit(record_id)
