"""Calls by day of the week and hour: a grid of shades of one colour.

Lighter is fewer calls, darker is more, so the grid still reads in grey. A hidden
cell is white, hatched, and shows its published text (``<5`` or ``x``).
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Path, Rect
from reportlab.lib import colors

from counselor_app.reports import wording
from counselor_app.reports.model import Report, Table
from counselor_app.reports.pdf.fonts import text_width
from counselor_app.reports.pdf.styles import (
    FRAME_WIDTH,
    LABEL_SIZE,
    LIGHT_RULE,
    MUTED,
    SEQUENTIAL,
    SMALL_SIZE,
    chart_text,
)


def shade(value: float, largest: float) -> colors.Color:
    """Lightest for zero, darkest for the largest count."""
    if value <= 0 or largest <= 0:
        return SEQUENTIAL[0]
    steps = len(SEQUENTIAL) - 1
    return SEQUENTIAL[min(steps, max(1, math.ceil(value / largest * steps)))]


CELL_HEIGHT = 14.0
LEGEND_HEIGHT = 26.0


def heatmap_chart(table: Table, report: Report, language: str) -> Drawing | None:
    days, hours = table.body_rows(), table.body_columns()
    values = [table.number(d, h) for d in days for h in hours]
    if not (days and hours) or all(v is None for v in values):
        return None
    largest = max(v or 0 for v in values)
    names = [wording.row_label(table, d, report.form, language) for d in days]
    left = max(text_width(name, LABEL_SIZE) for name in names) + 8
    cell_w = (FRAME_WIDTH - left) / len(hours)
    top = LEGEND_HEIGHT + CELL_HEIGHT * len(days)
    drawing = Drawing(FRAME_WIDTH, top + 14)
    for j, hour in enumerate(hours):
        if j % 2 == 0:
            text = wording.column_label(table, hour, report.form, language)
            label = chart_text(left + (j + 0.5) * cell_w, top + 4, text, SMALL_SIZE, MUTED)
            label.textAnchor = "middle"
            drawing.add(label)
    for i, (day, name) in enumerate(zip(days, names, strict=True)):
        y = top - (i + 1) * CELL_HEIGHT
        label = chart_text(left - 6, y + CELL_HEIGHT / 2 - 2.5, name, LABEL_SIZE)
        label.textAnchor = "end"
        drawing.add(label)
        for j, hour in enumerate(hours):
            x, value = left + j * cell_w, table.number(day, hour)
            if value is None:
                _hidden_box(drawing, x, y, cell_w, CELL_HEIGHT)
                text = table.text(day, hour)
                marker = chart_text(x + cell_w / 2, y + CELL_HEIGHT / 2 - 2, text, SMALL_SIZE - 0.5)
                marker.textAnchor = "middle"
                drawing.add(marker)
            else:
                fill = shade(value, largest)
                drawing.add(Rect(x, y, cell_w, CELL_HEIGHT, fillColor=fill, **_WHITE_EDGE))
    _legend(drawing, left, largest, report.request.threshold, language)
    return drawing


_WHITE_EDGE: dict[str, object] = {"strokeColor": colors.white, "strokeWidth": 0.6}
_GREY_EDGE: dict[str, object] = {"strokeColor": LIGHT_RULE, "strokeWidth": 0.4}


def _hidden_box(drawing: Drawing, x: float, y: float, w: float, h: float) -> None:
    """White, with light diagonal lines kept inside the box."""
    drawing.add(Rect(x, y, w, h, fillColor=colors.white, **_GREY_EDGE))
    hatch = Path(fillColor=None, **_GREY_EDGE)
    offset = -h
    while offset < w:
        x0, y0 = x + max(offset, 0), y + max(-offset, 0)
        length = min(w - max(offset, 0), h - max(-offset, 0))
        if length > 0:
            hatch.moveTo(x0, y0)
            hatch.lineTo(x0 + length, y0 + length)
        offset += 4.0
    drawing.add(hatch)


def _legend(drawing: Drawing, x: float, largest: float, threshold: int, language: str) -> None:
    """The scale from 0 to the largest count, then the look of a hidden cell."""
    y, h, w = 6.0, 9.0, 14.4
    caption = wording.text("chart.scale", language)
    drawing.add(chart_text(x, y + 1, caption, SMALL_SIZE, MUTED))
    x += text_width(caption, SMALL_SIZE) + 8
    drawing.add(chart_text(x, y + 1, "0", SMALL_SIZE, MUTED))
    x += 8
    for color in SEQUENTIAL:
        drawing.add(Rect(x, y, w, h, fillColor=color, **_GREY_EDGE))
        x += w
    drawing.add(chart_text(x + 4, y + 1, f"{largest:g}", SMALL_SIZE, MUTED))
    x += text_width(f"{largest:g}", SMALL_SIZE) + 22
    _hidden_box(drawing, x, y, w, h)
    hidden = wording.text("chart.hidden_cell", language, n=threshold)
    drawing.add(chart_text(x + w + 4, y + 1, hidden, SMALL_SIZE, MUTED))
