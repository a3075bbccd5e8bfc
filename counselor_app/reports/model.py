"""What a report holds, ready to be written as PDF or CSV or shown in the window.

Every cell is published text: a number, ``<5`` (under the small-count threshold,
here 5) or ``x`` (hidden so that a small count cannot be worked out from the
totals), or empty where a figure does not apply (no previous period). The same
``Report`` feeds every output, so they all show the same cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from counselor_app.forms.definition import FormDefinition

TableKind = Literal["overview", "volume", "heatmap", "field", "cross"]
TOTAL = "total"
NOT_ANSWERED = "not_answered"
OTHER_DEPARTMENTS = "other_departments"
CSV_HEADER = ("table", "row", "column", "value")
FILTER_TABLE = "filter"  # CSV lines naming a filter of the report, not a table of counts

# Rows of the overview table, in order; the non-substantive kinds come after "substantive".
OVERVIEW_COUNTS = ("calls", "substantive")
OVERVIEW_FIGURES = (
    "median_duration_s",
    "p90_duration_s",
    "listening_hours",
    "first_contact_percent",
    "previous_calls",
    "change_percent",
)


@dataclass(frozen=True)
class Table:
    """One table: ``cells[(row, column)]`` is the published text of every cell.

    ``name`` is the CSV's ``table``. ``field`` names the form field whose options
    label the rows (field and cross tables; ``region`` and ``victim_department``
    rows are labelled from the list of départements), ``column_field`` the field
    whose options label the columns of a cross table.
    """

    name: str
    kind: TableKind
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: Mapping[tuple[str, str], str]
    base: str | None = None  # published: the records the question applied to
    field: str | None = None
    column_field: str | None = None

    def text(self, row: str, column: str) -> str:
        return self.cells[(row, column)]

    def number(self, row: str, column: str) -> float | None:
        """The published value as a number, or None when it is hidden or empty."""
        try:
            return float(self.cells[(row, column)])
        except ValueError:
            return None

    def is_hidden(self, row: str, column: str) -> bool:
        value = self.cells[(row, column)]
        return value == "x" or value.startswith("<")

    def body_rows(self) -> tuple[str, ...]:
        return tuple(r for r in self.rows if r != TOTAL)

    def body_columns(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c != TOTAL)

    def long_rows(self) -> list[tuple[str, str, str, str]]:
        return [(self.name, r, c, self.cells[(r, c)]) for r in self.rows for c in self.columns]


@dataclass(frozen=True)
class ReportRequest:
    """A period of local days, both included, and optional filters."""

    start: date
    end: date
    channel: str | None = None
    counselor_id: str | None = None
    counselor_name: str | None = None  # shown on the method page when filtered
    threshold: int = 5
    # In a consolidation vault: only the records imported from this workstation (its id).
    workstation: str | None = None


@dataclass(frozen=True)
class Method:
    # Published like the tables' cells (a number, <5 or x):
    form_versions: tuple[tuple[str, int, str], ...]  # (form, version, calls)
    deleted: str  # records of the period deleted before the report was made
    excluded: str  # records of the period left out by the filters
    generated_at: datetime  # local time
    program_version: str
    training: bool
    organisation: str = ""
    logo: Path | None = None


@dataclass(frozen=True)
class Report:
    request: ReportRequest
    tables: tuple[Table, ...]
    method: Method
    form: FormDefinition = field(compare=False)
    granularity: Literal["month", "day"] = "month"

    def table(self, name: str) -> Table:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    def long_rows(self) -> list[tuple[str, str, str, str]]:
        return [row for table in self.tables for row in table.long_rows()]
