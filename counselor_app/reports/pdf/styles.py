"""Page geometry, colours and text styles of the PDF report, all in DejaVu Sans."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import TableStyle

from counselor_app.reports.pdf.fonts import BOLD, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = float(A4[0]), float(A4[1])
MARGIN = float(2 * cm)
BOTTOM_MARGIN = float(2.2 * cm)  # room for the footer
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN - BOTTOM_MARGIN
LABEL_SIZE = 7  # chart labels
SMALL_SIZE = 6  # chart axes, values and markers

INK = colors.HexColor("#1F2328")
MUTED = colors.HexColor("#57606A")
RULE = colors.HexColor("#8C959F")
LIGHT_RULE = colors.HexColor("#D0D7DE")
HEADER_FILL = colors.HexColor("#EEF1F4")
ACCENT = colors.HexColor("#0B4F71")

# Sequential, single hue (ColorBrewer "Blues"): lighter is fewer, darker is more,
# so the order survives printing in grey.
SEQUENTIAL = tuple(
    colors.HexColor(h)
    for h in (
        "#F7FBFF",
        "#DEEBF7",
        "#C6DBEF",
        "#9ECAE1",
        "#6BAED6",
        "#4292C6",
        "#2171B5",
        "#08519C",
        "#08306B",
    )
)

# Okabe–Ito, then a few more of Paul Tol's colour-blind safe colours,
# ordered so that neighbouring segments also differ in lightness.
CATEGORICAL = tuple(
    colors.HexColor(h)
    for h in (
        "#0072B2",
        "#E69F00",
        "#009E73",
        "#F0E442",
        "#D55E00",
        "#56B4E9",
        "#CC79A7",
        "#332288",
        "#88CCEE",
        "#882255",
        "#DDCC77",
        "#117733",
    )
)
# Answers that are not a category of their own are grey, from darker to lighter.
GREYS = {
    "other": colors.HexColor("#8C8C8C"),
    "unknown": colors.HexColor("#BDBDBD"),
    "not_answered": colors.HexColor("#E2E2E2"),
}
BAR = colors.HexColor("#2B6A94")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cover_org: ParagraphStyle
    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    cover_banner: ParagraphStyle
    notice: ParagraphStyle
    contents_title: ParagraphStyle
    contents_entry: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    header_cell: ParagraphStyle
    header_cell_right: ParagraphStyle


def _style(name: str, size: float, *, bold: bool = False, **more: object) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=more.pop("leading", size * 1.3),
        textColor=more.pop("textColor", INK),
        **more,
    )


def make_styles() -> Styles:
    return Styles(
        body=_style("body", 9.5, spaceAfter=5),
        small=_style("small", 8, textColor=MUTED),
        note=_style("note", 7.5, textColor=MUTED, spaceBefore=3, spaceAfter=2),
        heading=_style("heading", 14, bold=True, textColor=ACCENT, spaceBefore=4, spaceAfter=8),
        subheading=_style("subheading", 10.5, bold=True, spaceBefore=8, spaceAfter=4),
        cover_org=_style("cover_org", 16, bold=True, textColor=MUTED, spaceAfter=6),
        cover_title=_style("cover_title", 28, bold=True, textColor=ACCENT, leading=34),
        cover_line=_style("cover_line", 12, spaceAfter=6, leading=16),
        cover_banner=_style(
            "cover_banner",
            12,
            bold=True,
            alignment=TA_CENTER,
            borderColor=RULE,
            borderWidth=1,
            borderPadding=8,
            backColor=HEADER_FILL,
        ),
        notice=_style(
            "notice",
            9.5,
            bold=True,
            borderColor=RULE,
            borderWidth=0.8,
            borderPadding=6,
            backColor=HEADER_FILL,
        ),
        contents_title=_style("contents_title", 18, bold=True, textColor=ACCENT, spaceAfter=14),
        contents_entry=_style("contents_entry", 10, leading=13),
        cell=_style("cell", 8, leading=9.6, alignment=TA_LEFT),
        cell_bold=_style("cell_bold", 8, bold=True, leading=9.6, alignment=TA_LEFT),
        header_cell=_style("header_cell", 7.5, bold=True, leading=9, alignment=TA_LEFT),
        header_cell_right=_style(
            "header_cell_right", 7.5, bold=True, leading=9, alignment=TA_RIGHT
        ),
    )


def data_table_style(rows: int, columns: int, *, total_row: bool, size: float = 8) -> TableStyle:
    """Header row shaded and repeated; numbers right-aligned; the total row bold."""
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, LIGHT_RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if total_row and rows > 1:
        commands += [
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
        ]
    return TableStyle(commands)


def plain_table_style(size: float = 9) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )


def chart_text(x: float, y: float, text: str, size: float, color: colors.Color = INK) -> String:
    """A chart label in the report's font (ReportLab's charts default to Helvetica)."""
    return String(x, y, text, fontName=REGULAR, fontSize=size, fillColor=color)
