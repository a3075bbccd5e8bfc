"""A single or multiple choice, picked from the keyboard.

The whole group is one stop in the Tab order. In it, a number picks that option
(``1``…; two digits typed quickly give ``10``, ``11``…), a letter the next option
whose label starts with it, the arrows move between options. A single choice is
picked at once; in a multiple choice Space toggles the option under the cursor.
Delete or Backspace clears the answer.
"""

from __future__ import annotations

import time
import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QFrame, QRadioButton, QWidget

from counselor_app.forms.definition import Field
from counselor_app.forms.expression import Answer
from ui.intake.flow import FlowLayout, same_width

TYPE_AHEAD_S = 1.0
CURSOR_STYLE = "border: 1px dashed palette(text); padding: 1px;"
PLAIN_STYLE = "border: 1px solid transparent; padding: 1px;"


def fold(text: str) -> str:
    """Lower case without accents: ``É`` is typed as ``e``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class ChoiceField(QFrame):
    """Options shown as radio buttons (single, yes/no) or check boxes (multiple)."""

    changed = Signal()

    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(field.code)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.multiple = field.type == "multiple"
        self._codes = list(field.codes)
        self._exclusive = field.exclusive
        self._labels = [option.label.text(language) for option in field.options]
        self._folded = [fold(label) for label in self._labels]
        self._chosen: list[str] = []
        self._cursor = 0
        self._moved = False
        self._typed = ""
        self._typed_at = 0.0
        self.buttons: list[QAbstractButton] = []
        layout = FlowLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for index, label in enumerate(self._labels):
            kind = QCheckBox if self.multiple else QRadioButton
            option = kind(f"({index + 1}) {label}", self)
            option.setObjectName(f"{field.code}__{self._codes[index]}")
            option.setAccessibleName(label)
            option.setAutoExclusive(False)
            option.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            option.setStyleSheet(PLAIN_STYLE)
            option.clicked.connect(lambda _checked=False, i=index: self._clicked(i))
            layout.addWidget(option)
            self.buttons.append(option)
        same_width(self.buttons)

    # The answer

    def value(self) -> Answer | None:
        if self.multiple:
            return list(self._chosen) if self._chosen else None
        return self._chosen[0] if self._chosen else None

    def set_value(self, value: Answer | None) -> None:
        """Show ``value`` without announcing a change (codes that are not options are dropped)."""
        if isinstance(value, list):
            wanted = [code for code in value if code in self._codes]
        elif isinstance(value, str) and value in self._codes:
            wanted = [value]
        else:
            wanted = []
        self._chosen = self._in_order(wanted if self.multiple else wanted[:1])
        if self._chosen:
            self._cursor = self._codes.index(self._chosen[0])
        self._render()

    def problem(self) -> str | None:
        return None

    def _in_order(self, codes: list[str]) -> list[str]:
        return [code for code in self._codes if code in codes]

    def _set(self, chosen: list[str]) -> None:
        chosen = self._in_order(chosen)
        if chosen != self._chosen:
            self._chosen = chosen
            self._render()
            self.changed.emit()
        else:
            self._render()

    def pick(self, index: int) -> None:
        self._cursor = index
        self._moved = True
        self._set([self._codes[index]])

    def toggle(self, index: int) -> None:
        self._cursor = index
        self._moved = True
        code = self._codes[index]
        if code in self._chosen:
            self._set([c for c in self._chosen if c != code])
        elif code in self._exclusive:
            self._set([code])
        else:
            self._set([c for c in self._chosen if c not in self._exclusive] + [code])

    def clear(self) -> None:
        self._set([])

    def _clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if self.multiple:
            self.toggle(index)
        else:
            self.pick(index)

    def _render(self) -> None:
        focused = self.hasFocus()
        for index, option in enumerate(self.buttons):
            option.setChecked(self._codes[index] in self._chosen)
            current = focused and index == self._cursor
            option.setStyleSheet(CURSOR_STYLE if current else PLAIN_STYLE)

    # The keyboard

    def _move(self, index: int) -> None:
        index = max(0, min(len(self._codes) - 1, index))
        if self.multiple:
            self._cursor = index
            self._moved = True
            self._render()
        else:
            self.pick(index)

    def _search(self, text: str) -> int | None:
        """The option a typed number or letter designates, or None."""
        recent = time.monotonic() - self._typed_at < TYPE_AHEAD_S and bool(self._typed)
        self._typed_at = time.monotonic()
        if text.isdigit():
            buffer = self._typed + text if recent and self._typed.isdigit() else text
            for candidate in (buffer, text):
                if 1 <= int(candidate) <= len(self._codes):
                    self._typed = candidate
                    return int(candidate) - 1
            self._typed = ""
            return None
        letter = fold(text)
        if recent and not self._typed.isdigit():
            typed = self._typed + letter
            if len(set(typed)) > 1:
                found = self._find(typed, self._cursor)
                if found is not None:
                    self._typed = typed
                    return found
            else:
                # The same letter again: the next option starting with it.
                self._typed = typed
                return self._find(letter, self._cursor + 1)
        self._typed = letter
        fresh = not (self._moved or self._chosen)
        return self._find(letter, self._cursor if fresh else self._cursor + 1)

    def _find(self, prefix: str, start: int) -> int | None:
        count = len(self._codes)
        for step in range(count):
            index = (start + step) % count
            if self._folded[index].startswith(prefix):
                return index
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {
            Qt.Key.Key_Up: self._cursor - 1,
            Qt.Key.Key_Left: self._cursor - 1,
            Qt.Key.Key_Down: self._cursor + 1,
            Qt.Key.Key_Right: self._cursor + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(self._codes) - 1,
        }
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if key != Qt.Key.Key_unknown and not (text and text.isalnum()):
            self._typed = ""
        if key in moves and plain:
            self._move(moves[Qt.Key(key)])
        elif key == Qt.Key.Key_Space and plain:
            if self.multiple:
                self.toggle(self._cursor)
            else:
                self.pick(self._cursor)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and plain:
            self.clear()
        elif plain and len(text) == 1 and text.isalnum():
            index = self._search(text)
            if index is not None:
                self._move(index)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._render()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._typed = ""
        self._render()
