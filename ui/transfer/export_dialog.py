"""Export the records of a period to a JSON Lines file (supervisors and admins).

The file appears whole or not at all: a cancelled or failed export leaves none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QWidget

from counselor_app import records
from counselor_app.exchange.transfer import export_file
from counselor_app.periods import period_bounds
from counselor_app.roles import Permission
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session
from ui import confirm
from ui.action_dialog import Refusal
from ui.call_list import display
from ui.fields import add_row, plain
from ui.transfer.file_field import FileField, Mode
from ui.transfer.transfer_dialog import TransferDialog
from ui.transfer.worker import Job, SessionFactory, Steps


class ExportDialog(TransferDialog):
    """Emits ``exported(count)`` after a successful export."""

    exported = Signal(int)

    def __init__(
        self,
        open_session: SessionFactory,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(open_session, parent)
        self.setObjectName("export_dialog")
        self.set_run_text(self.tr("&Export"))
        self.setWindowTitle(self.tr("Export records"))
        self.intro.setText(
            self.tr(
                "Writes the records of the period to a file, one record a line, "
                "for another vault or for statistics."
            )
        )
        self._confirmed: Path | None = None
        day = today()
        self.file = FileField(Mode.SAVE, "export_file", self)
        self.file.suggested_name = f"calls-{day.isoformat()}.jsonl"
        self.file.chosen.connect(self._chosen)
        add_row(self.form, self.tr("&File:"), self.file)
        self.start = self._date_edit("export_start", day.replace(day=1))
        add_row(self.form, self.tr("Fro&m:"), self.start)
        self.end = self._date_edit("export_end", day)
        add_row(self.form, self.tr("&To:"), self.end)
        notes_text = self.tr("Include the &notes")
        self.with_notes = QCheckBox(notes_text, self)
        self.with_notes.setObjectName("with_notes")
        self.with_notes.setAccessibleName(plain(notes_text))
        hint = self.tr(
            "Notes may hold details that identify someone: include them only when needed, "
            "and keep the file safe."
        )
        self.with_notes.setAccessibleDescription(hint)
        self.form.addRow("", self.with_notes)
        hint_label = QLabel(hint, self)
        hint_label.setObjectName("hint")
        hint_label.setWordWrap(True)
        self.form.addRow("", hint_label)
        self.set_inputs(
            [self.file.edit, self.file.browse_button, self.start, self.end, self.with_notes]
        )
        self._notes = False
        self._path: Path | None = None

    def _chosen(self, path: str) -> None:
        """The file dialog has already asked before replacing this file."""
        self._confirmed = Path(path)

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(display.to_qdate(day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        return edit

    def prepare(self) -> Job:
        path = self.file.path()
        if path is None or not path.is_absolute():
            raise Refusal(
                self.tr("Choose where to save the file (a full path, or Browse…)."), self.file
            )
        if path.is_dir():
            raise Refusal(
                self.tr("{path} is a folder: add a file name.").format(path=path), self.file
            )
        if not path.parent.is_dir():
            raise Refusal(
                self.tr("The folder {folder} does not exist.").format(folder=path.parent),
                self.file,
            )
        if (
            path.exists()
            and path != self._confirmed
            and not confirm.ask(
                self,
                self.tr("Replace the file"),
                self.tr("{path} already exists. Replace it?").format(path=path),
                self.tr("&Replace"),
            )
        ):
            raise Refusal(self.tr("Choose another file name."), self.file)
        chosen = (display.from_qdate(self.start.date()), display.from_qdate(self.end.date()))
        first, last = sorted(chosen)
        with_notes = self.with_notes.isChecked()
        self._path, self._notes = path, with_notes

        def job(session: Session, steps: Steps) -> object:
            session.require(Permission.ALL_RECORDS)
            low, high = period_bounds(first, last)
            steps.total(records.list_count(session, ListFilter(start=low, end=high)))
            return export_file(
                session, path, start=first, end=last, with_notes=with_notes, progress=steps.done
            )

        return job

    def report(self, result: object) -> str:
        count = int(result) if isinstance(result, int) else 0
        text = self.tr("{count} records were written to {path}.").format(
            count=count, path=self._path
        )
        if self._notes:
            text += " " + self.tr("The notes are in it: keep the file safe, delete it after use.")
        self.exported.emit(count)
        return text
