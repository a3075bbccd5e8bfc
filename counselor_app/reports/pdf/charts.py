"""The report's charts as ReportLab drawings, every label in DejaVu Sans.

A hidden count (``<5`` or ``x``) is never drawn as a bar or a colour: its place
shows the published text instead. A table with nothing to draw (no calls, or
every count hidden) gets no chart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors

from counselor_app.reports import wording
from counselor_app.reports.model import Report, Table
from counselor_app.reports.pdf.fonts import REGULAR, fit, text_width
from counselor_app.reports.pdf.heatmap import heatmap_chart
from counselor_app.reports.pdf.styles import (
    BAR,
    CATEGORICAL,
    FRAME_WIDTH,
    GREYS,
    LABEL_SIZE,
    LIGHT_RULE,
    MUTED,
    SMALL_SIZE,
    chart_text,
)

ROW_HEIGHT = 14
MAX_LABEL_SHARE = 0.36  # of the drawing's width, for the row labels of bar charts


def chart_for(table: Table, report: Report, language: str) -> Drawing | None:
    if table.kind == "volume":
        return volume_chart(table, report, language)
    if table.kind == "heatmap":
        return heatmap_chart(table, report, language)
    if table.kind == "field":
        return bar_chart(table, report, language)
    if table.kind == "cross":
        return cross_chart(table, report, language)
    return None


def nice_scale(largest: float) -> tuple[float, float]:
    """(top, step) of a value axis from zero that holds ``largest``, in whole steps."""
    if largest <= 0:
        return 1.0, 1.0
    raw = largest / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = max(step, 1.0)
    return math.ceil(largest / step) * step, step


def _style_value_axis(axis: Any, largest: float) -> None:
    top, step = nice_scale(largest)
    axis.valueMin = 0
    axis.valueMax = top
    axis.valueStep = step
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = SMALL_SIZE
    axis.labels.fillColor = MUTED
    axis.labelTextFormat = lambda v: f"{v:g}"
    axis.visibleGrid = True
    axis.gridStrokeColor = LIGHT_RULE
    axis.gridStrokeWidth = 0.4
    axis.strokeColor = LIGHT_RULE


def _style_row_axis(axis: Any, labels: Sequence[str], width: float) -> None:
    """Row labels left of horizontal bars, first row at the top, cut to ``width``."""
    axis.categoryNames = [fit(t, width - 6, LABEL_SIZE) for t in labels]
    axis.reverseDirection = True
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = LABEL_SIZE
    axis.labels.boxAnchor = "e"
    axis.labels.dx = -4
    axis.strokeColor = colors.black
    axis.visibleTicks = False


def _label_width(labels: Sequence[str]) -> float:
    return min(max(text_width(t, LABEL_SIZE) for t in labels) + 6, FRAME_WIDTH * MAX_LABEL_SHARE)


def _values(table: Table, rows: Sequence[str], column: str) -> list[float | None]:
    return [table.number(r, column) for r in rows]


def _drawable(values: Sequence[float | None]) -> bool:
    return any(v is not None and v > 0 for v in values)


# --- one-way tables: horizontal bars ---------------------------------------------------


def bar_chart(table: Table, report: Report, language: str) -> Drawing | None:
    rows = table.body_rows()
    values = _values(table, rows, "count")
    if not _drawable(values):
        return None
    labels = [wording.row_label(table, r, report.form, language) for r in rows]
    label_width = _label_width(labels)
    height = ROW_HEIGHT * len(rows)
    drawing = Drawing(FRAME_WIDTH, height + 24)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = FRAME_WIDTH - label_width - 36, height
    chart.data = [[v for v in values]]
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 3
    _style_row_axis(chart.categoryAxis, labels, label_width)
    _style_value_axis(chart.valueAxis, max(v or 0 for v in values))
    chart.barLabelFormat = lambda v: f"{v:g}"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = SMALL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    step = height / len(rows)
    for i, row in enumerate(rows):
        if table.is_hidden(row, "count"):
            y = chart.y + height - (i + 0.5) * step - SMALL_SIZE / 3
            drawing.add(chart_text(chart.x + 3, y, table.text(row, "count"), SMALL_SIZE, MUTED))
    return drawing


# --- calls over time: vertical bars ----------------------------------------------------


def volume_chart(table: Table, report: Report, language: str) -> Drawing | None:
    rows = table.body_rows()
    values = _values(table, rows, "count")
    if not _drawable(values):
        return None
    by_day = report.granularity == "day"
    if by_day:
        labels = [str(int(r[-2:])) for r in rows]
    else:
        labels = [wording.month_label(r, language) for r in rows]
    every = max(1, math.ceil(len(rows) / 40))
    labels = [t if i % every == 0 else "" for i, t in enumerate(labels)]
    below = 16 if by_day else max(text_width(t, SMALL_SIZE) for t in labels) * 0.72 + 12
    height = 150
    drawing = Drawing(FRAME_WIDTH, height + below + 10)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, below
    chart.width, chart.height = FRAME_WIDTH - 40, height
    chart.data = [[v for v in values]]
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 2 if len(rows) > 20 else 6
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = SMALL_SIZE
    chart.categoryAxis.visibleTicks = False
    chart.categoryAxis.strokeColor = colors.black
    if not by_day:
        chart.categoryAxis.labels.angle = 40
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx = 4
    _style_value_axis(chart.valueAxis, max(v or 0 for v in values))
    if len(rows) <= 16:
        chart.barLabelFormat = lambda v: f"{v:g}"
        chart.barLabels.fontName = REGULAR
        chart.barLabels.fontSize = SMALL_SIZE
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
    drawing.add(chart)
    step = chart.width / len(rows)
    for i, row in enumerate(rows):
        if table.is_hidden(row, "count"):
            x = chart.x + (i + 0.5) * step
            marker = chart_text(x, chart.y + 3, table.text(row, "count"), SMALL_SIZE, MUTED)
            marker.textAnchor = "middle"
            drawing.add(marker)
    return drawing


# --- the cross table: stacked bars -----------------------------------------------------


def cross_chart(table: Table, report: Report, language: str) -> Drawing | None:
    rows, columns = table.body_rows(), table.body_columns()
    series = [[table.number(r, c) or 0.0 for r in rows] for c in columns]
    if not rows or not columns or not any(v > 0 for s in series for v in s):
        return None
    labels = [wording.row_label(table, r, report.form, language) for r in rows]
    label_width = _label_width(labels)
    names = [wording.column_label(table, c, report.form, language) for c in columns]
    per_line = 3
    legend_lines = math.ceil(len(columns) / per_line) + 1  # and a title
    legend_h = legend_lines * 11 + 6
    height = (ROW_HEIGHT + 2) * len(rows)
    drawing = Drawing(FRAME_WIDTH, height + legend_h + 24)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, legend_h + 16
    chart.width, chart.height = FRAME_WIDTH - label_width - 36, height
    chart.categoryAxis.style = "stacked"
    chart.data = series
    palette = series_colours(columns)
    for k, color in enumerate(palette):
        chart.bars[k].fillColor = color
        chart.bars[k].strokeColor = colors.white
        chart.bars[k].strokeWidth = 0.4
    chart.barSpacing = 0
    chart.groupSpacing = 4
    _style_row_axis(chart.categoryAxis, labels, label_width)
    sums = [sum(s[i] for s in series) for i in range(len(rows))]
    _style_value_axis(chart.valueAxis, max(sums))
    drawing.add(chart)
    top, _ = nice_scale(max(sums))
    step = height / len(rows)
    for i, row in enumerate(rows):
        y = chart.y + height - (i + 0.5) * step - SMALL_SIZE / 3
        x = chart.x + chart.width * sums[i] / top + 3
        drawing.add(chart_text(x, y, table.text(row, "total"), SMALL_SIZE, MUTED))
    field = report.form.field(table.column_field) if table.column_field else None
    if field is not None:
        title = f"{field.label.text(language)}{wording.text('pdf.colon', language)}"
        drawing.add(chart_text(0, legend_h - 8, title, SMALL_SIZE, MUTED))
    _legend(drawing, list(zip(names, palette, strict=True)), legend_h - 19, per_line)
    return drawing


def series_colours(columns: Sequence[str]) -> list[colors.Color]:
    """A colour for each column: greys for other, unknown and not answered."""
    out: list[colors.Color] = []
    k = 0
    for column in columns:
        if column in GREYS:
            out.append(GREYS[column])
        else:
            out.append(CATEGORICAL[k % len(CATEGORICAL)])
            k += 1
    return out


def _legend(
    drawing: Drawing, entries: Sequence[tuple[str, colors.Color]], y: float, per_line: int
) -> None:
    width = FRAME_WIDTH / per_line
    for k, (name, color) in enumerate(entries):
        left = (k % per_line) * width
        top = y - (k // per_line) * 11
        drawing.add(Rect(left, top, 8, 7, fillColor=color, strokeColor=LIGHT_RULE, strokeWidth=0.3))
        drawing.add(chart_text(left + 11, top + 0.5, fit(name, width - 16, SMALL_SIZE), SMALL_SIZE))
