"""The Reports dialog (supervisors and admins): choose, make, read, save as PDF or CSV.

Making the report and writing its PDF run in a thread of their own, with a
progress bar and Cancel (or Escape). The report shown stays while it is saved, and
after a failure: nothing is lost, and a file appears whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from counselor_app.forms.catalogue import default_form
from counselor_app.reports.model import Report
from counselor_app.reports.service import save_report
from counselor_app.store import bundles, users
from counselor_app.vault import Session
from ui.action_dialog import Refusal
from ui.errors import FAILURES, describe_failure
from ui.fields import button, chain_tab_order
from ui.notice import Notice
from ui.reports.choices import ReportChoices
from ui.reports.periods import file_name
from ui.reports.saving import ask_path, default_folder
from ui.reports.view import ReportView
from ui.reports.worker import pdf_job, report_job
from ui.transfer import worker as workers
from ui.transfer.worker import Job, SessionFactory, TransferWorker


class Work(Enum):
    REPORT = "report"
    PDF = "pdf"


class ReportsDialog(QDialog):
    """Emits ``made(report)`` when a report is shown and ``saved(path)`` once a file is."""

    made = Signal(object)
    saved = Signal(str)

    def __init__(
        self,
        session: Session,
        open_session: SessionFactory,
        language: str,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports_dialog")
        self.setWindowTitle(self.tr("Reports"))
        self.setMinimumSize(900, 640)
        self._session = session
        self._open_session = open_session
        self._language = language
        self._form = default_form()
        self.report: Report | None = None
        self.worker: TransferWorker | None = None
        self._work = Work.REPORT
        self.folder = default_folder()
        try:
            people = users.active(session.conn)
        except FAILURES:
            people = []  # the report for all counselors can still be made
        try:
            stations = bundles.workstations(session.conn)
        except FAILURES:
            stations = []  # the report of every record can still be made

        self.choices = ReportChoices(self._form, people, language, today, self, stations=stations)
        self.choices.language.currentIndexChanged.connect(self._language_changed)
        self.run_button = button(self.tr("Make &report"), "make_report", self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.cancel_button = button(self.tr("&Cancel"), "cancel", self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.notice = Notice(self)
        self.view = ReportView(language, self)
        self.pdf_button = button(self.tr("Save &PDF…"), "save_pdf", self)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button = button(self.tr("Save CS&V…"), "save_csv", self)
        self.csv_button.clicked.connect(self.save_csv)
        self.close_button = button(self.tr("Cl&ose"), "close", self)
        self.close_button.clicked.connect(self.reject)

        running = QHBoxLayout()
        running.addWidget(self.run_button)
        running.addWidget(self.progress, 1)
        running.addStretch(0)
        running.addWidget(self.cancel_button)
        box = QDialogButtonBox(self)
        box.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.csv_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choices)
        layout.addLayout(running)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(box)
        chain_tab_order(
            [
                *self.choices.inputs(),
                self.run_button,
                self.cancel_button,
                self.view.sections,
                self.view.table,
                self.pdf_button,
                self.csv_button,
                self.close_button,
            ]
        )
        self._set_running(False)
        self.choices.radios[self.choices.preset()].setFocus()

    # Making the report

    def is_running(self) -> bool:
        return self.worker is not None

    def run(self) -> TransferWorker | None:
        """Make the report of the chosen period and filters, in the background."""
        if self.worker is not None:
            return None
        self.notice.clear()
        try:
            request = self.choices.request(self._session.settings.small_count_threshold)
        except Refusal as refusal:
            self.notice.show_error(refusal.message)
            if refusal.focus is not None:
                refusal.focus.setFocus()
            return None
        return self._start(Work.REPORT, report_job(request))

    def _start(self, work: Work, job: Job) -> TransferWorker:
        job_worker = TransferWorker(self._open_session, job)
        job_worker.totalled.connect(self._totalled)
        job_worker.progressed.connect(self._progressed)
        job_worker.succeeded.connect(self._succeeded)
        job_worker.failed.connect(self._failed)
        job_worker.cancelled.connect(self._cancelled)
        # Closed or destroyed while running (the window locked): stop the work.
        self.destroyed.connect(job_worker.cancel)
        self.worker, self._work = job_worker, work
        self._set_running(True)
        workers.start(job_worker)
        return job_worker

    def cancel(self) -> None:
        """Ask the running work to stop; the dialog says so once it has."""
        if self.worker is None:
            return
        self.worker.cancel()
        self.cancel_button.setEnabled(False)
        self.notice.show_info(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        for widget in self.choices.inputs():
            widget.setEnabled(not running)
        if not running:
            self.choices.choose(self.choices.preset())  # the dates, editable or not
        idle_with_report = not running and self.report is not None
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.pdf_button.setEnabled(idle_with_report)
        self.csv_button.setEnabled(idle_with_report)
        if running:
            self.progress.setRange(0, 0)  # busy until the total is known
            self.progress.show()
            self.cancel_button.setFocus()

    def _totalled(self, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)

    def _progressed(self, done: int) -> None:
        if self.progress.maximum() > 0:
            self.progress.setValue(min(done, self.progress.maximum()))

    def _end(self) -> Work:
        work = self._work
        self.worker = None
        self.progress.hide()
        self._set_running(False)
        return work

    def _succeeded(self, result: object) -> None:
        if self._end() is Work.PDF:
            self.notice.show_info(self.tr("The report was saved to {path}.").format(path=result))
            self.saved.emit(str(result))
            self.pdf_button.setFocus()
            return
        assert isinstance(result, Report)
        self.report = result
        self._set_running(False)
        self.view.show_report(result, self.choices.report_language())
        self.view.sections.setFocus()
        self.made.emit(result)

    def _failed(self, exc: object) -> None:
        work = self._end()
        if isinstance(exc, FAILURES):
            message = describe_failure(exc)
        else:
            message = self.tr("The work stopped on an unexpected problem ({detail}).").format(
                detail=type(exc).__name__
            )
        if work is Work.PDF:
            message += " " + self.tr("No file was written; the report is still here.")
        self.notice.show_error(message)
        self.run_button.setFocus()

    def _cancelled(self) -> None:
        if self._end() is Work.PDF:
            self.notice.show_info(self.tr("Cancelled. No file was written."))
        else:
            self.notice.show_info(self.tr("Cancelled. No report was made."))
        self.run_button.setFocus()

    def _language_changed(self) -> None:
        self.view.set_language(self.choices.report_language())

    # Saving

    def _ask_path(self, suffix: str, kinds: str) -> Path | None:
        assert self.report is not None
        request = self.report.request
        name = file_name(request.start, request.end, self.choices.report_language(), suffix)
        path = ask_path(self, self.folder / name, kinds)
        if path is not None:
            self.folder = path.parent
        return path

    def save_pdf(self) -> TransferWorker | None:
        """Ask where, then write the PDF in the background."""
        if self.report is None or self.worker is not None:
            return None
        self.notice.clear()
        try:
            path = self._ask_path("pdf", self.tr("PDF documents (*.pdf)"))
        except Refusal as refusal:
            self.notice.show_error(refusal.message)
            return None
        if path is None:
            return None
        return self._start(Work.PDF, pdf_job(self.report, path, self.choices.report_language()))

    def save_csv(self) -> Path | None:
        """Ask where, then write the CSV (small: at once, on the dialog's session)."""
        if self.report is None or self.worker is not None:
            return None
        self.notice.clear()
        try:
            path = self._ask_path("csv", self.tr("CSV files (*.csv)"))
            if path is None:
                return None
            save_report(self.report, csv=path, session=self._session)
        except Refusal as refusal:
            self.notice.show_error(refusal.message)
            return None
        except FAILURES as exc:
            self.notice.show_error(
                describe_failure(exc)
                + " "
                + self.tr("No file was written; the report is still here.")
            )
            return None
        self.notice.show_info(self.tr("The report was saved to {path}.").format(path=path))
        self.saved.emit(str(path))
        return path

    # Keys and closing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the report's list or table does not make the report again."""
        focus = QApplication.focusWidget()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and focus is not None and self.view.isAncestorOf(focus):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Escape and Close stop running work first; once idle they close."""
        if self.worker is not None:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
