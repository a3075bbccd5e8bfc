"""What a table's chart shows: labelled rows of published cells, in the report's language.

The figures are the table's own published cells, so a chart never shows more than
the table: a hidden cell (``<5``, ``x``) is drawn as no bar, with its marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from counselor_app.forms.definition import FormDefinition
from counselor_app.reports import wording
from counselor_app.reports.model import Table

Style = Literal["bars", "columns", "heatmap", "stacked"]


@dataclass(frozen=True)
class Cell:
    value: float | None  # None when hidden or empty
    text: str  # as published: a number, "<5", "x" or ""

    @property
    def hidden(self) -> bool:
        return self.text == "x" or self.text.startswith("<")


@dataclass(frozen=True)
class ChartData:
    """``cells[row][column]``; bars and columns have a single column."""

    style: Style
    title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    short_rows: tuple[str, ...] = ()  # shorter labels for the columns' axis

    def values(self) -> list[float]:
        return [c.value for row in self.cells for c in row if c.value is not None]

    def largest(self) -> float:
        """The largest shown value, or stacked total; 0 when there is none."""
        if self.style == "stacked":
            totals = [sum(c.value or 0 for c in row) for row in self.cells]
            return max(totals, default=0.0)
        return max(self.values(), default=0.0)


def _cell(table: Table, row: str, column: str) -> Cell:
    return Cell(table.number(row, column), table.text(row, column))


def _short_period(key: str, language: str) -> str:
    """``2026-03-14`` -> ``14``; ``2026-03`` -> ``mars 2026``."""
    if len(key) == 10:
        return str(int(key[8:]))
    return wording.month_label(key, language)


def chart_data(table: Table, form: FormDefinition, language: str) -> ChartData:
    title = wording.table_title(table, form, language)

    def label(row: str) -> str:
        return wording.row_label(table, row, form, language)

    if table.kind == "overview":
        # The calls by kind: those with an exchange, then each other kind.
        rows = ("substantive", *form.non_substantive_kinds)
        rows = tuple(r for r in rows if r in table.rows)
        return ChartData(
            "bars",
            title,
            tuple(label(r) for r in rows),
            ("value",),
            tuple((_cell(table, r, "value"),) for r in rows),
        )
    body = table.body_rows()
    if table.kind in ("heatmap", "cross"):
        columns = table.body_columns()
        return ChartData(
            "heatmap" if table.kind == "heatmap" else "stacked",
            title,
            tuple(label(r) for r in body),
            tuple(wording.column_label(table, c, form, language) for c in columns),
            tuple(tuple(_cell(table, r, c) for c in columns) for r in body),
        )
    cells = tuple((_cell(table, r, "count"),) for r in body)
    if table.kind == "volume":
        return ChartData(
            "columns",
            title,
            tuple(label(r) for r in body),
            ("count",),
            cells,
            tuple(_short_period(r, language) for r in body),
        )
    return ChartData("bars", title, tuple(label(r) for r in body), ("count",), cells)
