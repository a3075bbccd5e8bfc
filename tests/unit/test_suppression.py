"""Small counts are never published and cannot be worked out from the totals."""

from __future__ import annotations

from collections.abc import Hashable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counselor_app.privacy.suppression import (
    Hidden,
    Sum,
    Suppressed,
    cross,
    one_way,
    suppress,
)


def small_range(result: Suppressed, each: Sum, cell: Hashable) -> tuple[float, float]:
    """The values a hidden small ``cell`` can take, seen from the published cells of one sum.

    Each hidden small count lies in 1..threshold - 1, any other hidden count in 0..inf;
    the sum fixes ``total - parts`` over the hidden members to what the published ones give.
    """
    signs = {each.total: -1, **{p: 1 for p in each.parts}}
    known = sum(-sign * result.counts[c] for c, sign in signs.items() if not result.is_hidden(c))
    # sum over hidden c of sign(c) * x(c) == known
    low: float = 0
    high: float = 0
    for other, sign in signs.items():
        if other == cell or not result.is_hidden(other):
            continue
        small = result.hidden[other] is Hidden.SMALL
        lo, hi = (1.0, float(result.threshold - 1)) if small else (0.0, float("inf"))
        low += sign * (lo if sign > 0 else hi)
        high += sign * (hi if sign > 0 else lo)
    sign = signs[cell]
    ends = sorted(((known - low) * sign, (known - high) * sign))
    return max(1.0, ends[0]), min(float(result.threshold - 1), ends[1])


def assert_safe(result: Suppressed, sums: list[Sum]) -> None:
    for cell, value in result.counts.items():
        if not result.is_hidden(cell):
            assert not 0 < value < result.threshold, (cell, value)
    for each in sums:
        members: tuple[Hashable, ...] = (each.total, *each.parts)
        hidden = [cell for cell in members if result.is_hidden(cell)]
        assert len(hidden) != 1, (each, result.hidden)
        if not any(result.counts[c] >= result.threshold for c in members):
            continue  # nothing here can guard a small count: only a larger table can
        if result.counts[each.total] != sum(result.counts[p] for p in each.parts):
            continue  # made-up sums that do not add up say nothing about the cells
        for cell in hidden:
            if result.hidden[cell] is Hidden.SMALL:
                low, high = small_range(result, each, cell)
                assert high > low, (each, cell, result.hidden, result.counts)


def sums_of(result: Suppressed, rows: list[str], columns: list[str]) -> list[Sum]:
    sums = [Sum((r, "total"), tuple((r, c) for c in columns)) for r in rows]
    sums += [Sum(("total", c), tuple((r, c) for r in rows)) for c in columns]
    sums.append(Sum(("total", "total"), tuple((r, "total") for r in rows)))
    sums.append(Sum(("total", "total"), tuple(("total", c) for c in columns)))
    return sums


def test_a_small_cell_and_its_complement() -> None:
    result = one_way({"a": 40, "b": 3, "c": 12, "d": 0}, 55)
    assert [result.shown(k) for k in ("a", "b", "c", "d", "total")] == ["40", "<5", "x", "0", "55"]


def test_the_threshold_is_shown_and_never_below_three() -> None:
    result = one_way({"a": 40, "b": 6, "c": 9, "d": 12}, 67, threshold=10)
    assert result.shown("b") == "<10" and result.shown("c") == "<10"
    assert result.shown("a") == "40" and result.shown("d") == "x"
    with pytest.raises(ValueError, match="below 3"):
        one_way({"a": 1}, 1, threshold=2)


def test_a_small_total_is_hidden_too() -> None:
    result = one_way({"a": 2, "b": 1}, 3)
    assert result.shown("total") == "<5"


def test_a_multiple_choice_needs_no_complement() -> None:
    result = one_way({"a": 40, "b": 3, "c": 12}, 50, additive=False)
    assert result.hidden == {"b": Hidden.SMALL}


def test_zero_stays_published() -> None:
    result = one_way({"a": 0, "b": 20, "c": 30}, 50)
    assert result.hidden == {}


@settings(max_examples=300)
@given(
    rows=st.dictionaries(st.sampled_from("abcdefghij"), st.integers(0, 30), min_size=1),
    threshold=st.integers(3, 11),
)
def test_one_way_tables_are_safe(rows: dict[str, int], threshold: int) -> None:
    total = sum(rows.values())
    result = one_way(rows, total, threshold)
    assert_safe(result, [Sum("total", tuple(rows))])


