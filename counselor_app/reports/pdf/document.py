"""Laying out the whole report: cover, contents, one section a table, the method page.

The document is laid out twice in memory: the first pass finds the page of every
section and the number of pages, the second prints them in the contents and in
the footers. Both passes take the same room, so the pages cannot move between
them (a third pass is made if they ever did).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus import Table as GridTable

from counselor_app.reports import wording
from counselor_app.reports.model import Report
from counselor_app.reports.pdf.charts import chart_for
from counselor_app.reports.pdf.fonts import BOLD, REGULAR, register_fonts
from counselor_app.reports.pdf.pages import cover, method_body, period_text
from counselor_app.reports.pdf.styles import (
    BOTTOM_MARGIN,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LIGHT_RULE,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Styles,
    make_styles,
    plain_table_style,
)
from counselor_app.reports.pdf.tables import has_hidden, markup, table_flowables

Progress = Callable[[int, int], None]
MAX_PASSES = 3
METHOD_KEY = "method"


@dataclass
class Layout:
    """What one pass learnt for the next: where each section starts and how many pages."""

    pages: int = 0
    starts: dict[str, int] = field(default_factory=dict)

    def same_as(self, other: Layout) -> bool:
        return self.pages == other.pages and self.starts == other.starts


class Heading(Paragraph):  # type: ignore[misc]
    """A section title that the contents, the PDF outline and the progress know about."""

    def __init__(self, text: str, key: str, style: object) -> None:
        super().__init__(markup(text), style)
        self.key = key
        self.title = text


@dataclass
class Sections:
    """The sections in order, as (key, title); told to ``progress`` as they are laid out."""

    entries: list[tuple[str, str]]
    progress: Progress | None
    passes_done: int = 0

    def placed(self, index: int) -> None:
        if self.progress is not None:
            count = len(self.entries)
            done = min(self.passes_done, 1) * count + index + 1
            self.progress(done, 2 * count + 1)


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        buffer: io.BytesIO,
        report: Report,
        language: str,
        previous: Layout,
        sections: Sections,
    ) -> None:
        method = report.method
        super().__init__(
            buffer,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=f"{wording.text('pdf.title', language)} — {period_text(report, language)}",
            author=method.organisation,
            subject=wording.text("pdf.title", language),
            creator=f"counselor-app {method.program_version}",
            lang=language,
            initialFontName=REGULAR,
            displayDocTitle=True,
        )
        self.report = report
        self.language = language
        self.previous = previous
        self.found = Layout()
        self.sections = sections
        self.keys = [key for key, _ in sections.entries]
        frame = Frame(
            MARGIN,
            BOTTOM_MARGIN,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._decorate)])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.title, flowable.key, level=0)
            self.found.starts[flowable.key] = self.page
            self.sections.placed(self.keys.index(flowable.key))

    def _decorate(self, canvas: Canvas, _doc: object) -> None:
        """Footer with the page number; the training watermark over everything."""
        language, page = self.language, canvas.getPageNumber()
        self.found.pages = max(self.found.pages, page)
        canvas.saveState()
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, BOTTOM_MARGIN - 0.6 * cm, PAGE_WIDTH - MARGIN, BOTTOM_MARGIN - 0.6 * cm)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        footer_y = BOTTOM_MARGIN - 1.1 * cm
        left = f"{wording.text('pdf.title', language)} — {period_text(self.report, language)}"
        canvas.drawString(MARGIN, footer_y, left)
        pages = self.previous.pages or page
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN,
            footer_y,
            wording.text("pdf.page", language, page=page, pages=pages),
        )
        if self.report.method.training:
            canvas.setFont(BOLD, 40)
            canvas.setFillColor(colors.Color(0.45, 0.45, 0.45, alpha=0.22))
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(55)
            canvas.drawCentredString(0, -14, wording.text("pdf.watermark", language))
        canvas.restoreState()


def _contents(
    entries: list[tuple[str, str]], layout: Layout, language: str, styles: Styles
) -> list[Flowable]:
    rows: list[list[object]] = []
    for key, title in entries:
        link = f'<a href="#{key}">{markup(title)}</a>'
        page = layout.starts.get(key)
        rows.append([Paragraph(link, styles.contents_entry), "" if page is None else str(page)])
    grid = GridTable(rows, colWidths=[FRAME_WIDTH - 1.5 * cm, 1.5 * cm], hAlign="LEFT")
    style = plain_table_style(10)
    style.add("ALIGN", (1, 0), (1, -1), "RIGHT")
    style.add("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT_RULE)
    style.add("TOPPADDING", (0, 0), (-1, -1), 3)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 3)
    grid.setStyle(style)
    return [Paragraph(markup(wording.text("pdf.contents", language)), styles.contents_title), grid]


class Blank(Flowable):  # type: ignore[misc]
    """Room for a chart in the first pass, which only measures: drawing it would be wasted."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width, self.height = width, height

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        pass


def _section(
    report: Report, index: int, chart: Drawing | None, language: str, styles: Styles
) -> list[Flowable]:
    table = report.tables[index]
    title = wording.table_title(table, report.form, language)
    parts: list[Flowable] = [Heading(title, f"s{index}", styles.heading)]
    parts += table_flowables(table, report, language, styles)
    if chart is not None:
        parts += [Spacer(1, 10), chart]
        if table.kind in ("field", "cross", "volume") and has_hidden(table):
            note = wording.text("chart.hidden_left_out", language, n=report.request.threshold)
            parts.append(Paragraph(markup(note), styles.note))
    return [KeepTogether(parts), Spacer(1, 18)]


def section_entries(report: Report, language: str) -> list[tuple[str, str]]:
    entries = [
        (f"s{i}", wording.table_title(t, report.form, language))
        for i, t in enumerate(report.tables)
    ]
    return [*entries, (METHOD_KEY, wording.text("method.title", language))]


def _story(
    report: Report,
    language: str,
    layout: Layout,
    entries: list[tuple[str, str]],
    charts: list[Drawing | None],
    *,
    draft: bool,
) -> list[Flowable]:
    styles = make_styles()
    story: list[Flowable] = [*cover(report, language, styles), PageBreak()]
    story += [*_contents(entries, layout, language, styles), PageBreak()]
    for index, chart in enumerate(charts):
        room = None if chart is None or not draft else Blank(*chart.wrap(0, 0))
        story += _section(report, index, room or chart, language, styles)
    story += [
        PageBreak(),
        Heading(wording.text("method.title", language), METHOD_KEY, styles.heading),
    ]
    story += method_body(report, language, styles)
    return story


def render(report: Report, language: str, progress: Progress | None = None) -> bytes:
    """The whole PDF in memory. ``progress(done, total)`` hears of each section laid out."""
    register_fonts()
    entries = section_entries(report, language)
    sections = Sections(entries, progress)
    charts = [chart_for(table, report, language) for table in report.tables]
    layout = Layout()
    data = b""
    for attempt in range(MAX_PASSES):
        buffer = io.BytesIO()
        document = _Document(buffer, report, language, layout, sections)
        document.build(_story(report, language, layout, entries, charts, draft=attempt == 0))
        data = buffer.getvalue()
        sections.passes_done += 1
        if attempt > 0 and document.found.same_as(layout):
            break
        layout = document.found
    return data
