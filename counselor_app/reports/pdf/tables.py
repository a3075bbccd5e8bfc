"""A report table as ReportLab tables: labelled rows and columns, numbers right-aligned.

Wide tables (the 24 hours of the heatmap, the perpetrator relations of the cross
table) are cut into blocks of columns that fit an A4 page in portrait, each block
with the row labels again.
"""

from __future__ import annotations

from itertools import pairwise
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus import Table as GridTable

from counselor_app.reports import wording
from counselor_app.reports.model import TOTAL, Report, Table
from counselor_app.reports.pdf.fonts import breakable, text_width
from counselor_app.reports.pdf.styles import FRAME_WIDTH, Styles, data_table_style

NUMBER_WIDTH = 2.4 * cm
NARROW_WIDTH = 13.5 * cm  # tables of one to three numbers need not fill the page
BLOCKS = {"heatmap": 13, "cross": 7}  # columns per block
BLOCK_LABEL_WIDTH = {"heatmap": 2.3 * cm, "cross": 2.6 * cm}
PADDING = 4.0
SMALLEST_HEADER = 6.0


def markup(text: str) -> str:
    """Plain text made safe for a Paragraph."""
    return escape(text)


def table_flowables(table: Table, report: Report, language: str, styles: Styles) -> list[Flowable]:
    """The table (in blocks when wide) followed by the notes that explain it."""
    out: list[Flowable] = []
    per_block = BLOCKS.get(table.kind)
    if per_block is None or len(table.columns) <= per_block:
        out.append(_grid(table, table.columns, report, language, styles))
    else:
        for i, block in enumerate(blocks(table.columns, per_block)):
            if i:
                out.append(Spacer(1, 6))
            out.append(_grid(table, block, report, language, styles))
    out += [Paragraph(markup(note), styles.note) for note in notes(table, report, language)]
    return out


def blocks(columns: tuple[str, ...], per_block: int) -> list[tuple[str, ...]]:
    """Columns cut into as few blocks as needed, of even size, any extra in the last."""
    count = -(-len(columns) // per_block)
    size = len(columns) // count
    cuts = [i * size for i in range(count)] + [len(columns)]
    return [columns[a:b] for a, b in pairwise(cuts)]


def notes(table: Table, report: Report, language: str) -> list[str]:
    out: list[str] = []
    if table.kind == "field" and table.base is not None:
        field = report.form.field(table.field) if table.field else None
        key = "note.multiple" if field is not None and field.type == "multiple" else "note.base"
        out.append(wording.text(key, language, base=table.base))
    if table.kind == "cross":
        out.append(wording.text("note.cross", language))
    if has_hidden(table):
        threshold = report.request.threshold
        out.append(wording.text("note.hidden", language, n=threshold, m=threshold - 1))
    return out


def has_hidden(table: Table) -> bool:
    return any(table.is_hidden(r, c) for r in table.rows for c in table.columns)


def _widths(table: Table, columns: tuple[str, ...]) -> list[float]:
    if table.kind in BLOCK_LABEL_WIDTH:
        label = BLOCK_LABEL_WIDTH[table.kind]
        per_block = BLOCKS[table.kind]
        number = (FRAME_WIDTH - label) / per_block
        return [label, *([number] * len(columns))]
    total = NARROW_WIDTH if len(columns) <= 3 else FRAME_WIDTH
    number = NUMBER_WIDTH if len(columns) <= 3 else (total * 0.6) / len(columns)
    return [total - number * len(columns), *([number] * len(columns))]


def _grid(
    table: Table, columns: tuple[str, ...], report: Report, language: str, styles: Styles
) -> GridTable:
    form = report.form
    size = 7.5 if table.kind in BLOCKS else 8
    widths = _widths(table, columns)
    names = [wording.column_label(table, c, form, language) for c in columns]
    header_style = _header_style(names, min(widths[1:]) - 2 * PADDING, styles)
    header: list[object] = [""]
    room = min(widths[1:]) - 2 * PADDING
    header += [
        Paragraph(markup(breakable(n, room, header_style.fontSize, bold=True)), header_style)
        for n in names
    ]
    body: list[list[object]] = [header]
    for row in table.rows:
        style = styles.cell_bold if row == TOTAL else styles.cell
        text = breakable(
            wording.row_label(table, row, form, language),
            widths[0] - 2 * PADDING,
            style.fontSize,
            bold=row == TOTAL,
        )
        label = Paragraph(markup(text), style)
        body.append([label, *(table.text(row, c) for c in columns)])
    grid = GridTable(
        body,
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        style=data_table_style(
            len(body), len(columns) + 1, total_row=table.rows[-1:] == (TOTAL,), size=size
        ),
    )
    return grid


def _header_style(names: list[str], room: float, styles: Styles) -> ParagraphStyle:
    """The header style, made smaller when a word of a column name would not fit its column."""
    style = styles.header_cell_right
    words = [w for name in names for w in name.split()] or [""]
    size = float(style.fontSize)
    while size > SMALLEST_HEADER and max(text_width(w, size, bold=True) for w in words) > room:
        size -= 0.25
    if size == style.fontSize:
        return style
    return ParagraphStyle(f"header_{size}", parent=style, fontSize=size, leading=size * 1.2)
