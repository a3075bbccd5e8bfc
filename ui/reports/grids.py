"""The two-way charts: the heat map of calls by weekday and hour, and stacked bars.

A hidden cell of the heat map is a hatched square with its marker; a hidden part of
a stacked bar is left out, its marker written after the bar.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from ui.reports import ink
from ui.reports.chart_data import Cell, ChartData

SMALLEST = 0.7  # of the chart's font, for the figures in the heat map's squares


def heatmap_height(metrics: QFontMetricsF, data: ChartData) -> float:
    """The column labels, a line a row, and the scale under them."""
    return (len(data.rows) + 3) * ink.row_height(metrics)


def heatmap(painter: QPainter, metrics: QFontMetricsF, rect: QRectF, data: ChartData) -> None:
    line = ink.row_height(metrics)
    label_width = ink.label_width(metrics, data.rows, rect.width())
    width = (rect.width() - label_width) / max(len(data.columns), 1)
    top = rect.top() + line
    largest = data.largest() or 1.0
    widest = max((metrics.horizontalAdvance(c) for c in data.columns), default=0.0) + 4
    step = max(1, math.ceil(widest / max(width, 1.0)))
    painter.setPen(ink.INK)
    for index, name in enumerate(data.columns):
        if index % step == 0:
            x = rect.left() + label_width + index * width
            ink.write(painter, QRectF(x - width, rect.top(), 3 * width, line), ink.CENTRE, name)
    for row_index, label in enumerate(data.rows):
        y = top + row_index * line
        painter.setPen(ink.INK)
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
        ink.write(painter, QRectF(rect.left(), y, label_width - 8, line), ink.RIGHT, shown)
    font = painter.font()
    painter.setFont(_cell_font(font, metrics, data, width))
    cell_metrics = QFontMetricsF(painter.font())
    for row_index, row in enumerate(data.cells):
        y = top + row_index * line
        for index, cell in enumerate(row):
            box = QRectF(rect.left() + label_width + index * width, y, width, line)
            _heat_cell(painter, cell_metrics, box, cell, largest)
    painter.setFont(font)
    scale_top = top + len(data.rows) * line + line / 2
    _scale(painter, metrics, QRectF(rect.left() + label_width, scale_top, 0, line), data)


def _cell_font(font: QFont, metrics: QFontMetricsF, data: ChartData, width: float) -> QFont:
    """A smaller font when the widest figure would not fit its square (not below 70 %)."""
    widest = max((metrics.horizontalAdvance(c.text) for row in data.cells for c in row), default=0)
    if widest <= 0 or widest + 4 <= width or font.pointSizeF() <= 0:
        return font
    smaller = QFont(font)
    smaller.setPointSizeF(font.pointSizeF() * max(SMALLEST, (width - 4) / widest))
    return smaller


def _heat_cell(
    painter: QPainter, metrics: QFontMetricsF, box: QRectF, cell: Cell, largest: float
) -> None:
    if cell.hidden or cell.value is None:
        ink.hatched(painter, box)
        colour = ink.PAPER
    else:
        colour = ink.shade(cell.value / largest)
        painter.fillRect(box, colour)
    painter.setPen(QPen(ink.PAPER))
    painter.drawRect(box)
    if metrics.horizontalAdvance(cell.text) + 2 <= box.width():
        painter.setPen(ink.SOFT_INK if cell.hidden else ink.ink_on(colour))
        ink.write(painter, box, ink.CENTRE, cell.text)


def _scale(painter: QPainter, metrics: QFontMetricsF, at: QRectF, data: ChartData) -> None:
    """From 0 to the largest value, then a hatched square for the hidden cells."""
    x = at.left()
    size = at.height() - 6
    painter.setPen(ink.INK)
    ink.write(painter, QRectF(x, at.top(), 40, at.height()), ink.LEFT, "0")
    x += metrics.horizontalAdvance("0") + 6
    steps = len(ink.BLUES)
    for index in range(steps):
        painter.fillRect(QRectF(x, at.top() + 3, size, size), ink.shade(index / (steps - 1)))
        x += size
    x += 6
    largest = ink.number_text(data.largest())
    ink.write(painter, QRectF(x, at.top(), 200, at.height()), ink.LEFT, largest)
    x += metrics.horizontalAdvance(largest) + 24
    hidden = ink.markers(data)
    if hidden:
        ink.hatched(painter, QRectF(x, at.top() + 3, size, size))
        painter.setPen(ink.INK)
        x += size + 6
        ink.write(painter, QRectF(x, at.top(), 200, at.height()), ink.LEFT, hidden)


def legend(
    painter: QPainter | None, metrics: QFontMetricsF, labels: tuple[str, ...], area: QRectF
) -> float:
    """Swatches and labels flowing in lines across ``area``; returns the height used.

    Without a painter, only measures.
    """
    line = metrics.height() + 6
    size = metrics.height() - 2
    x, y = area.left(), area.top()
    for index, label in enumerate(labels):
        width = size + 6 + metrics.horizontalAdvance(label) + 16
        if x > area.left() and x + width > area.right():
            x, y = area.left(), y + line
        if painter is not None:
            swatch = QRectF(x, y + 3, size, size)
            painter.fillRect(swatch, ink.PAPER)
            painter.fillRect(swatch, ink.part_brush(index))
            painter.setPen(QPen(ink.OKABE_ITO[index % len(ink.OKABE_ITO)]))
            painter.drawRect(swatch)
            painter.setPen(ink.INK)
            ink.write(painter, QRectF(x + size + 6, y, width, line), ink.LEFT, label)
        x += width
    return (y - area.top()) + line + 4 if labels else 0.0


def stacked_height(metrics: QFontMetricsF, data: ChartData, width: float) -> float:
    measured = legend(None, metrics, data.columns, QRectF(0, 0, width, 0))
    return measured + max(len(data.rows), 1) * ink.row_height(metrics)


def stacked(painter: QPainter, metrics: QFontMetricsF, rect: QRectF, data: ChartData) -> None:
    top = rect.top() + legend(painter, metrics, data.columns, rect)
    line = ink.row_height(metrics)
    label_width = ink.label_width(metrics, data.rows, rect.width())
    hidden_width = metrics.horizontalAdvance("<00, x") + 12
    left = rect.left() + label_width
    room = max(rect.width() - label_width - hidden_width, 1.0)
    largest = data.largest() or 1.0
    for row_index, (label, row) in enumerate(zip(data.rows, data.cells, strict=True)):
        y = top + row_index * line
        painter.setPen(ink.INK)
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
        ink.write(painter, QRectF(rect.left(), y, label_width - 8, line), ink.RIGHT, shown)
        x = left
        for index, cell in enumerate(row):
            if cell.value is None or cell.value <= 0:
                continue
            part = QRectF(x, y + 3, room * cell.value / largest, line - 6)
            painter.fillRect(part, ink.PAPER)
            painter.fillRect(part, ink.part_brush(index))
            painter.setPen(QPen(ink.PAPER))
            painter.drawLine(part.topRight(), part.bottomRight())
            x = part.right()
        hidden = sorted({c.text for c in row if c.hidden})
        if hidden:
            painter.setPen(ink.SOFT_INK)
            where = QRectF(x + 4, y, hidden_width + 200, line)
            ink.write(painter, where, ink.LEFT, ", ".join(hidden))
    painter.setPen(QPen(ink.SOFT_INK))
    painter.drawLine(QPointF(left, top), QPointF(left, top + len(data.rows) * line))