@st.composite
def grids(draw: st.DrawFn) -> tuple[dict[tuple[str, str], int], list[str], list[str]]:
    rows = [f"r{i}" for i in range(draw(st.integers(1, 6)))]
    columns = [f"c{j}" for j in range(draw(st.integers(1, 6)))]
    value = st.integers(0, 12) | st.integers(0, 200)
    cells = {(r, c): draw(value) for r in rows for c in columns}
    return cells, rows, columns


@settings(max_examples=300)
@given(grid=grids(), threshold=st.integers(3, 8))
def test_two_way_tables_are_safe(
    grid: tuple[dict[tuple[str, str], int], list[str], list[str]], threshold: int
) -> None:
    cells, rows, columns = grid
    row_totals = {r: sum(cells[(r, c)] for c in columns) for r in rows}
    column_totals = {c: sum(cells[(r, c)] for r in rows) for c in columns}
    result = cross(
        cells,
        rows,
        columns,
        row_totals=row_totals,
        column_totals=column_totals,
        grand_total=sum(row_totals.values()),
        threshold=threshold,
    )
    assert_safe(result, sums_of(result, rows, columns))


@settings(max_examples=200)
@given(
    counts=st.dictionaries(st.integers(0, 15), st.integers(0, 40), min_size=2, max_size=12),
    data=st.data(),
)
def test_any_set_of_sums_is_made_safe(counts: dict[int, int], data: st.DataObject) -> None:
    cells = sorted(counts)
    sums = []
    for _ in range(data.draw(st.integers(0, 4))):
        parts = data.draw(st.lists(st.sampled_from(cells), min_size=1, max_size=5, unique=True))
        total = data.draw(st.sampled_from([c for c in cells if c not in parts] or cells))
        if total in parts:
            continue
        sums.append(Sum(total, tuple(parts)))
    table: dict[Hashable, int] = dict(counts.items())
    result = suppress(table, sums, 5)
    assert_safe(result, sums)


def test_the_same_table_always_gives_the_same_cells() -> None:
    rows = {f"o{i}": v for i, v in enumerate([7, 3, 7, 2, 90, 7])}
    first = one_way(rows, sum(rows.values()))
    again = one_way(dict(reversed(list(rows.items()))), sum(rows.values()))
    assert first.hidden == again.hidden


def test_a_multiple_choice_dimension_does_not_add_up() -> None:
    # Rows: violence types (several per call); columns: relation (one per call).
    cells = {
        ("physical", "spouse"): 30,
        ("physical", "ex"): 2,
        ("verbal", "spouse"): 25,
        ("verbal", "ex"): 9,
    }
    result = cross(
        cells,
        ["physical", "verbal"],
        ["spouse", "ex"],
        row_totals={"physical": 32, "verbal": 34},
        column_totals={"spouse": 40, "ex": 10},  # calls, not the sum of the rows
        grand_total=50,
        additive_columns=False,
    )
    assert result.shown(("physical", "ex")) == "<5"
    assert result.shown(("physical", "spouse")) == "x"  # or the row total would tell
    assert result.shown(("verbal", "ex")) == "9"
    with pytest.raises(ValueError, match="not the sum"):
        cross(
            cells,
            ["physical", "verbal"],
            ["spouse", "ex"],
            row_totals={"physical": 32, "verbal": 34},
            column_totals={"spouse": 40, "ex": 10},
            grand_total=50,
        )


def test_two_small_cells_are_guarded_by_a_larger_one() -> None:
    # Without a third hidden cell, 22 - 20 = 2 would make both small days exactly 1.
    result = one_way({"mon": 1, "tue": 1, "wed": 20, "thu": 9}, 31)
    assert result.shown("mon") == "<5" and result.shown("tue") == "<5"
    assert result.shown("thu") == "x" and result.shown("wed") == "20"


def test_withheld_cells_are_never_published_but_guard_the_others() -> None:
    # A region and its two départements, one of them withheld (outside the top 15).
    counts: dict[Hashable, int] = {"corse": 33, "2A": 30, "2B": 3}
    result = suppress(counts, [Sum("corse", ("2A", "2B"))], 5, withheld=["2B"])
    assert result.hidden["2B"] is Hidden.SMALL
    assert result.is_hidden("2A")  # else 33 - 30 gives 2B away
    # A withheld count that is not small may be worked out: nothing more is hidden for it.
    big: dict[Hashable, int] = {"r": 70, "a": 30, "b": 40}
    kept = suppress(big, [Sum("r", ("a", "b"))], 5, withheld=["b"])
    assert kept.hidden == {"b": Hidden.WITHHELD}
