"""One-way tables of a report: counts and shares, with small counts suppressed.

Rows come out in the long format of the CSV, ``(table, row, column, value)``,
where ``column`` is ``count`` or ``percent`` and ``value`` is a number, ``<5``
(the threshold's number) or ``x``. A hidden count's share is hidden the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from counselor_app.forms.definition import FormDefinition
from counselor_app.privacy.suppression import Suppressed, one_way
from counselor_app.reports.counting import NO_ANSWER, FieldCounts

TOTAL = "total"


@dataclass(frozen=True)
class OneWayTable:
    table: str
    rows: tuple[str, ...]  # option codes in form order, then "not_answered" if any
    cells: Suppressed
    base: int

    def count(self, row: str) -> str:
        return self.cells.shown(row)

    def percent(self, row: str) -> str:
        if self.cells.is_hidden(row):
            return self.cells.shown(row)
        if self.base == 0:
            return "0.0"
        return f"{100 * self.cells.counts[row] / self.base:.1f}"

    def long_rows(self) -> list[tuple[str, str, str, str]]:
        out: list[tuple[str, str, str, str]] = []
        for row in (*self.rows, TOTAL):
            out.append((self.table, row, "count", self.count(row)))
            out.append((self.table, row, "percent", self.percent(row)))
        return out


def one_way_table(form: FormDefinition, counts: FieldCounts, threshold: int) -> OneWayTable:
    field = form.field(counts.field)
    if field is None:
        raise ValueError(f"'{counts.field}' is not a field of the form")
    codes = (
        list(field.codes)
        if field.codes
        else sorted((c for c in counts.counts if c != NO_ANSWER), key=lambda c: (len(c), c))
    )
    rows = [*codes, NO_ANSWER] if counts.counts.get(NO_ANSWER) else codes
    values = {row: counts.counts.get(row, 0) for row in rows}
    cells = one_way(values, counts.base, threshold, additive=field.type != "multiple")
    return OneWayTable(counts.field, tuple(rows), cells, counts.base)
