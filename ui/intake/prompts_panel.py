"""The side panel of an open call: the timer, then the form's prompts as they apply.

Prompts never block: they appear (and are announced to screen readers) while
the counselor goes on typing. Every prompt shown once is remembered for the record.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from counselor_app.forms.definition import Prompt
from ui.intake.timer import CallTimer

PANEL_WIDTH = 220
ICONS = {"danger": "⚠", "info": "ℹ"}


class PromptsPanel(QFrame):
    """``shown`` lists the codes of every prompt shown so far, in order."""

    def __init__(self, started_at: datetime, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prompts_panel")
        self.setFixedWidth(PANEL_WIDTH)
        self.language = language
        self.timer = CallTimer(started_at, self)
        timer_heading = self._heading(self.tr("Call duration"), "timer_heading")
        timer_heading.setBuddy(self.timer)
        heading = self._heading(self.tr("Prompts"), "prompts_heading")
        self.empty = QLabel(self.tr("None for now."), self)
        self.empty.setObjectName("no_prompts")
        self.shown: list[str] = []
        self.cards: dict[str, QLabel] = {}
        # The prompts scroll when they do not fit; the timer stays in view.
        cards = QWidget(self)
        self._layout = QVBoxLayout(cards)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)
        scroller = QScrollArea(self)
        scroller.setObjectName("prompts_scroll")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(cards)
        layout = QVBoxLayout(self)
        layout.addWidget(timer_heading)
        layout.addWidget(self.timer)
        layout.addSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(scroller, 1)

    def _heading(self, text: str, name: str) -> QLabel:
        heading = QLabel(text, self)
        heading.setObjectName(name)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        return heading

    def remember(self, codes: tuple[str, ...]) -> None:
        """Prompts already shown before (in a resumed draft)."""
        self.shown = list(dict.fromkeys([*self.shown, *codes]))

    def show_prompts(self, prompts: list[Prompt]) -> None:
        """Show exactly ``prompts`` (the active ones); announce those new on screen."""
        active = {prompt.code for prompt in prompts}
        for code, card in self.cards.items():
            card.setVisible(code in active)
        for prompt in prompts:
            if prompt.code not in self.cards:
                card = self._card(prompt)
                card.setParent(self._layout.parentWidget())
                self.cards[prompt.code] = card
                self._layout.insertWidget(self._layout.count() - 1, card)
                card.show()
                QAccessible.updateAccessibility(QAccessibleEvent(card, QAccessible.Event.Alert))
            if prompt.code not in self.shown:
                self.shown.append(prompt.code)
        self.empty.setVisible(not prompts)

    def active(self) -> list[str]:
        return [code for code, card in self.cards.items() if not card.isHidden()]

    def _card(self, prompt: Prompt) -> QLabel:
        title = prompt.title.text(self.language)
        text = prompt.text.text(self.language)
        card = QLabel(f"{ICONS.get(prompt.level, 'ℹ')} {title}\n\n{text}", self)
        card.setObjectName(f"prompt_{prompt.code}")
        card.setWordWrap(True)
        card.setTextFormat(Qt.TextFormat.PlainText)
        card.setFrameShape(QFrame.Shape.Box if prompt.level == "danger" else QFrame.Shape.Panel)
        card.setLineWidth(2 if prompt.level == "danger" else 1)
        card.setMargin(6)
        card.setAccessibleName(title)
        card.setAccessibleDescription(text)
        return card
