"""The Workstations dialog (consolidation vault, supervisors and admins).

Lists the workstations whose bundles this vault accepts; Import bundles… reads the
files they sent. A workstation not known yet is shown (id, key fingerprint, records)
and accepted only if the supervisor says so. The import runs in a thread of its own
on a connection of its own; a summary tells, file by file, what was imported or why
not.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counselor_app.vault import Session
from ui.action_dialog import busy
from ui.bundles import importing
from ui.bundles.importing import ImportRun, Newcomer, Plan
from ui.bundles.workstations_model import WorkstationsModel
from ui.call_list.display import display_locale
from ui.errors import FAILURES, describe_failure
from ui.fields import button, chain_tab_order, plain
from ui.notice import Notice
from ui.reports.saving import default_folder
from ui.tables import row_table
from ui.transfer import worker as workers
from ui.transfer.worker import SessionFactory, TransferWorker

MIN_WIDTH = 860
MIN_HEIGHT = 520
SUMMARY_LINES = 6


class WorkstationsDialog(QDialog):
    """Emits ``imported(ImportRun)`` once an import has ended (refresh the call list)."""

    imported = Signal(object)

    def __init__(
        self,
        session: Session,
        open_session: SessionFactory,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workstations_dialog")
        self.setWindowTitle(self.tr("Workstations"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._session = session
        self._open_session = open_session
        self.folder = default_folder()
        self.worker: TransferWorker | None = None
        self._paths: list[Path] = []
        self._plan = Plan(order=[])

        intro = QLabel(
            self.tr(
                "The workstations whose bundles this vault accepts. Import bundles… reads "
                "the files they sent; a workstation not known yet is accepted only if you "
                "say so."
            ),
            self,
        )
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        self.model = WorkstationsModel(display_locale(language), self)
        table_label = QLabel(self.tr("&Workstations:"), self)
        self.table = self._table()
        table_label.setBuddy(self.table)
        self.table.setAccessibleName(plain(table_label.text()))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.notice = Notice(self)
        self.summary_label = QLabel(self.tr("&Result of the last import:"), self)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("import_summary")
        self.summary.setReadOnly(True)
        self.summary.setTabChangesFocus(True)
        self.summary_label.setBuddy(self.summary)
        self.summary.setAccessibleName(plain(self.summary_label.text()))
        self.summary.setMinimumHeight(self.fontMetrics().lineSpacing() * SUMMARY_LINES)
        self.summary_label.hide()
        self.summary.hide()
        self.import_button = button(self.tr("&Import bundles…"), "import_bundles", self)
        self.import_button.setToolTip(self.tr("Choose the bundle files to import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_files)
        self.close_button = button(self.tr("&Close"), "close", self)
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        chain_tab_order([self.table, self.summary, self.import_button, self.close_button])
        self.reload()
        self.table.setFocus()

    def _table(self) -> QTableView:
        table = row_table(self, self.model, "workstations")
        table.setAccessibleDescription(self.tr("In the order they were accepted; read-only."))
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def reload(self) -> None:
        """Read the list of workstations again (not once the session has closed: an
        import that ended as the window locked)."""
        if self._session.closed:
            return
        try:
            self.model.load(self._session.conn)
        except FAILURES as exc:
            self.notice.show_error(describe_failure(exc))
            return
        if self.model.rowCount() > 0 and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def known(self) -> set[str]:
        return {self.model.workstation(row).id for row in range(self.model.rowCount())}

    # Importing

    def choose_files(self) -> list[Path]:
        chosen, _kind = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import bundles"),
            str(self.folder),
            self.tr("Record bundles (*.cabundle);;All files (*)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        return [Path(name) for name in chosen]

    def accept_newcomer(self, newcomer: Newcomer) -> bool:
        """Ask once about a workstation not known yet; No unless she says Yes."""
        answer = QMessageBox.question(
            self,
            importing.question_title(),
            importing.question(newcomer),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def import_files(self) -> TransferWorker | None:
        """Choose files, ask about new workstations, then import in the background."""
        if self.worker is not None:
            return None
        self.notice.clear()
        paths = self.choose_files()
        self.activateWindow()
        if not paths:
            return None
        self.folder = paths[0].parent
        self.reload()
        with busy():
            found = importing.plan(paths, self.known())
        accepted = {n.workstation for n in found.newcomers if self.accept_newcomer(n)}
        self._paths, self._plan = paths, found
        worker = TransferWorker(self._open_session, importing.import_job(found.order, accepted))
        worker.totalled.connect(self._totalled)
        worker.progressed.connect(self.progress.setValue)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        self.destroyed.connect(worker.cancel)
        self.worker = worker
        self._set_running(True)
        workers.start(worker)
        return worker

    def cancel(self) -> None:
        """Stop before the next file; the files already imported stay imported."""
        if self.worker is None:
            return
        self.worker.cancel()
        self.close_button.setEnabled(False)
        self.notice.show_info(self.tr("Cancelling after the file being imported…"))

    def _set_running(self, running: bool) -> None:
        self.import_button.setEnabled(not running)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("&Cancel") if running else self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Cancel") if running else self.tr("Close"))
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self.close_button.setFocus()

    def _totalled(self, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)

    def _succeeded(self, run: object) -> None:
        assert isinstance(run, ImportRun)
        self._end()
        lines = importing.summary_lines(self._paths, self._plan, run)
        self.summary.setPlainText("\n".join(lines))
        self.summary_label.show()
        self.summary.show()
        text = importing.headline(self._paths, run)
        refused = any(o.refused is not None for o in run.outcomes.values())
        if refused or run.cancelled:
            self.notice.show_error(text)
        else:
            self.notice.show_info(text)
        self.imported.emit(run)
        self.summary.setFocus()

    def _failed(self, exc: object) -> None:
        self._end()
        if isinstance(exc, FAILURES):
            message = describe_failure(exc)
        else:
            message = self.tr(
                "The import stopped on an unexpected problem ({detail}). The files imported "
                "before it stay imported; the others were not."
            ).format(detail=type(exc).__name__)
        self.notice.show_error(message)
        self.imported.emit(None)
        self.import_button.setFocus()

    def _end(self) -> None:
        self.worker = None
        self._set_running(False)
        self.reload()

    # Closing

    def reject(self) -> None:
        """Escape and Cancel stop a running import first; once idle they close."""
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
