"""The chart of the table shown: a widget that paints it, and its words for screen readers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.reports import ink, painting
from ui.reports.chart_data import ChartData

PREFERRED_WIDTH = 640
MOST_NAMED = 40  # parts named in a description; the table holds the rest


class ChartView(QWidget):
    """Paints :class:`ChartData`; its accessible name and description say what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.data: ChartData | None = None
        self.setAccessibleName(self.tr("Chart"))

    def set_data(self, data: ChartData | None) -> None:
        self.data = data
        if data is None:
            self.setAccessibleName(self.tr("Chart"))
            self.setAccessibleDescription("")
        else:
            self.setAccessibleName(self.tr("Chart: {title}").format(title=data.title))
            self.setAccessibleDescription(describe(data))
        self._fit()
        self.update()

    def _fit(self) -> None:
        """As tall as the chart needs at this width (the scroll area shows the rest)."""
        if self.data is None:
            self.setMinimumHeight(0)
            return
        width = self.width() or PREFERRED_WIDTH
        self.setMinimumHeight(int(painting.needed_height(self.data, self._metrics(), width)))

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def sizeHint(self) -> QSize:
        if self.data is None:
            return QSize(PREFERRED_WIDTH, 0)
        height = painting.needed_height(self.data, self._metrics(), PREFERRED_WIDTH)
        return QSize(PREFERRED_WIDTH, int(height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.data is not None and self.data.style == "stacked":
            self._fit()  # the legend may take more lines when narrower

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.data is None:
            return
        painter = QPainter(self)
        try:
            painting.draw(painter, QRectF(self.rect()), self.data)
        finally:
            painter.end()


def render_image(data: ChartData, width: int, font: QFont | None = None) -> QImage:
    """The chart drawn into an image as tall as it needs (for tests and documents)."""
    chosen = font if font is not None else QFont()
    height = max(1, int(painting.needed_height(data, QFontMetricsF(chosen), width)))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(ink.PAPER)
    painter = QPainter(image)
    try:
        painter.setFont(chosen)
        painting.draw(painter, QRectF(0, 0, width, height), data)
    finally:
        painter.end()
    return image


def describe(data: ChartData) -> str:
    """What the chart shows, in words: the title, then the values it draws."""
    if not data.rows:
        return QCoreApplication.translate("ChartView", "Nothing to show.")
    if data.style == "heatmap":
        shown = [
            (cell.value, label, column)
            for label, row in zip(data.rows, data.cells, strict=True)
            for column, cell in zip(data.columns, row, strict=True)
            if cell.value is not None
        ]
        text = QCoreApplication.translate(
            "ChartView", "A grid of {rows} rows by {columns} columns: the darker, the more calls."
        ).format(rows=len(data.rows), columns=len(data.columns))
        if shown:
            value, label, column = max(shown)
            text += " " + QCoreApplication.translate(
                "ChartView", "Most: {row}, {column}: {value}."
            ).format(row=label, column=column, value=ink.number_text(value))
        return text
    if data.style == "stacked":
        parts = []
        for label, row in list(zip(data.rows, data.cells, strict=True))[:MOST_NAMED]:
            named = ", ".join(
                f"{column} {cell.text}"
                for column, cell in zip(data.columns, row, strict=True)
                if cell.text not in ("", "0")
            )
            parts.append(f"{label}: {named or '0'}")
        return (
            QCoreApplication.translate("ChartView", "Stacked bars, one a row.")
            + " "
            + "; ".join(parts)
            + "."
        )
    items = list(zip(data.rows, data.cells, strict=True))[:MOST_NAMED]
    named = "; ".join(f"{label} {row[0].text}" for label, row in items)
    if data.style == "columns":
        return QCoreApplication.translate("ChartView", "Columns, one a period.") + " " + named + "."
    return QCoreApplication.translate("ChartView", "Bars, one a row.") + " " + named + "."
