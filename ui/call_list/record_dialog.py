"""One call's record, read only: its times, every answer with its label, and the note.

Edit is offered when the session may still change the record; Delete… to those
who may delete records (it asks for a reason).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counselor_app import records
from counselor_app.forms.catalogue import UnknownForm, default_form, load_form
from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.forms.expression import Answer
from counselor_app.roles import Permission, allows
from counselor_app.store import users
from counselor_app.store.records import NOTE_FIELD, CallRecord
from counselor_app.vault import Session
from ui.call_list import display
from ui.call_list.delete_dialog import DeleteRecordDialog
from ui.errors import FAILURES
from ui.fields import button, chain_tab_order

MIN_WIDTH = 560
MIN_HEIGHT = 480


def record_form(record: CallRecord) -> FormDefinition:
    """The form the record was made with (the default one if this program lacks it)."""
    try:
        return load_form(record.form, record.form_version)
    except UnknownForm:
        return default_form()


class RecordDialog(QDialog):
    """Emits ``edit_requested(record_id)`` (Edit) and ``deleted(record_id)``."""

    edit_requested = Signal(str)
    deleted = Signal(str)

    def __init__(
        self,
        session: Session,
        record: CallRecord,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("record_dialog")
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._session = session
        self.record = record
        self._language = language
        self._locale = display.display_locale(language)
        self._form = record_form(record)
        self.delete_dialog: DeleteRecordDialog | None = None
        when = display.short_time(record.started_at, self._locale)
        self.setWindowTitle(self.tr("Call of {when}").format(when=when))

        self.text = QTextBrowser(self)
        self.text.setObjectName("record_text")
        self.text.setAccessibleName(self.tr("Record of the call of {when}").format(when=when))
        self.text.setOpenLinks(False)
        self.text.setTabChangesFocus(True)
        self.text.setHtml(self._html())

        box = QDialogButtonBox(self)
        self.edit_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        chain: list[QWidget] = [self.text]
        if records.may_edit(session, record):
            self.edit_button = button(self.tr("&Edit"), "edit", self)
            self.edit_button.clicked.connect(self.request_edit)
            box.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
            chain.append(self.edit_button)
        if allows(session.user.role, Permission.DELETE_RECORDS):
            self.delete_button = button(self.tr("&Delete…"), "delete", self)
            self.delete_button.clicked.connect(self.ask_delete)
            box.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
            chain.append(self.delete_button)
        self.close_button = button(self.tr("&Close"), "close", self)
        self.close_button.clicked.connect(self.reject)
        box.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        chain.append(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(box)
        chain_tab_order(chain)
        self.text.setFocus()

    # The text

    def _counselor(self) -> str:
        try:
            user = users.by_id(self._session.conn, self.record.counselor_id)
        except FAILURES:
            user = None
        return user.username if user is not None else self.tr("(account removed)")

    def _html(self) -> str:
        record = self.record
        rows = [
            (self.tr("Started"), display.long_time(record.started_at, self._locale)),
            (self.tr("Ended"), display.long_time(record.ended_at, self._locale)),
            (self.tr("Duration"), display.duration(record.duration_s)),
            (self.tr("Counselor"), self._counselor()),
        ]
        if record.created_at is not None:
            rows.append((self.tr("Saved"), display.long_time(record.created_at, self._locale)))
        if record.updated_at is not None and record.updated_at != record.created_at:
            rows.append((self.tr("Changed"), display.long_time(record.updated_at, self._locale)))
        parts = [f"<h3>{escape(self._form.title.text(self._language))}</h3>", _table(rows)]
        note: str | None = None
        for section in self._form.sections:
            answered: list[tuple[str, str]] = []
            for field in section.fields:
                if field.code not in record.answers:
                    continue
                if field.code == NOTE_FIELD:
                    note = record.note
                    continue
                answer = self._answer(field, record.answers[field.code])
                answered.append((field.label.text(self._language), answer))
            if answered:
                parts.append(f"<h4>{escape(section.title.text(self._language))}</h4>")
                parts.append(_table(answered))
        if note:
            label = self._note_label()
            text = escape(note).replace("\n", "<br>")
            parts.append(f"<h4>{escape(label)}</h4><p>{text}</p>")
        return "\n".join(parts)

    def _note_label(self) -> str:
        field = self._form.field(NOTE_FIELD)
        return field.label.text(self._language) if field is not None else self.tr("Note")

    def _answer(self, field: Field, value: Answer) -> str:
        if isinstance(value, list):
            return "; ".join(self._option(field, str(code)) for code in value)
        if isinstance(value, int):
            return self._locale.toString(value)
        return self._option(field, str(value)) if field.options else str(value)

    def _option(self, field: Field, code: str) -> str:
        option = field.option(code)
        return option.label.text(self._language) if option is not None else code

    # The buttons

    def request_edit(self) -> None:
        self.edit_requested.emit(self.record.id)
        self.accept()

    def ask_delete(self) -> DeleteRecordDialog:
        when = display.short_time(self.record.started_at, self._locale)
        dialog = DeleteRecordDialog(self._session, self.record.id, when, self)
        dialog.accepted.connect(self._was_deleted)
        dialog.finished.connect(dialog.deleteLater)
        self.delete_dialog = dialog
        dialog.open()
        return dialog

    def _was_deleted(self) -> None:
        self.deleted.emit(self.record.id)
        self.accept()


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{escape(value)}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='3'>{cells}</table>"
