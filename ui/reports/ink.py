"""The colours, sizes and small drawing helpers shared by the charts.

Charts are drawn dark on white, like a page, whatever the desktop's colours.
Colours: one blue for bars; a light-to-dark single-hue scale for the heat map
(readable in grey); the Okabe–Ito colours, then the same hatched, for the parts of
stacked bars. A hidden cell is hatched grey.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter

from ui.reports.chart_data import ChartData

MARGIN = 8.0
INK = QColor("#1a1a1a")
SOFT_INK = QColor("#595959")
GRID = QColor("#d9d9d9")
PAPER = QColor("#ffffff")
BAR = QColor("#0072B2")
HATCH = QColor("#8c8c8c")
# Okabe & Ito (2008), ordered so that neighbours differ in lightness too.
OKABE_ITO = tuple(
    QColor(c)
    for c in (
        "#0072B2",
        "#E69F00",
        "#009E73",
        "#D55E00",
        "#56B4E9",
        "#CC79A7",
        "#F0E442",
        "#000000",
    )
)
# ColorBrewer "Blues": light to dark, lightness falling steadily.
BLUES = tuple(
    QColor(c)
    for c in (
        "#f7fbff",
        "#deebf7",
        "#c6dbef",
        "#9ecae1",
        "#6baed6",
        "#4292c6",
        "#2171b5",
        "#08519c",
        "#08306b",
    )
)


def row_height(metrics: QFontMetricsF) -> float:
    return max(metrics.height() + 8, 20.0)


def shade(share: float) -> QColor:
    """The heat map's colour for ``share`` of the largest value (0 to 1)."""
    position = min(max(share, 0.0), 1.0) * (len(BLUES) - 1)
    low = math.floor(position)
    high = min(low + 1, len(BLUES) - 1)
    t = position - low
    a, b = BLUES[low], BLUES[high]
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def ink_on(colour: QColor) -> QColor:
    """Dark text on a light colour, white on a dark one."""
    luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()
    return INK if luminance > 0.5 else PAPER


def part_brush(index: int) -> QBrush:
    """Solid Okabe–Ito colours first; beyond eight parts, the same colours hatched."""
    colour = OKABE_ITO[index % len(OKABE_ITO)]
    if index < len(OKABE_ITO):
        return QBrush(colour)
    styles = (Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.CrossPattern)
    return QBrush(colour, styles[(index // len(OKABE_ITO) - 1) % len(styles)])


def markers(data: ChartData) -> str:
    """The hidden markers the chart shows, ``<5, x``."""
    found = {c.text for row in data.cells for c in row if c.hidden}
    return ", ".join(sorted(found))


def ticks(largest: float) -> list[float]:
    """Round values from 0 up to ``largest``, four or five of them."""
    if largest <= 0:
        return [0.0]
    raw = largest / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [i * step for i in range(int(largest // step) + 1)]


def number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def write(painter: QPainter, rect: QRectF, flags: Qt.AlignmentFlag, words: str) -> None:
    painter.drawText(rect, int(flags), words)


def label_width(metrics: QFontMetricsF, labels: tuple[str, ...], width: float) -> float:
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0.0)
    return min(widest + 10, width * 0.4)


def hatched(painter: QPainter, rect: QRectF) -> None:
    painter.fillRect(rect, PAPER)
    painter.fillRect(rect, QBrush(HATCH, Qt.BrushStyle.BDiagPattern))


LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
TOP = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
BOTTOM = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
