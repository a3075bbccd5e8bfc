"""Import a JSON Lines file of records into the vault.

The core checks every line before it writes anything and stores the records in
one transaction: a bad line, a cancel or a failure leaves the vault as it was.
Records already in the vault are skipped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from counselor_app.exchange.transfer import ImportResult, import_file
from counselor_app.vault import Session
from ui.action_dialog import Refusal
from ui.fields import add_row, plain
from ui.transfer.file_field import FileField, Mode
from ui.transfer.transfer_dialog import TransferDialog
from ui.transfer.worker import Job, SessionFactory, Steps

SHOWN_LINES = 20


def record_lines(path: Path) -> int:
    """How many records the file holds (its lines that are not blank)."""
    with path.open("rb") as handle:
        return sum(1 for raw in handle if raw.strip())


def line_list(lines: list[int]) -> str:
    """The first line numbers, then an ellipsis if there are more."""
    shown = ", ".join(str(n) for n in lines[:SHOWN_LINES])
    return shown + (", …" if len(lines) > SHOWN_LINES else "")


class ImportDialog(TransferDialog):
    """Emits ``imported(ImportResult)`` after a successful import."""

    imported = Signal(object)

    def __init__(self, open_session: SessionFactory, parent: QWidget | None = None) -> None:
        super().__init__(open_session, parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import records"))
        self.set_run_text(self.tr("&Import"))
        self.intro.setText(
            self.tr(
                "Adds the records of a file (one record a line) to the vault, as yours. "
                "Every line is checked first: one bad line and nothing is imported."
            )
        )
        self.file = FileField(Mode.OPEN, "import_file", self)
        add_row(self.form, self.tr("&File:"), self.file)
        mask_text = self.tr("&Mask identifying details in notes")
        self.mask_notes = QCheckBox(mask_text, self)
        self.mask_notes.setObjectName("mask_notes")
        self.mask_notes.setAccessibleName(plain(mask_text))
        self.mask_notes.setAccessibleDescription(
            self.tr(
                "Phone numbers, e-mail addresses, dates and addresses found in the notes "
                "are replaced by a mark."
            )
        )
        self.mask_notes.setChecked(True)
        self.form.addRow("", self.mask_notes)
        self.set_inputs([self.file.edit, self.file.browse_button, self.mask_notes])

    def prepare(self) -> Job:
        path = self.file.path()
        if path is None or not path.is_absolute():
            raise Refusal(
                self.tr("Choose the file to import (a full path, or Browse…)."), self.file
            )
        if not path.is_file():
            raise Refusal(self.tr("There is no file {path}.").format(path=path), self.file)
        redact = self.mask_notes.isChecked()

        def job(session: Session, steps: Steps) -> object:
            steps.total(record_lines(path))
            return import_file(session, path, redact_notes=redact, progress=steps.done)

        return job

    def report(self, result: object) -> str:
        assert isinstance(result, ImportResult)
        parts = [
            self.tr("Imported: {imported}. Already in the vault, skipped: {skipped}.").format(
                imported=result.imported, skipped=result.skipped
            )
        ]
        if result.notes_with_findings:
            lines = line_list(result.notes_with_findings)
            if result.redacted:
                parts.append(
                    self.tr(
                        "Identifying details were found and masked in the notes on lines {lines}."
                    ).format(lines=lines)
                )
            else:
                parts.append(
                    self.tr(
                        "The notes on lines {lines} may hold identifying details: "
                        "check those records."
                    ).format(lines=lines)
                )
        self.imported.emit(result)
        return "\n".join(parts)

    def cancelled_text(self) -> str:
        return self.tr("Cancelled. Nothing was imported.")
