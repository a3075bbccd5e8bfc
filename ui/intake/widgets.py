"""One input a field type: choices, a number, a searchable list and the note.

Every input is named after its field code (``objectName``) and carries the
field's label as its accessible name. Each has ``value()`` (None when not
answered), ``set_value()`` (silent), ``problem()`` (a translated sentence when
what was typed cannot be an answer) and a ``changed`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from counselor_app.forms.definition import Field
from counselor_app.forms.expression import Answer
from ui.intake.choices import ChoiceField, fold
from ui.intake.note_editor import NoteEditor

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole


class NumberField(QLineEdit):
    """A whole number; empty means not answered. The range is checked with the record."""

    changed = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(field.code)
        digits = len(str(field.maximum if field.maximum is not None else 99))
        self.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{digits}}}")))
        self.setPlaceholderText(
            self.tr("{minimum} to {maximum}").format(minimum=field.minimum, maximum=field.maximum)
        )
        self.setMaximumWidth(120)
        self.textChanged.connect(self.changed)

    def value(self) -> Answer | None:
        text = self.text().strip()
        return int(text) if text.isdigit() else None

    def set_value(self, value: Answer | None) -> None:
        self.blockSignals(True)
        self.setText(str(value) if isinstance(value, int) else "")
        self.blockSignals(False)

    def problem(self) -> str | None:
        return None


class SearchChoice(QComboBox):
    """A long list (the départements) chosen by typing a code or part of a name.

    Suggestions containing what is typed pop up as one types; on leaving the
    field, a code (``33``, ``2a``), a whole name or a part that fits a single
    entry is taken, and the entry shown in full.
    """

    changed = Signal()

    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(field.code)
        self.setEditable(True)
        edit = self.lineEdit()
        assert edit is not None
        self.edit: QLineEdit = edit
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        self._codes = list(field.codes)
        self._names: list[str] = []
        for option in field.options:
            name = option.label.text(language)
            coded = option.code[:1].isdigit()
            text = f"{option.code} — {name}" if coded else name
            self.addItem(text, option.code)
            self.setItemData(self.count() - 1, f"{text} {fold(text)}", SEARCH_ROLE)
            self._names.append(name)
        self._texts = [self.itemText(index) for index in range(self.count())]
        # What the suggestions match (accents optional); a chosen one is then shown in full.
        self._searches = [str(self.itemData(index, SEARCH_ROLE)) for index in range(self.count())]
        completer = QCompleter(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(8)
        self.setCompleter(completer)
        completer.activated.connect(lambda _text: QTimer.singleShot(0, self, self.commit))
        self._code: str | None = None
        self.setCurrentIndex(-1)
        self.edit.setPlaceholderText(self.tr("Type a code or a name"))
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self.commit)
        self.currentIndexChanged.connect(self._index_changed)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.view().setAccessibleName(name)

    def resolve(self, text: str) -> int | None:
        """The entry ``text`` designates, or None (nothing typed, or no single entry)."""
        typed = fold(text.strip())
        if not typed:
            return None
        if typed.isdigit() and len(typed) == 1:
            typed = "0" + typed
        for candidates in (self._texts, self._codes, self._names, self._searches):
            found = [i for i, candidate in enumerate(candidates) if fold(candidate) == typed]
            if len(found) == 1:
                return found[0]
        containing = [i for i, candidate in enumerate(self._texts) if typed in fold(candidate)]
        return containing[0] if len(containing) == 1 else None

    def _edited(self, text: str) -> None:
        index = self.resolve(text)
        self._take(None if index is None else self._codes[index])

    def _index_changed(self, index: int) -> None:
        if 0 <= index < len(self._codes):
            self._take(self._codes[index])

    def _take(self, code: str | None) -> None:
        if code != self._code:
            self._code = code
            self.changed.emit()

    def commit(self) -> None:
        """Show the entry taken in full (after leaving the field, or before saving)."""
        index = self.resolve(self.edit.text())
        if index is not None:
            if self.currentIndex() != index:
                self.setCurrentIndex(index)
            if self.edit.text() != self._texts[index]:
                self.edit.setText(self._texts[index])
            self._take(self._codes[index])
        elif not self.edit.text().strip():
            self._take(None)

    def value(self) -> Answer | None:
        return self._code

    def set_value(self, value: Answer | None) -> None:
        self.blockSignals(True)
        if isinstance(value, str) and value in self._codes:
            index = self._codes.index(value)
            self.setCurrentIndex(index)
            self.edit.setText(self._texts[index])
            self._code = value
        else:
            self.setCurrentIndex(-1)
            self.edit.clear()
            self._code = None
        self.blockSignals(False)

    def problem(self) -> str | None:
        text = self.edit.text().strip()
        if text and self.resolve(text) is None:
            return self.tr(
                "“{text}” is not one of the entries: type a code or choose a name."
            ).format(text=text)
        return None


FieldInput = ChoiceField | NumberField | SearchChoice | NoteEditor


def make_input(field: Field, language: str, parent: QWidget | None = None) -> FieldInput:
    """The input for ``field``, named after it; its accessible name is set by the caller."""
    if field.type == "integer":
        return NumberField(field, parent)
    if field.type == "text":
        return NoteEditor(field, parent)
    if field.searchable:
        return SearchChoice(field, language, parent)
    return ChoiceField(field, language, parent)
