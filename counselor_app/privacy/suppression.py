"""Small-count suppression: no published count lies between 1 and threshold - 1.

A table is a set of cells (its totals included) and the sums it publishes: each
``Sum`` says that one cell (a total) equals the sum of others. Primary
suppression hides every count from 1 to threshold - 1 (shown ``<5`` for a
threshold of 5). Complementary suppression then hides further cells (shown
``x``) until no sum has exactly one hidden cell, so that no hidden count can be
worked out by subtraction from the totals of the same table. The smallest
published cell of the sum is chosen each time, so as little as possible is lost.

The result depends only on the counts, the sums and the threshold: the PDF, the
CSV and the window that use it show the same cells.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

MIN_THRESHOLD = 3
DEFAULT_THRESHOLD = 5


class Hidden(Enum):
    SMALL = "small"  # primary: 1 to threshold - 1
    COMPLEMENT = "complement"  # secondary: hidden so the small ones cannot be derived
    WITHHELD = "withheld"  # never published (other published cells add it up)


@dataclass(frozen=True)
class Sum:
    total: Hashable
    parts: tuple[Hashable, ...]


@dataclass(frozen=True)
class Suppressed:
    counts: Mapping[Hashable, int]
    hidden: Mapping[Hashable, Hidden]
    threshold: int

    def shown(self, cell: Hashable) -> str:
        """What is published for ``cell``: the number, ``<5`` or ``x``."""
        state = self.hidden.get(cell)
        if state is Hidden.SMALL:
            return f"<{self.threshold}"
        if state is Hidden.COMPLEMENT:
            return "x"
        return str(self.counts[cell])

    def is_hidden(self, cell: Hashable) -> bool:
        return cell in self.hidden


def check_threshold(threshold: int) -> int:
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the small-count threshold cannot be below {MIN_THRESHOLD}")
    return threshold


def suppress(
    counts: Mapping[Hashable, int],
    sums: Sequence[Sum],
    threshold: int = DEFAULT_THRESHOLD,
    *,
    withheld: Collection[Hashable] = (),
) -> Suppressed:
    """Decide which cells are hidden. Two rules, applied until both hold for every sum:

    - a sum never has exactly one hidden cell (it would be the total minus the others);
    - a sum that holds a hidden small count also holds a hidden count of at least the
      threshold: otherwise the hidden cells add up to a known small number, and two
      hidden cells of 1 adding up to 2 are both known.

    The cell added is the smallest published part that settles the sum (the total when
    no part can), so as little as possible is lost.
    """
    check_threshold(threshold)
    for each in sums:
        for cell in (each.total, *each.parts):
            if cell not in counts:
                raise KeyError(f"the sum names a cell that has no count: {cell!r}")
    hidden: dict[Hashable, Hidden] = {
        cell: Hidden.SMALL for cell, value in counts.items() if 0 < value < threshold
    }
    for cell in withheld:
        hidden.setdefault(cell, Hidden.WITHHELD)

    def large(cell: Hashable) -> bool:
        return counts[cell] >= threshold

    changed = True
    while changed:
        changed = False
        # A withheld count that is the only hidden cell of a sum is known from it: it
        # guards nothing, and revealing it gives away no small count.
        known = {
            cell
            for each in sums
            for cell in (each.total, *each.parts)
            if hidden.get(cell) is Hidden.WITHHELD
            and all(c == cell or c not in hidden for c in (each.total, *each.parts))
        }
        for each in sums:
            members = (each.total, *each.parts)
            shut = [cell for cell in members if cell in hidden and cell not in known]
            if not shut:
                continue
            exposed = len(shut) == 1
            unguarded = any(hidden[c] is Hidden.SMALL for c in shut) and not any(
                large(c) for c in shut
            )
            if not (exposed or unguarded):
                continue
            choice = _complement(each, hidden, counts, threshold, need_large=not exposed)
            if choice is not None:
                hidden[choice] = Hidden.COMPLEMENT
                changed = True
    return Suppressed(dict(counts), hidden, threshold)


def _complement(
    each: Sum,
    hidden: Mapping[Hashable, Hidden],
    counts: Mapping[Hashable, int],
    threshold: int,
    *,
    need_large: bool,
) -> Hashable | None:
    """The cell to hide next in ``each``: a part of at least the threshold if there is one,
    else the total if it is; failing that (only when one hidden cell must not stay alone)
    the smallest other part, else the total."""
    parts = [c for c in each.parts if c not in hidden]
    large = [c for c in parts if counts[c] >= threshold]
    if large:
        return min(large, key=lambda c: (counts[c], repr(c)))
    if each.total not in hidden and counts[each.total] >= threshold:
        return each.total
    if need_large:
        return None  # nothing left here can guard it; the sums the total is part of will
    if parts:
        return min(parts, key=lambda c: (counts[c] == 0, counts[c], repr(c)))
    return None if each.total in hidden else each.total


def one_way(
    rows: Mapping[str, int],
    total: int,
    threshold: int = DEFAULT_THRESHOLD,
    *,
    additive: bool = True,
) -> Suppressed:
    """A one-way table: ``rows`` (option code -> count) and its ``total`` (cell ``"total"``).

    ``additive`` is False for a multiple choice, whose counts do not add up to the total.
    """
    counts: dict[Hashable, int] = dict(rows.items())
    counts["total"] = total
    sums = [Sum("total", tuple(rows))] if additive else []
    return suppress(counts, sums, threshold)


def cross(
    cells: Mapping[tuple[str, str], int],
    rows: Sequence[str],
    columns: Sequence[str],
    *,
    row_totals: Mapping[str, int],
    column_totals: Mapping[str, int],
    grand_total: int,
    threshold: int = DEFAULT_THRESHOLD,
    additive_rows: bool = True,
    additive_columns: bool = True,
) -> Suppressed:
    """A two-way table with its totals: cells ``(row, column)``, ``(row, "total")``,
    ``("total", column)`` and ``("total", "total")``.

    ``additive_rows``: each row's cells add up to its total (the column dimension is a
    single choice, with a column for every answer); likewise ``additive_columns``. A
    dimension from a multiple choice does not add up, so its sums are left out.
    """
    counts: dict[Hashable, int] = {(r, c): cells.get((r, c), 0) for r in rows for c in columns}
    counts.update({(r, "total"): row_totals[r] for r in rows})
    counts.update({("total", c): column_totals[c] for c in columns})
    counts[("total", "total")] = grand_total
    sums: list[Sum] = []
    if additive_rows:
        sums += [Sum((r, "total"), tuple((r, c) for c in columns)) for r in rows]
        sums.append(Sum(("total", "total"), tuple(("total", c) for c in columns)))
    if additive_columns:
        sums += [Sum(("total", c), tuple((r, c) for r in rows)) for c in columns]
        sums.append(Sum(("total", "total"), tuple((r, "total") for r in rows)))
    for each in sums:
        if counts[each.total] != sum(counts[p] for p in each.parts):
            raise ValueError(f"the total {each.total!r} is not the sum of its cells")
    return suppress(counts, sums, threshold)
