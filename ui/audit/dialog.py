"""The Audit trail dialog (admins): the entries a filter finds, their number, Export….

The list is read a page at a time. The chain of entries is checked in a thread of
its own on a connection of its own; a banner says so if it was altered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselor_app import audit_view
from counselor_app.audit_view import AuditFilter
from counselor_app.vault import Session
from ui.action_dialog import Refusal, busy
from ui.audit import wording
from ui.audit.filters import AuditFilterBar
from ui.audit.model import AuditModel, Column
from ui.call_list.display import display_locale
from ui.errors import FAILURES
from ui.fields import button, chain_tab_order
from ui.notice import Notice
from ui.reports.saving import ask_path, default_folder
from ui.tables import row_table
from ui.transfer import worker as workers
from ui.transfer.worker import SessionFactory, Steps, TransferWorker

MIN_WIDTH = 960
MIN_HEIGHT = 560
RECORD_WIDTH = 130


def _check_chain(session: Session, _steps: Steps) -> object:
    return audit_view.first_broken(session)


class AuditDialog(QDialog):
    """Emits ``chain_checked(first_broken)`` once the chain was checked (None: intact)
    and ``exported(path)`` once a CSV file was written."""

    chain_checked = Signal(object)
    exported = Signal(str)

    def __init__(
        self,
        session: Session,
        open_session: SessionFactory,
        language: str,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        page_size: int = audit_view.PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._session = session
        self._language = language
        self._today = today
        self.folder = default_folder()
        self.worker: TransferWorker | None = None
        self.notice = Notice(self)
        locale = display_locale(language)
        try:
            people, actions = audit_view.people(session), audit_view.actions(session)
        except FAILURES as exc:
            people, actions = [], []
            self.notice.show_error(wording.describe(exc))

        self.filters = AuditFilterBar(people, actions, locale, today, self)
        self.banner = Notice(self)
        self.banner.setObjectName("altered_banner")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("entry_count")
        self.chain_label = QLabel(self)
        self.chain_label.setObjectName("chain_state")
        self.model = AuditModel(
            session, locale, self.filters.current_filter(), page_size=page_size, parent=self
        )
        self.model.failed.connect(self.notice.show_error)
        if self.model.error is not None:
            self.notice.show_error(self.model.error)
        self.table = self._table()
        self.export_button = button(self.tr("E&xport…"), "export", self)
        self.export_button.setToolTip(self.tr("Write the entries found to a CSV file"))
        self.export_button.clicked.connect(self.export)
        self.close_button = button(self.tr("&Close"), "close", self)
        self.close_button.clicked.connect(self.reject)

        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addStretch(1)
        counts.addWidget(self.chain_label)
        box = QDialogButtonBox(self)
        box.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addLayout(counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(box)
        chain_tab_order([*self.filters.inputs(), self.table, self.export_button, self.close_button])
        self.filters.changed.connect(self.set_filter)
        self._after_reset()
        self.check_chain(open_session)
        self.filters.period.setFocus()

    def _table(self) -> QTableView:
        table = row_table(self, self.model, "audit_entries")
        table.setAccessibleName(self.tr("Audit trail entries"))
        table.setAccessibleDescription(self.tr("Newest first; read-only."))
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        for column, width in ((Column.USER, 110), (Column.ACTION, 170)):
            table.setColumnWidth(column, max(width, table.columnWidth(column)))
        # A record's id is long: its start is shown, the whole of it in the tooltip.
        table.setColumnWidth(Column.RECORD, RECORD_WIDTH)
        return table

    # The list

    def set_filter(self, filters: AuditFilter) -> None:
        self.notice.clear()
        self.model.set_filter(filters)
        self._after_reset()

    def refresh(self) -> None:
        """Read the list again (the period worked out again: after midnight, a new today)."""
        try:
            self.filters.set_actions(audit_view.actions(self._session))
        except FAILURES as exc:
            self.notice.show_error(wording.describe(exc))
        self.model.set_filter(self.filters.current_filter())
        self._after_reset()

    def _after_reset(self) -> None:
        if self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))
        try:
            found = audit_view.count(self._session, self.model.filters)
        except FAILURES as exc:
            self.notice.show_error(wording.describe(exc))
            self.count_label.clear()
            return
        text = self.tr("Entries found: {count}").format(count=found)
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)
        self.export_button.setEnabled(found > 0)

    # The chain

    def check_chain(self, open_session: SessionFactory) -> TransferWorker:
        """Check the whole chain in the background; the banner shows what was found."""
        self.banner.clear()
        self._set_chain_state(self.tr("Checking the chain of entries…"))
        job_worker = TransferWorker(open_session, _check_chain)
        job_worker.succeeded.connect(self._chain_result)
        job_worker.failed.connect(self._chain_failed)
        self.destroyed.connect(job_worker.cancel)
        self.worker = job_worker
        workers.start(job_worker)
        return job_worker

    def _set_chain_state(self, text: str) -> None:
        self.chain_label.setText(text)
        self.chain_label.setAccessibleName(text)

    def _chain_result(self, broken: object) -> None:
        self.worker = None
        if isinstance(broken, int):
            self._set_chain_state(self.tr("Chain of entries: altered"))
            self.banner.show_error(
                self.tr(
                    "The audit trail has been altered from entry {number} on: that entry "
                    "or a later one was changed, removed or added outside the program. "
                    "Keep the vault as it is and compare it with a backup."
                ).format(number=broken)
            )
        else:
            self._set_chain_state(self.tr("Chain of entries: intact"))
        self.chain_checked.emit(broken)

    def _chain_failed(self, exc: object) -> None:
        self.worker = None
        self._set_chain_state(self.tr("Chain of entries: not checked"))
        if isinstance(exc, FAILURES):
            self.banner.show_error(
                self.tr("The chain of entries could not be checked: {reason}").format(
                    reason=wording.describe(exc)
                )
            )
        self.chain_checked.emit(None)

    # Exporting

    def _suggested(self) -> Path:
        word = "journal-audit" if self._language == "fr" else "audit-trail"
        return self.folder / f"{word}-{self._today().isoformat()}.csv"

    def export(self) -> Path | None:
        """Ask where, then write the entries found (all of them, oldest first) as CSV."""
        self.notice.clear()
        filters = self.model.filters
        try:
            path = ask_path(
                self,
                self._suggested(),
                self.tr("CSV files (*.csv)"),
                self.tr("Export the audit trail"),
            )
            if path is None:
                return None
            self.folder = path.parent
            with busy():
                written = audit_view.export_csv(self._session, filters, path)
        except Refusal as refusal:
            self.notice.show_error(refusal.message)
            return None
        except FAILURES as exc:
            self.notice.show_error(wording.describe(exc) + " " + self.tr("No file was written."))
            return None
        self.refresh()  # the export is now an entry of its own
        self.notice.show_info(
            self.tr("{count} entries were written to {path}.").format(count=written, path=path)
        )
        self.exported.emit(str(path))
        self.export_button.setFocus()
        return path
