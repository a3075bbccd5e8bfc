"""The form of one call: the list of sections beside the fields, shown as they apply.

Only relevant fields are shown; an answer that stops being relevant is cleared
(the core's ``prune``). Required fields say so in words. Problems are shown
under their field and the list of sections marks where they are.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.forms.expression import Answer
from counselor_app.forms.relevance import prune, relevance
from counselor_app.forms.validation import validate_answers
from ui.intake.issues import issue_message
from ui.intake.note_editor import NoteEditor
from ui.intake.widgets import FieldInput, SearchChoice, make_input

LABEL_WIDTH = 170
COMPACT_BELOW = 620  # narrower than this (in pixels), labels go above the inputs
QWIDGETSIZE_MAX = (1 << 24) - 1
SECTIONS_MAX_WIDTH = 190
REVEAL_MARGIN = 12
CURRENT_MARK = "▸"
ERROR_MARK = "⚠"


class FieldRow(QWidget):
    """A field's label (with "required" in words), its input and its problem, if any."""

    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{field.code}_row")
        self.field = field
        label = field.label.text(language)
        self.input: FieldInput = make_input(field, language, self)
        self.input.setAccessibleName(label)
        shown = self.tr("{label} (required)").format(label=label) if field.required else label
        self.label = QLabel(shown, self)
        self.label.setObjectName(f"{field.code}_label")
        self.label.setWordWrap(True)
        self.label.setFixedWidth(LABEL_WIDTH)
        self.label.setBuddy(self.input)
        self.error = QLabel(self)
        self.error.setObjectName(f"{field.code}_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        column = QVBoxLayout()
        column.addWidget(self.input)
        column.addWidget(self.error)
        if isinstance(self.input, NoteEditor):
            column.addWidget(self.input.status)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self._layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addLayout(column, 1)
        self.set_error(None)

    def set_error(self, message: str | None) -> None:
        self.error.setText(f"{ERROR_MARK} {message}" if message else "")
        self.error.setVisible(bool(message))
        parts = [self.tr("Required.") if self.field.required else "", message or ""]
        self.input.setAccessibleDescription(" ".join(part for part in parts if part))

    @property
    def message(self) -> str:
        return self.error.text()

    def set_compact(self, compact: bool) -> None:
        """In a narrow window, the label goes above its input instead of beside it."""
        if compact:
            self._layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self.label.setMinimumWidth(0)
            self.label.setMaximumWidth(QWIDGETSIZE_MAX)
        else:
            self._layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self.label.setFixedWidth(LABEL_WIDTH)


class FormView(QWidget):
    """Emits ``changed`` when an answer changes, ``section_changed(code)`` when the focus
    moves to another section."""

    changed = Signal()
    section_changed = Signal(str)

    def __init__(self, form: FormDefinition, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("form_view")
        self.form = form
        self.rows: dict[str, FieldRow] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self._titles = {s.code: s.title.text(language) for s in form.sections}
        self._answers: dict[str, Answer] = {}
        self._errors: dict[str, str] = {}
        self._live_errors = False
        self.section = form.sections[0].code

        self.sections = QListWidget(self)
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.sections.itemClicked.connect(self._section_clicked)
        self.sections.itemActivated.connect(self._section_clicked)
        container = QWidget(self)
        column = QVBoxLayout(container)
        for section in form.sections:
            item = QListWidgetItem(self._titles[section.code], self.sections)
            item.setData(Qt.ItemDataRole.UserRole, section.code)
            box = QGroupBox(self._titles[section.code], container)
            box.setObjectName(f"section_{section.code}")
            rows = QVBoxLayout(box)
            for field in section.fields:
                row = FieldRow(field, language, box)
                rows.addWidget(row)
                self.rows[field.code] = row
                row.input.changed.connect(lambda code=field.code: self._row_changed(code))
                row.input.installEventFilter(self)
            column.addWidget(box)
            self.boxes[section.code] = box
        column.addStretch(1)
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("form_scroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setWidget(container)
        self.scroller.viewport().installEventFilter(self)
        self._compact: bool | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)
        layout.addWidget(self.scroller, 1)
        self._apply()
        self.sections.setFixedWidth(
            min(SECTIONS_MAX_WIDTH, self.sections.sizeHintForColumn(0) + 24)
        )

    # Answers and relevance

    def answers(self) -> dict[str, Answer]:
        """The relevant answers, as they stand."""
        return dict(self._answers)

    def commit(self) -> None:
        """Complete what is half typed (a département), as leaving its field would."""
        for code, row in self.rows.items():
            if isinstance(row.input, SearchChoice) and self.is_shown(code):
                row.input.commit()

    def set_answers(self, answers: Mapping[str, Answer]) -> None:
        """Show ``answers`` (e.g. from a draft); the irrelevant ones are dropped."""
        for code, row in self.rows.items():
            row.input.set_value(answers.get(code))
        self._answers = {}
        for code, row in self.rows.items():
            value = row.input.value()
            if value is not None:
                self._answers[code] = value
        self._apply()

    def is_shown(self, code: str) -> bool:
        return not self.rows[code].isHidden()

    def _row_changed(self, code: str) -> None:
        value = self.rows[code].input.value()
        if value is None:
            self._answers.pop(code, None)
        else:
            self._answers[code] = value
        self._apply()
        if self._live_errors:
            self.check()
        self.changed.emit()

    def _apply(self) -> None:
        kept = prune(self.form, self._answers)
        self._answers = kept
        relevant_now = relevance(self.form, kept)
        for code, row in self.rows.items():
            relevant = relevant_now[code]
            if not relevant and not row.isHidden():
                row.input.set_value(None)
                row.set_error(None)
            row.setHidden(not relevant)
        for index, section in enumerate(self.form.sections):
            shown = any(self.is_shown(field.code) for field in section.fields)
            self.boxes[section.code].setHidden(not shown)
            self.sections.item(index).setHidden(not shown)
        self._mark_sections()

    # Problems

    def check(self) -> list[str]:
        """Show every problem beside its field; return the fields with one, in form order."""
        self._live_errors = True
        answers = dict(self._answers)
        errors: dict[str, str] = {}
        for issue in validate_answers(self.form, answers):
            row = self.rows.get(issue.field)
            if row is not None and issue.field not in errors:
                errors[issue.field] = issue_message(issue, row.field)
        for code, row in self.rows.items():
            problem = row.input.problem() if self.is_shown(code) else None
            if problem:
                errors[code] = problem
        self._errors = {code: errors[code] for code in self.rows if code in errors}
        for code, row in self.rows.items():
            row.set_error(self._errors.get(code))
        self._mark_sections()
        return list(self._errors)

    def _mark_sections(self) -> None:
        for index, section in enumerate(self.form.sections):
            faulty = any(field.code in self._errors for field in section.fields)
            mark = CURRENT_MARK if section.code == self.section else " "
            text = f"{mark} {self._titles[section.code]}"
            self.sections.item(index).setText(f"{text} {ERROR_MARK}" if faulty else text)

    # Moving around

    def tab_chain(self) -> list[QWidget]:
        return [row.input for row in self.rows.values()]

    def focus_field(self, code: str) -> None:
        row = self.rows[code]
        self._reveal(row)
        row.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reveal(self, widget: QWidget) -> None:
        """Scroll so that ``widget`` is in view, its label too (up, down, and back left)."""
        container = self.scroller.widget()
        if container is None:
            return
        top = widget.mapTo(container, QPoint(0, 0)).y()
        half = widget.height() // 2
        self.scroller.ensureVisible(0, top + half, 0, half + REVEAL_MARGIN)

    def first_shown(self, section: str | None = None) -> str | None:
        for code, row in self.rows.items():
            if self.is_shown(code) and section in (None, row.field.section):
                return code
        return None

    def go_to_section(self, section: str) -> None:
        code = self.first_shown(section)
        if code is not None:
            self._reveal(self.boxes[section])
            self.focus_field(code)

    def step_section(self, step: int) -> None:
        """Go to the next (1) or previous (-1) section shown."""
        shown = [s.code for s in self.form.sections if not self.boxes[s.code].isHidden()]
        if self.section in shown:
            index = shown.index(self.section) + step
            if 0 <= index < len(shown):
                self.go_to_section(shown[index])

    def _section_clicked(self, item: QListWidgetItem) -> None:
        self.go_to_section(str(item.data(Qt.ItemDataRole.UserRole)))

    def _fit(self, width: int) -> None:
        compact = width < COMPACT_BELOW
        if compact != self._compact:
            self._compact = compact
            for row in self.rows.values():
                row.set_compact(compact)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.scroller.viewport():
            self._fit(self.scroller.viewport().width())
        elif event.type() == QEvent.Type.FocusIn:
            row = next((r for r in self.rows.values() if r.input is watched), None)
            if row is not None:
                self._reveal(row)
                if row.field.section != self.section:
                    self.section = row.field.section
                    self._mark_sections()
                    self.sections.setCurrentRow(
                        [s.code for s in self.form.sections].index(self.section)
                    )
                    self.section_changed.emit(self.section)
        return False
