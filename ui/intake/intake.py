"""One open call: its form, timer and prompts, saving, discarding and its draft.

The draft is written every few seconds while something changed, at each change
of section, and when the session is locked; saving or discarding the call
deletes it. A failed save leaves the call open and its draft in place.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from counselor_app import records
from counselor_app.drafts import Draft, discard_draft, save_draft
from counselor_app.forms.definition import FormDefinition
from counselor_app.forms.expression import Answer
from counselor_app.forms.relevance import active_prompts
from counselor_app.vault import Session
from ui import confirm
from ui.action_dialog import busy
from ui.errors import FAILURES, describe_failure
from ui.fields import chain_tab_order
from ui.intake.form_view import FormView
from ui.intake.keys import (
    DISCARD_KEY,
    MASK_ALL_KEY,
    MASK_KEY,
    NEXT_SECTION_KEY,
    PREVIOUS_SECTION_KEY,
    SAVE_KEY,
    key_button,
    shortcut,
)
from ui.intake.note_editor import NoteEditor, describe_findings
from ui.intake.prompts_panel import PromptsPanel
from ui.intake.timer import clock, now
from ui.notice import Notice

AUTOSAVE_MS = 5000
KEPT_BY_QUICK_CALLS = frozenset({"call_kind", "channel"})


class Intake(QWidget):
    """Emits ``closed(message)`` once saved, logged or discarded; ``draft_saved`` after
    each draft written."""

    closed = Signal(str)
    draft_saved = Signal()

    def __init__(
        self,
        session: Session,
        form: FormDefinition,
        language: str,
        draft: Draft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intake")
        self.session = session
        self.form = form
        self.started_at = draft.started_at if draft is not None else now()
        # Set when a saved call is being corrected: saving updates it, times unchanged.
        self.record_id = draft.record_id if draft is not None else None
        self.ended = False
        self._dirty = draft is None
        self.form_view = FormView(form, language, self)
        self.panel = PromptsPanel(self.started_at, language, self)
        self.notice = Notice(self)
        self.save_button = key_button(self.tr("Save"), "save", SAVE_KEY, self)
        self.discard_button = key_button(self.tr("Discard"), "discard", DISCARD_KEY, self)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        shortcut(self, SAVE_KEY, self.save)
        shortcut(self, DISCARD_KEY, self.discard)
        shortcut(self, MASK_KEY, self.mask_one)
        shortcut(self, MASK_ALL_KEY, self.mask_all)
        shortcut(self, NEXT_SECTION_KEY, lambda: self.form_view.step_section(1))
        shortcut(self, PREVIOUS_SECTION_KEY, lambda: self.form_view.step_section(-1))

        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addWidget(self.notice)
        left.addWidget(self.form_view, 1)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.panel)
        chain_tab_order([*self.form_view.tab_chain(), self.save_button, self.discard_button])

        if draft is not None:
            self.form_view.set_answers(draft.answers)
            self.panel.remember(draft.prompts_shown)
        self._ended_at: datetime | None = None
        if self.record_id is not None:
            self._ended_at = records.get(session, self.record_id).ended_at
            self.panel.timer.stop(self._ended_at)
        self._show_prompts()
        self.form_view.changed.connect(self._changed)
        self.form_view.section_changed.connect(lambda _code: self.save_draft())
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._first_section = draft.section if draft is not None else None

    def focus_start(self) -> None:
        """Put the focus where the call goes on: the first field (of the draft's section)."""
        code = None
        if self._first_section is not None:
            code = self.form_view.first_shown(self._first_section)
        code = code or self.form_view.first_shown()
        if code is not None:
            self.form_view.focus_field(code)

    @property
    def note(self) -> NoteEditor | None:
        row = self.form_view.rows.get("note")
        if row is None or not isinstance(row.input, NoteEditor):
            return None
        return row.input if self.form_view.is_shown("note") else None

    def answers(self) -> dict[str, Answer]:
        return self.form_view.answers()

    def _changed(self) -> None:
        self._dirty = True
        self._show_prompts()

    def _show_prompts(self) -> None:
        self.panel.show_prompts(active_prompts(self.form, self.form_view.answers()))

    # The draft

    def autosave(self) -> None:
        if self._dirty:
            self.save_draft()

    def save_draft(self) -> bool:
        if self.ended:
            return False
        draft = Draft(
            started_at=self.started_at,
            answers=self.form_view.answers(),
            section=self.form_view.section,
            prompts_shown=tuple(self.panel.shown),
            record_id=self.record_id,
        )
        try:
            save_draft(self.session, draft)
        except FAILURES as exc:
            self.notice.show_error(describe_failure(exc))
            return False
        self._dirty = False
        self.draft_saved.emit()
        return True

    def keep_draft(self) -> None:
        """Before the session closes (lock, quit): write the draft, then stop."""
        self.save_draft()
        self._stop()

    def _stop(self) -> None:
        self.ended = True
        self.autosave_timer.stop()
        self.panel.timer.stop()

    # Ending the call

    def save(self) -> bool:
        """Check, ask about identifying details left in the note, then store the call."""
        if self.ended:
            return False
        self.notice.clear()
        self.form_view.commit()
        problems = self.form_view.check()
        if problems:
            self.notice.show_error(
                self.tr("Some answers are missing or not valid: see the fields marked ⚠.")
            )
            self.form_view.focus_field(problems[0])
            return False
        note = self.note
        findings = note.rescan() if note is not None else []
        if note is not None and findings:
            asked = self._ask(
                self.tr("Identifying details in the note"),
                self.tr(
                    "The note still contains identifying details: {kinds}.\n\n"
                    "Mask them (Ctrl+M) before saving, or save the note as it is; "
                    "that choice is recorded with the call."
                ).format(kinds=describe_findings(findings)),
                self.tr("&Save as it is"),
            )
            if not asked or self.ended:
                note.setFocus()
                note.select_first_finding()
                return False
        return self._store(self.form_view.answers(), findings_confirmed=bool(findings))

    def log_as(self, kind: str, label: str) -> bool:
        """End the call as a non-substantive one (silent, hung up…): kind and channel only."""
        if self.ended:
            return False
        answers = self.form_view.answers()
        if set(answers) - KEPT_BY_QUICK_CALLS:
            asked = self._ask(
                self.tr("Log as “{kind}”").format(kind=label),
                self.tr("This call already has answers. Log it as “{kind}” and drop them?").format(
                    kind=label
                ),
                self.tr("&Log it"),
            )
            if not asked or self.ended:
                return False
        channel = answers.get("channel", "phone")
        return self._store(
            {"call_kind": kind, "channel": channel},
            message=self.tr("Logged: {kind}.").format(kind=label),
        )

    def _store(
        self,
        answers: dict[str, Answer],
        *,
        findings_confirmed: bool = False,
        message: str | None = None,
    ) -> bool:
        ended_at = self._ended_at or max(now(), self.started_at)
        record = records.new_record(
            self.session,
            started_at=self.started_at,
            ended_at=ended_at,
            answers=answers,
            prompts_shown=tuple(self.panel.shown),
            findings_confirmed=findings_confirmed,
        )
        try:
            with busy():
                if self.record_id is None:
                    records.create(self.session, record, drop_draft=True)
                else:
                    records.update(
                        self.session,
                        self.record_id,
                        answers=answers,
                        prompts_shown=record.prompts_shown,
                        findings_confirmed=findings_confirmed,
                        drop_draft=True,
                    )
        except FAILURES as exc:
            self.save_draft()
            self.notice.show_error(describe_failure(exc))
            return False
        self.panel.timer.stop(ended_at)
        self._stop()
        duration = clock(self.panel.timer.seconds())
        message = message or self.tr("Call saved ({duration}).").format(duration=duration)
        self.closed.emit(message)
        return True

    def discard(self) -> bool:
        """Ask, then close the call without saving it."""
        if self.ended:
            return False
        asked = self._ask(
            self.tr("Discard this call"),
            self.tr("Discard this call without saving it? Its answers will be lost."),
            self.tr("&Discard"),
        )
        if not asked or self.ended:
            return False
        self._stop()
        self.closed.emit(self._drop_draft(self.tr("Call discarded.")))
        return True

    def _ask(self, title: str, text: str, action: str) -> bool:
        """Ask (see ``confirm``); then give the focus back to where it was."""
        focus = QApplication.focusWidget()
        asked = confirm.ask(self, title, text, action)
        if not self.ended:
            self.activateWindow()
            if focus is not None and isValid(focus) and self.isAncestorOf(focus):
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
        return asked

    def _drop_draft(self, message: str) -> str:
        """Delete the draft; ``message``, with the problem if that failed."""
        try:
            discard_draft(self.session)
        except FAILURES as exc:
            return f"{message} {describe_failure(exc)}"
        return message

    # The note

    def mask_one(self) -> None:
        note = self.note
        if note is not None and note.mask_at_cursor():
            note.setFocus()

    def mask_all(self) -> None:
        note = self.note
        if note is not None and note.mask_all():
            note.setFocus()
