"""The shape shared by the import and export dialogs: a form, a progress bar, Cancel.

The main button checks the form and starts a worker; while it runs, the form is
locked and Cancel (or Escape) asks the worker to stop. The outcome is shown in the
dialog, which stays open until closed.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.action_dialog import Refusal
from ui.errors import FAILURES, describe_failure
from ui.fields import button, chain_tab_order, plain
from ui.notice import Notice
from ui.transfer import worker as workers
from ui.transfer.worker import Job, SessionFactory, TransferWorker

MIN_WIDTH = 520


class Outcome(StrEnum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class TransferDialog(QDialog):
    """Subclasses add rows to ``form`` and implement :meth:`prepare` and :meth:`report`.

    Emits ``completed(outcome)`` once a run has ended and its outcome is shown.
    """

    completed = Signal(str)

    def __init__(self, open_session: SessionFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(MIN_WIDTH)
        self._open_session = open_session
        self.worker: TransferWorker | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.form)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.notice = Notice(self)
        layout.addWidget(self.notice)
        self.run_button: QPushButton = button("", "run", self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.close_button: QPushButton = button(self.tr("&Close"), "close", self)
        self.close_button.clicked.connect(self.reject)
        box = QDialogButtonBox(self)
        box.addButton(self.run_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(box)
        self._inputs: list[QWidget] = []

    def set_run_text(self, text: str) -> None:
        self.run_button.setText(text)
        self.run_button.setAccessibleName(plain(text))

    def set_inputs(self, inputs: list[QWidget]) -> None:
        """The form's inputs in tab order; the buttons follow them."""
        self._inputs = inputs
        chain_tab_order([*inputs, self.run_button, self.close_button])
        if inputs:
            inputs[0].setFocus()

    # For subclasses

    def prepare(self) -> Job:
        """Check the form; return the job to run, or raise a Refusal."""
        raise NotImplementedError

    def report(self, result: object) -> str:
        """What to tell once the job succeeded (subclasses may also emit a signal)."""
        raise NotImplementedError

    def cancelled_text(self) -> str:
        return self.tr("Cancelled. Nothing was changed.")

    # Running

    def is_running(self) -> bool:
        return self.worker is not None

    def run(self) -> TransferWorker | None:
        if self.worker is not None:
            return None
        self.notice.clear()
        try:
            job = self.prepare()
        except Refusal as refusal:
            self.notice.show_error(refusal.message)
            if refusal.focus is not None:
                refusal.focus.setFocus()
            return None
        worker = TransferWorker(self._open_session, job)
        worker.totalled.connect(self._totalled)
        worker.progressed.connect(self._progressed)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        # Closed or destroyed while running (the window locked): stop the work.
        self.destroyed.connect(worker.cancel)
        self.worker = worker
        self._set_running(True)
        workers.start(worker)
        return worker

    def cancel(self) -> None:
        """Ask the running job to stop; its end is reported as for any outcome."""
        if self.worker is None:
            return
        self.worker.cancel()
        self.close_button.setEnabled(False)
        self.notice.show_info(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not running)
        self.run_button.setEnabled(not running)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("&Cancel") if running else self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Cancel") if running else self.tr("Close"))
        if running:
            self.progress.setRange(0, 0)  # busy until the total is known
            self.progress.show()
        self.close_button.setFocus()

    def _totalled(self, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)

    def _progressed(self, done: int) -> None:
        if self.progress.maximum() > 0:
            self.progress.setValue(min(done, self.progress.maximum()))

    def _end(self, outcome: Outcome) -> None:
        self.worker = None
        self._set_running(False)
        if outcome is Outcome.SUCCEEDED:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
        else:
            self.progress.hide()
        self.completed.emit(outcome.value)

    def _succeeded(self, result: object) -> None:
        self.notice.show_info(self.report(result))
        self._end(Outcome.SUCCEEDED)

    def _failed(self, exc: object) -> None:
        if isinstance(exc, FAILURES):
            message = describe_failure(exc)
        else:
            message = self.tr(
                "The work stopped on an unexpected problem ({detail}). Nothing was changed."
            ).format(detail=type(exc).__name__)
        self.notice.show_error(message)
        self._end(Outcome.FAILED)

    def _cancelled(self) -> None:
        self.notice.show_info(self.cancelled_text())
        self._end(Outcome.CANCELLED)

    # Closing

    def reject(self) -> None:
        """Escape and Cancel stop a running job first; once idle they close."""
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
