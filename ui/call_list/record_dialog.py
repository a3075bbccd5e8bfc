"""One call's record, read only: its times, every answer with its label, and the note.

Edit is offered when the session may still change the record; Delete… to those
who may delete records (it asks for a reason). A record on legal hold says so, since
when and who placed it; supervisors and admins place or lift the hold here (lifting
asks first), and cannot delete a held record until its hold is lifted.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counselor_app import holds, records
from counselor_app.forms.catalogue import UnknownForm, default_form, load_form
from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.forms.expression import Answer
from counselor_app.roles import Permission, allows
from counselor_app.store import users
from counselor_app.store.records import NOTE_FIELD, CallRecord
from counselor_app.vault import Session
from ui import confirm
from ui.call_list import display
from ui.call_list.delete_dialog import DeleteRecordDialog
from ui.errors import FAILURES, describe_failure
from ui.fields import button, chain_tab_order, plain
from ui.notice import Notice

MIN_WIDTH = 560
MIN_HEIGHT = 480


def record_form(record: CallRecord) -> FormDefinition:
    """The form the record was made with (the default one if this program lacks it)."""
    try:
        return load_form(record.form, record.form_version)
    except UnknownForm:
        return default_form()


class RecordDialog(QDialog):
    """Emits ``edit_requested(record_id)`` (Edit), ``deleted(record_id)``, and
    ``hold_changed(record_id, held)`` once a legal hold was placed or lifted.
    """

    edit_requested = Signal(str)
    deleted = Signal(str)
    hold_changed = Signal(str, bool)

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
        self.hold: holds.Hold | None = None
        when = display.short_time(record.started_at, self._locale)
        self.setWindowTitle(self.tr("Call of {when}").format(when=when))

        self.notice = Notice(self)
        self.hold_line = QLabel(self)
        self.hold_line.setObjectName("hold_line")
        self.hold_line.setTextFormat(Qt.TextFormat.PlainText)
        self.hold_line.setWordWrap(True)
        self.hold_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.hold_line.font()
        font.setBold(True)
        self.hold_line.setFont(font)
        self.hold_line.hide()

        self.text = QTextBrowser(self)
        self.text.setObjectName("record_text")
        self.text.setAccessibleName(self.tr("Record of the call of {when}").format(when=when))
        self.text.setOpenLinks(False)
        self.text.setTabChangesFocus(True)
        self.text.setHtml(self._html())

        box = QDialogButtonBox(self)
        self.edit_button: QPushButton | None = None
        self.hold_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        chain: list[QWidget] = [self.text]
        if records.may_edit(session, record):
            self.edit_button = button(self.tr("&Edit"), "edit", self)
            self.edit_button.clicked.connect(self.request_edit)
            box.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
            chain.append(self.edit_button)
        if allows(session.user.role, Permission.LEGAL_HOLD):
            self.hold_button = button(self.tr("Place on legal &hold"), "legal_hold", self)
            self.hold_button.clicked.connect(self.toggle_hold)
            box.addButton(self.hold_button, QDialogButtonBox.ButtonRole.ActionRole)
            chain.append(self.hold_button)
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
        layout.addWidget(self.notice)
        layout.addWidget(self.hold_line)
        layout.addWidget(self.text, 1)
        layout.addWidget(box)
        chain_tab_order(chain)
        self._read_hold()
        self.text.setFocus()

    @property
    def held(self) -> bool:
        return self.hold is not None

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

    # The legal hold

    def _read_hold(self) -> None:
        """Read the record's hold from the vault and show it (its line and the buttons)."""
        try:
            self.hold = holds.hold_of(self._session, self.record.id)
        except FAILURES as exc:
            self.hold = None
            self.notice.show_error(describe_failure(exc))
        self._show_hold()

    def _hold_text(self) -> str:
        if self.hold is None:
            return ""
        return self.tr("On legal hold since {when} (placed by {name})").format(
            when=display.long_time(self.hold.placed_at, self._locale), name=self.hold.placed_by
        )

    def _show_hold(self) -> None:
        line = self._hold_text()
        self.hold_line.setText(line)
        self.hold_line.setAccessibleName(line)
        self.hold_line.setVisible(bool(line))
        # Said with the record's name when the text gets the focus, as the dialog opens.
        self.text.setAccessibleDescription(line)
        if self.hold_button is not None:
            text = self.tr("Lift legal &hold") if self.held else self.tr("Place on legal &hold")
            self.hold_button.setText(text)
            self.hold_button.setAccessibleName(plain(text))
        if self.delete_button is not None:
            why = (
                self.tr("This record is on legal hold: lift the hold before deleting it.")
                if self.held
                else ""
            )
            self.delete_button.setEnabled(not self.held)
            self.delete_button.setToolTip(why)
            self.delete_button.setAccessibleDescription(why)
        if self.edit_button is not None:
            why = (
                self.tr("This record is on legal hold: lift the hold before changing it.")
                if self.held
                else ""
            )
            self.edit_button.setEnabled(not self.held)
            self.edit_button.setToolTip(why)
            self.edit_button.setAccessibleDescription(why)

    def toggle_hold(self) -> None:
        """Place the hold, or lift it once the person confirms."""
        if self.held and not self._confirm_lift():
            return
        lifting = self.held
        self.notice.clear()
        try:
            if lifting:
                holds.lift(self._session, self.record.id)
            else:
                holds.place(self._session, self.record.id)
        except FAILURES as exc:
            self._read_hold()  # someone else may have changed it meanwhile
            self.notice.show_error(describe_failure(exc))
            self._focus_hold_button()
            return
        self._read_hold()
        if self.held:
            self.notice.show_info(self.tr("The record is on legal hold."))
        else:
            self.notice.show_info(self.tr("The legal hold was lifted."))
        self.hold_changed.emit(self.record.id, self.held)
        self._focus_hold_button()

    def _confirm_lift(self) -> bool:
        when = display.short_time(self.record.started_at, self._locale)
        asked = confirm.ask(
            self,
            self.tr("Lift a legal hold"),
            self.tr(
                "Lift the legal hold on the record of the call of {when}? The retention "
                "rules apply to it again, and it can be deleted."
            ).format(when=when),
            self.tr("&Lift the hold"),
        )
        if not asked:
            self._focus_hold_button()
        return asked

    def _focus_hold_button(self) -> None:
        self.activateWindow()
        if self.hold_button is not None:
            self.hold_button.setFocus()

    # The buttons

    def request_edit(self) -> None:
        self.edit_requested.emit(self.record.id)
        self.accept()

    def ask_delete(self) -> DeleteRecordDialog:
        when = display.short_time(self.record.started_at, self._locale)
        dialog = DeleteRecordDialog(self._session, self.record.id, when, self)
        dialog.accepted.connect(self._was_deleted)
        dialog.rejected.connect(self._read_hold)  # refused: a hold may have been placed
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
