"""Every count of a report in one place, so that hiding is decided once for the report.

A count is filed under what it means (``("code", "call_kind", "silent")``, the
calls a question applied to, a département, a weekday), not under the table that
shows it: the overview and the table of call kinds, the regions and the
départements, the days and the weekdays then hide the same cells, and no table
gives away what another hides. Counts that no table shows but that others add
up to (the départements outside the 15 most frequent, the records of the period
before filtering) are *withheld*: never published, yet part of the sums.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from counselor_app.privacy.suppression import Sum, Suppressed, suppress
from counselor_app.reports.model import Table, TableKind


class Ledger:
    def __init__(self) -> None:
        self.counts: dict[Hashable, int] = {}
        self.sums: list[Sum] = []
        self.withheld: set[Hashable] = set()

    def cell(self, key: Hashable, count: int) -> Hashable:
        known = self.counts.setdefault(key, count)
        if known != count:
            raise ValueError(f"two counts for {key!r}: {known} and {count}")
        return key

    def total(self, key: Hashable, parts: Iterable[Hashable]) -> None:
        """``key`` is the sum of ``parts`` (all filed already)."""
        parts = tuple(parts)
        found = sum(self.counts[p] for p in parts)
        if self.counts[key] != found:
            raise ValueError(f"{key!r} is {self.counts[key]}, its parts add up to {found}")
        self.sums.append(Sum(key, parts))

    def withhold(self, key: Hashable) -> None:
        self.withheld.add(key)

    def settle(self, threshold: int) -> Suppressed:
        return suppress(self.counts, self.sums, threshold, withheld=self.withheld)


# What a cell of a table shows, once hiding is decided.
Cell = Callable[[Suppressed], str]


def count(key: Hashable) -> Cell:
    return lambda cells: cells.shown(key)


def share(key: Hashable, base: Hashable) -> Cell:
    """A percentage of ``base``: hidden with its count, and ``x`` when the base is hidden
    (a share of a known count would give the base away)."""

    def shown(cells: Suppressed) -> str:
        if cells.is_hidden(key):
            return cells.shown(key)
        if cells.is_hidden(base):
            return "x"
        whole = cells.counts[base]
        return "0.0" if whole == 0 else f"{100 * cells.counts[key] / whole:.1f}"

    return shown


def fixed(text: str) -> Cell:
    return lambda cells: text


@dataclass
class TableDraft:
    name: str
    kind: TableKind
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: dict[tuple[str, str], Cell]
    base: Hashable | None = None
    field: str | None = None
    column_field: str | None = None

    def render(self, cells: Suppressed) -> Table:
        return Table(
            self.name,
            self.kind,
            self.rows,
            self.columns,
            {where: show(cells) for where, show in self.cells.items()},
            None if self.base is None else cells.shown(self.base),
            self.field,
            self.column_field,
        )
