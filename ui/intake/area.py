"""The main window's call area: the welcome, or the open call; quick calls; drafts.

At most one call is open. The quick-call keys log a non-substantive call even
when none is open. After login, a draft left by a crash or a lock is offered back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from counselor_app import records
from counselor_app.drafts import Draft, discard_draft
from counselor_app.errors import RecordNotFound
from counselor_app.forms.catalogue import default_form
from counselor_app.vault import Session
from ui.action_dialog import busy
from ui.errors import FAILURES, describe_failure
from ui.fields import plain
from ui.intake.intake import Intake
from ui.intake.timer import now
from ui.notice import Notice

DEFAULT_CHANNEL = "phone"

log = logging.getLogger(__name__)


class IntakeArea(QWidget):
    """Emits ``message(text)`` for the status bar (call saved, logged, discarded)."""

    message = Signal(str)

    def __init__(
        self, session: Session, language: str, welcome: QLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intake_area")
        self.session = session
        self.language = language
        self.form = default_form()
        self.intake: Intake | None = None
        self.offer: QMessageBox | None = None
        self._closing = False
        self.notice = Notice(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(welcome)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)

    def kind_label(self, kind: str) -> str:
        field = self.form.field("call_kind")
        option = field.option(kind) if field is not None else None
        return option.label.text(self.language) if option is not None else kind

    # Opening and closing a call

    def new_call(self) -> Intake | None:
        """Start the timer and open the form; if a call is open, go back to it."""
        if self._closing or self.offer is not None:
            return None
        if self.intake is not None:
            self.message.emit(
                self.tr("A call is already open: save it (Ctrl+S) or discard it (Esc) first.")
            )
            self.intake.focus_start()
            return self.intake
        return self._open(None)

    def edit_record(self, record_id: str) -> Intake | None:
        """Open a saved call in the form to correct it; saving updates the record."""
        if self._closing or self.offer is not None:
            return None
        if self.intake is not None:
            self.message.emit(
                self.tr("A call is already open: save it (Ctrl+S) or discard it (Esc) first.")
            )
            self.intake.focus_start()
            return None
        try:
            record = records.get(self.session, record_id)
        except FAILURES as exc:
            self.notice.show_error(describe_failure(exc))
            return None
        draft = Draft(
            started_at=record.started_at,
            answers=dict(record.answers),
            prompts_shown=record.prompts_shown,
            record_id=record.id,
        )
        return self._open(draft)

    def _still_there(self, record_id: str) -> bool:
        """Whether the record a correction was made to can still be changed; if it was
        deleted meanwhile, the correction has nothing left to change and is discarded."""
        try:
            records.get(self.session, record_id)
        except RecordNotFound:
            try:
                discard_draft(self.session)
            except FAILURES as exc:
                self.notice.show_error(describe_failure(exc))
                return False
            self.notice.show_error(
                self.tr(
                    "The record this unsaved correction was for no longer exists (it was "
                    "deleted); the correction was discarded."
                )
            )
            self._focus_welcome()
            return False
        except FAILURES as exc:
            self.notice.show_error(describe_failure(exc))  # the draft stays for later
            return False
        return True

    def _open(self, draft: Draft | None) -> Intake:
        self.notice.clear()
        intake = Intake(self.session, self.form, self.language, draft, self)
        intake.closed.connect(self._closed)
        self.stack.addWidget(intake)
        self.stack.setCurrentWidget(intake)
        self.intake = intake
        intake.focus_start()
        return intake

    def _closed(self, message: str) -> None:
        intake, self.intake = self.intake, None
        self.stack.setCurrentIndex(0)
        if intake is not None:
            self.stack.removeWidget(intake)
            intake.deleteLater()
        self.message.emit(message)
        self._focus_welcome()

    def _focus_welcome(self) -> None:
        welcome = self.stack.widget(0)
        if welcome is not None:
            welcome.setFocus()

    def quick_call(self, kind: str) -> bool:
        """Log a call of a non-substantive ``kind`` with one key; end the open call so."""
        if self._closing or self.offer is not None:
            return False
        label = self.kind_label(kind)
        if self.intake is not None:
            return self.intake.log_as(kind, label)
        moment = now()
        record = records.new_record(
            self.session,
            started_at=moment,
            ended_at=moment,
            answers={"call_kind": kind, "channel": DEFAULT_CHANNEL},
        )
        try:
            with busy():
                records.create(self.session, record)
        except FAILURES as exc:
            self.notice.show_error(describe_failure(exc))
            return False
        self.notice.clear()
        self.message.emit(self.tr("Logged: {kind}.").format(kind=label))
        return True

    def has_open_call(self) -> bool:
        return self.intake is not None

    def keep_draft(self) -> None:
        """Before the session closes: keep the open call as a draft; do nothing more."""
        self._closing = True
        if self.intake is not None:
            self.intake.keep_draft()

    # A draft left behind

    def resume(self, draft: Draft) -> Intake | None:
        """Open the call of ``draft`` again without asking: she unlocks where she was.

        None if a call or a question is already there, or the call cannot be opened
        (the record being corrected was deleted meanwhile): then offer the draft.
        """
        if self._closing or self.offer is not None or self.intake is not None:
            return None
        try:
            return self._open(draft)
        except FAILURES:
            log.warning("The open call could not be reopened from its draft.")
            for stray in self.findChildren(Intake):  # the one half made
                stray.deleteLater()
            return None

    def offer_draft(self, draft: Draft) -> QMessageBox:
        """Ask whether to resume the unsaved call or discard it (Esc resumes: nothing lost)."""
        box = QMessageBox(self)
        box.setObjectName("resume_draft")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved call"))
        started = QDateTime.fromSecsSinceEpoch(int(draft.started_at.timestamp()))
        box.setText(
            self.tr(
                "A call started at {time} was not saved: the program was locked or "
                "stopped before the end. Resume it, or discard it?"
            ).format(time=QLocale().toString(started, QLocale.FormatType.ShortFormat))
        )
        resume_text = self.tr("&Resume")
        resume = box.addButton(resume_text, QMessageBox.ButtonRole.AcceptRole)
        resume.setObjectName("resume")
        resume.setAccessibleName(plain(resume_text))
        discard_text = self.tr("&Discard")
        discard = box.addButton(discard_text, QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard_draft")
        discard.setAccessibleName(plain(discard_text))
        box.setDefaultButton(resume)
        box.setEscapeButton(resume)
        box.finished.connect(
            lambda _result: self._answered(box, box.clickedButton() is discard, draft)
        )
        self.offer = box
        box.open()
        return box

    def _answered(self, box: QMessageBox, drop: bool, draft: Draft) -> None:
        if self.offer is not box or self._closing:
            return
        self.offer = None
        box.deleteLater()
        self.activateWindow()
        if not drop:
            if draft.record_id is None or self._still_there(draft.record_id):
                self._open(draft)
            return
        try:
            discard_draft(self.session)
        except FAILURES as exc:
            self.notice.show_error(describe_failure(exc))
            return
        self._focus_welcome()
        self.message.emit(self.tr("The unsaved call was discarded."))
