"""The charts: every table of a report draws, empty, zero and hidden ones too; the colours."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, qGray
from pytestqt.qtbot import QtBot

from counselor_app import __version__
from counselor_app.config import Settings
from counselor_app.forms.catalogue import default_form
from counselor_app.reports.build import make_report
from counselor_app.reports.model import TOTAL, Report, ReportRequest, Table
from counselor_app.vault import Session
from tests.ui.call_data import calls, insert
from tests.ui.report_driving import WIDE
from ui.reports import ink
from ui.reports.chart_data import chart_data
from ui.reports.charts import ChartView, describe, render_image
from ui.reports.periods import file_name

FORM = default_form()
WIDTH = 640


def _report(session: Session, start: date, end: date) -> Report:
    request = ReportRequest(start, end, threshold=5)
    return make_report(session.conn, FORM, request, program_version=__version__, training=False)


@pytest.fixture
def reports(supervisor: Session, vault_dir: Path, settings: Settings) -> dict[str, Report]:
    insert(supervisor, calls(300, [supervisor.user.id], days=90))
    return {
        "calls": _report(supervisor, *WIDE),
        "a month": _report(supervisor, WIDE[1].replace(day=1), WIDE[1]),
        "nothing": _report(supervisor, date(2001, 1, 1), date(2001, 12, 31)),
    }


def _count(image: QImage, colour: QColor) -> int:
    wanted = colour.rgb()
    return sum(
        image.pixel(x, y) == wanted
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_table_of_every_report_draws(
    qtbot: QtBot, reports: dict[str, Report], language: str
) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(WIDTH, 400)
    for name, report in reports.items():
        for table in report.tables:
            data = chart_data(table, report.form, language)
            image = render_image(data, WIDTH)
            assert not image.isNull() and image.width() == WIDTH and image.height() > 20
            assert not render_image(data, 120).isNull()  # too narrow for its labels
            view.set_data(data)
            assert not view.grab().isNull()
            assert view.accessibleName() == f"Chart: {data.title}"
            assert describe(data)
            if data.style in ("bars", "columns"):
                shown = [v for v in data.values() if v > 0]
                assert (_count(image, ink.BAR) > 0) == bool(shown), (name, table.name)


SHAPES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # kind: (name, rows, columns), as the report's builder makes them
    "field": ("channel", ("phone", "chat", "relay_deaf", TOTAL), ("count", "percent")),
    "volume": ("volume_month", ("2026-01", "2026-02", "2026-03", TOTAL), ("count",)),
    "heatmap": ("heatmap", ("1", "2", "3", TOTAL), ("0", "1", "2", TOTAL)),
    "cross": ("cross", ("physical", "sexual", TOTAL), ("spouse", "other", TOTAL)),
}


def _table(kind: str, text: str) -> Table:
    name, rows, columns = SHAPES[kind]
    cells = {(r, c): text for r in rows for c in columns}
    field, column_field = {
        "field": ("channel", None),
        "cross": ("violence_types", "author_relation"),
    }.get(kind, (None, None))
    return Table(name, kind, rows, columns, cells, None, field, column_field)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["0", "<5", "x", ""])
@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_tables_of_zeros_or_of_hidden_cells_draw_without_bars(kind: str, text: str) -> None:
    table = _table(kind, text)
    data = chart_data(table, FORM, "en")
    image = render_image(data, WIDTH)
    assert not image.isNull()
    if data.style != "stacked":  # whose legend shows the colours
        assert _count(image, ink.BAR) == 0
    assert data.largest() == 0
    if text in ("<5", "x"):
        assert text in describe(data) or kind == "heatmap"
    tiny = render_image(data, 30)  # narrower than its labels
    assert not tiny.isNull()


def test_the_heat_map_gets_darker_steadily_and_reads_in_grey() -> None:
    greys = [qGray(ink.shade(i / 20).rgb()) for i in range(21)]  # as printed in grey
    assert all(a > b for a, b in pairwise(greys))
    assert greys[0] > 240 and greys[-1] < 80
    assert ink.ink_on(ink.shade(0)) == ink.INK and ink.ink_on(ink.shade(1)) == ink.PAPER


def test_stacked_parts_use_the_okabe_ito_colours_then_hatches() -> None:
    names = {c.name() for c in ink.OKABE_ITO}
    assert names == {
        "#0072b2",
        "#e69f00",
        "#009e73",
        "#d55e00",
        "#56b4e9",
        "#cc79a7",
        "#f0e442",
        "#000000",
    }
    brushes = [ink.part_brush(i) for i in range(13)]
    assert {b.color().name() for b in brushes[:8]} == names
    assert all(b.style().name == "SolidPattern" for b in brushes[:8])
    assert all(b.style().name != "SolidPattern" for b in brushes[8:])


def test_an_empty_chart_view_paints_nothing(qtbot: QtBot) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.set_data(None)
    assert not view.grab().isNull()
    assert view.accessibleName() == "Chart"


@pytest.mark.parametrize(
    ("start", "end", "language", "expected"),
    [
        (date(2026, 10, 1), date(2026, 10, 31), "fr", "rapport-2026-10.pdf"),
        (date(2026, 2, 1), date(2026, 2, 28), "en", "report-2026-02.pdf"),
        (date(2026, 7, 1), date(2026, 9, 30), "fr", "rapport-2026-T3.pdf"),
        (date(2026, 7, 1), date(2026, 9, 30), "en", "report-2026-Q3.pdf"),
        (date(2025, 1, 1), date(2025, 12, 31), "en", "report-2025.pdf"),
        (date(2026, 1, 5), date(2026, 2, 10), "fr", "rapport-2026-01-05_2026-02-10.pdf"),
        (date(2026, 2, 1), date(2026, 4, 30), "en", "report-2026-02-01_2026-04-30.pdf"),
    ],
)
def test_file_names_follow_the_period(start: date, end: date, language: str, expected: str) -> None:
    assert file_name(start, end, language, "pdf") == expected
