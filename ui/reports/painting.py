"""Drawing a chart with QPainter: horizontal bars, columns for the volume, and the
two-way charts of ``grids``.

A hidden cell (``<5``, ``x``) is drawn as no bar, with its marker where the bar
would be. A table of zeros, or of hidden cells only, draws its labels and markers.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from ui.reports import grids, ink
from ui.reports.chart_data import ChartData

COLUMNS_HEIGHT = 240.0


def needed_height(data: ChartData, metrics: QFontMetricsF, width: float) -> float:
    """The height the chart needs at ``width`` (columns fill what they are given)."""
    inner = width - 2 * ink.MARGIN
    if data.style == "bars":
        body = max(len(data.rows), 1) * ink.row_height(metrics)
    elif data.style == "columns":
        body = COLUMNS_HEIGHT
    elif data.style == "heatmap":
        body = grids.heatmap_height(metrics, data)
    else:
        body = grids.stacked_height(metrics, data, inner)
    return body + 2 * ink.MARGIN


def draw(painter: QPainter, area: QRectF, data: ChartData) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(area, ink.PAPER)
    painter.setPen(ink.INK)
    rect = area.adjusted(ink.MARGIN, ink.MARGIN, -ink.MARGIN, -ink.MARGIN)
    metrics = QFontMetricsF(painter.font())
    if rect.width() > 0 and rect.height() > 0 and data.rows:
        if data.style == "bars":
            _bars(painter, metrics, rect, data)
        elif data.style == "columns":
            _columns(painter, metrics, rect, data)
        elif data.style == "heatmap":
            grids.heatmap(painter, metrics, rect, data)
        else:
            grids.stacked(painter, metrics, rect, data)
    painter.restore()


def _bars(painter: QPainter, metrics: QFontMetricsF, rect: QRectF, data: ChartData) -> None:
    line = ink.row_height(metrics)
    label_width = ink.label_width(metrics, data.rows, rect.width())
    value_width = metrics.horizontalAdvance("000000.0") + 8
    left = rect.left() + label_width
    room = max(rect.width() - label_width - value_width, 1.0)
    largest = data.largest() or 1.0
    for index, (label, row) in enumerate(zip(data.rows, data.cells, strict=True)):
        top = rect.top() + index * line
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
        painter.setPen(ink.INK)
        ink.write(painter, QRectF(rect.left(), top, label_width - 8, line), ink.RIGHT, shown)
        end = left + 4
        cell = row[0]
        if cell.value is not None and cell.value > 0:
            bar = QRectF(left, top + 3, room * cell.value / largest, line - 6)
            painter.fillRect(bar, ink.BAR)
            end = bar.right() + 4
        painter.setPen(ink.SOFT_INK if cell.hidden else ink.INK)
        ink.write(painter, QRectF(end, top, value_width, line), ink.LEFT, cell.text)
    painter.setPen(QPen(ink.SOFT_INK))
    bottom = rect.top() + len(data.rows) * line
    painter.drawLine(QPointF(left, rect.top()), QPointF(left, bottom))


def _columns(painter: QPainter, metrics: QFontMetricsF, rect: QRectF, data: ChartData) -> None:
    line = metrics.height() + 4
    largest = data.largest()
    scale = ink.ticks(largest)
    top_value = max(scale[-1], largest) or 1.0
    axis_width = max(metrics.horizontalAdvance(ink.number_text(t)) for t in scale) + 6
    plot = QRectF(
        rect.left() + axis_width,
        rect.top() + line,
        rect.width() - axis_width,
        rect.height() - 2 * line,
    )
    if plot.height() <= 0 or plot.width() <= 0:
        return
    for value in scale:
        y = plot.bottom() - plot.height() * value / top_value
        painter.setPen(QPen(ink.GRID))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(ink.SOFT_INK)
        where = QRectF(rect.left(), y - line / 2, axis_width - 6, line)
        ink.write(painter, where, ink.RIGHT, ink.number_text(value))
    slot = plot.width() / len(data.rows)
    labels = data.short_rows or data.rows
    widest = max(metrics.horizontalAdvance(label) for label in labels) + 6
    step = max(1, math.ceil(widest / slot))  # label every step-th column when crowded
    for index, row in enumerate(data.cells):
        cell = row[0]
        x = plot.left() + index * slot
        top = plot.bottom()
        if cell.value is not None and cell.value > 0:
            height = plot.height() * cell.value / top_value
            painter.fillRect(QRectF(x + slot * 0.15, top - height, slot * 0.7, height), ink.BAR)
            top -= height
        fits = metrics.horizontalAdvance(cell.text) <= slot
        if cell.text and (fits or (cell.hidden and index % step == 0)):
            painter.setPen(ink.SOFT_INK if cell.hidden else ink.INK)
            ink.write(painter, QRectF(x - slot, top - line, 3 * slot, line), ink.BOTTOM, cell.text)
        if index % step == 0:
            painter.setPen(ink.INK)
            below = QRectF(x - slot, plot.bottom() + 2, 3 * slot, line)
            ink.write(painter, below, ink.TOP, labels[index])
    painter.setPen(QPen(ink.SOFT_INK))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
