"""The free-text note, scanned for identifying details as it is typed.

Findings are highlighted (underlined and shaded) and listed under the note;
Ctrl+M masks the one at (or after) the cursor, Ctrl+Shift+M masks them all, each
replaced by ``[masqué]``. The scanner counts in code points, Qt in UTF-16 units:
positions are converted both ways here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

from counselor_app.forms.definition import Field
from counselor_app.forms.expression import Answer
from counselor_app.privacy.scanner import REDACTION, Finding, Kind, scan

SCAN_DELAY_MS = 250
HIGHLIGHT_ALPHA = 70


def utf16_offset(text: str, index: int) -> int:
    """The Qt position of the code point ``index`` of ``text``."""
    return len(text[:index].encode("utf-16-le")) // 2


def kind_name(kind: Kind) -> str:
    names = {
        Kind.PHONE: QCoreApplication.translate("NoteEditor", "phone number"),
        Kind.EMAIL: QCoreApplication.translate("NoteEditor", "e-mail address"),
        Kind.IBAN: QCoreApplication.translate("NoteEditor", "bank account number (IBAN)"),
        Kind.NIR: QCoreApplication.translate("NoteEditor", "social security number"),
        Kind.DATE: QCoreApplication.translate("NoteEditor", "date (perhaps a date of birth)"),
        Kind.ADDRESS: QCoreApplication.translate("NoteEditor", "street address"),
    }
    return names[kind]


def describe_findings(findings: list[Finding]) -> str:
    """``phone number, e-mail address`` (each kind once, in order of appearance)."""
    kinds = list(dict.fromkeys(finding.kind for finding in findings))
    return ", ".join(kind_name(kind) for kind in kinds)


class NoteEditor(QPlainTextEdit):
    """Emits ``changed`` as the text changes; ``findings`` is refreshed shortly after."""

    changed = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(field.code)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(110)
        self.max_length = field.max_length or 0
        self.findings: list[Finding] = []
        self.status = QLabel(self)
        self.status.setObjectName(f"{field.code}_findings")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self._scan_timer = QTimer(self)
        self._scan_timer.setSingleShot(True)
        self._scan_timer.setInterval(SCAN_DELAY_MS)
        self._scan_timer.timeout.connect(self.rescan)
        self.textChanged.connect(self._text_changed)
        self.rescan()

    def _text_changed(self) -> None:
        self._scan_timer.start()
        self.changed.emit()

    def value(self) -> Answer | None:
        text = self.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: Answer | None) -> None:
        self.blockSignals(True)
        self.setPlainText(value if isinstance(value, str) else "")
        self.blockSignals(False)
        self.rescan()

    def problem(self) -> str | None:
        return None

    # Findings

    def _span(self, text: str, finding: Finding) -> tuple[int, int]:
        return utf16_offset(text, finding.start), utf16_offset(text, finding.end)

    def rescan(self) -> list[Finding]:
        """Scan now; highlight and list what was found."""
        self._scan_timer.stop()
        text = self.toPlainText()
        self.findings = scan(text)
        selections = []
        shade = QColor(self.palette().color(self.palette().ColorRole.Highlight))
        shade.setAlpha(HIGHLIGHT_ALPHA)
        for finding in self.findings:
            start, end = self._span(text, finding)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            look = QTextCharFormat()
            look.setBackground(shade)
            look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            look.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selection.format = look
            selections.append(selection)
        self.setExtraSelections(selections)
        self._show_status()
        return self.findings

    def highlighted_spans(self) -> list[tuple[int, int]]:
        """The highlighted ranges, in Qt positions."""
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.extraSelections()
        ]

    def _show_status(self) -> None:
        length = len(self.toPlainText())
        parts = []
        if self.findings:
            parts.append(
                self.tr(
                    "⚠ Identifying details found (underlined): {kinds}. "
                    "Ctrl+M masks the one at the cursor, Ctrl+Shift+M masks them all."
                ).format(kinds=describe_findings(self.findings))
            )
        if self.max_length and length > self.max_length * 0.9:
            parts.append(
                self.tr("{length} of {maximum} characters.").format(
                    length=length, maximum=self.max_length
                )
            )
        self.status.setText("\n".join(parts))
        self.status.setVisible(bool(parts))

    def _replace(self, spans: list[tuple[int, int]]) -> None:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end in sorted(spans, reverse=True):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(REDACTION)
        cursor.endEditBlock()

    def mask_at_cursor(self) -> bool:
        """Mask the finding under or after the cursor (else the last one); False if none."""
        text = self.toPlainText()
        spans = [self._span(text, finding) for finding in self.rescan()]
        if not spans:
            return False
        position = self.textCursor().position()
        start, end = next((s for s in spans if s[1] >= position), spans[-1])
        self._replace([(start, end)])
        cursor = self.textCursor()
        cursor.setPosition(start + utf16_offset(REDACTION, len(REDACTION)))
        self.setTextCursor(cursor)
        self.rescan()
        return True

    def mask_all(self) -> int:
        """Mask every finding; return how many there were."""
        text = self.toPlainText()
        spans = [self._span(text, finding) for finding in self.rescan()]
        if spans:
            self._replace(spans)
            self.rescan()
        return len(spans)

    def select_first_finding(self) -> None:
        text = self.toPlainText()
        if self.findings:
            start, end = self._span(text, self.findings[0])
            cursor = self.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
