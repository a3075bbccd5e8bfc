"""The tables of the form's questions: one per coded field, the regions and
départements, and the types of violence by relationship to the perpetrator.

Each count is filed in the ledger under what it means (see ``keys``), with the
sums that link it: a single choice's answers add up to the calls it applied to,
the départements of a region to the region, each type of violence's relations to
the calls with that type.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.reports.facts import Facts
from counselor_app.reports.geography import departements, regions
from counselor_app.reports.keys import OTHER_DEPARTMENTS_KEY, code_key, field_base, missing_key
from counselor_app.reports.ledger import Cell, Ledger, TableDraft, count, share
from counselor_app.reports.model import NOT_ANSWERED, OTHER_DEPARTMENTS, TOTAL
from counselor_app.reports.pairs import CROSS

TOP_DEPARTMENTS = 15
OUTSIDE = ("abroad", "unknown")  # answers to the département question that are not one


def _codes(facts: Facts, field: str) -> dict[str, int]:
    return {code: n for (f, code), n in facts.codes.items() if f == field}


def _file_field(ledger: Ledger, facts: Facts, form: FormDefinition, field: Field) -> Hashable:
    """File the field's base, answers and (single choice) unanswered count and their sum."""
    base = ledger.cell(field_base(form, field), facts.bases[field.code])
    counts = _codes(facts, field.code)
    keys = [ledger.cell(code_key(field.code, c), n) for c, n in counts.items()]
    for code in field.codes:
        keys.append(ledger.cell(code_key(field.code, code), counts.get(code, 0)))
    if field.type != "multiple":
        missing = ledger.cell(
            missing_key(field.code), facts.bases[field.code] - sum(counts.values())
        )
        ledger.total(base, [*sorted(set(keys), key=repr), missing])
    return base


def _rows(field: Field, counts: Mapping[str, int], missing: int) -> list[str]:
    codes = list(field.codes) or sorted(counts, key=lambda c: (len(c), c))
    extra = sorted(c for c in counts if c not in codes and counts[c])
    return [*codes, *extra, *([NOT_ANSWERED] if missing else [])]


def _one_way(
    name: str,
    rows: list[str],
    keys: Mapping[str, Hashable],
    base: Hashable,
    field: str | None,
) -> TableDraft:
    cells: dict[tuple[str, str], Cell] = {}
    for row in rows:
        cells[(row, "count")] = count(keys[row])
        cells[(row, "percent")] = share(keys[row], base)
    cells[(TOTAL, "count")] = count(base)
    cells[(TOTAL, "percent")] = share(base, base)
    return TableDraft(name, "field", (*rows, TOTAL), ("count", "percent"), cells, base, field)


def field_table(ledger: Ledger, facts: Facts, form: FormDefinition, field: Field) -> TableDraft:
    base = _file_field(ledger, facts, form, field)
    counts = _codes(facts, field.code)
    missing = ledger.counts.get(missing_key(field.code), 0)
    rows = _rows(field, counts, missing)
    keys = {r: code_key(field.code, r) for r in rows}
    keys[NOT_ANSWERED] = missing_key(field.code)
    return _one_way(field.code, rows, keys, base, field.code)


def place_tables(
    ledger: Ledger, facts: Facts, form: FormDefinition, field: Field
) -> list[TableDraft]:
    """The victim's region, and her 15 most frequent départements with the rest grouped.

    Every département is filed; those outside the 15 are withheld (never published),
    so that a region minus the départements shown cannot give a small one away.
    """
    base = _file_field(ledger, facts, form, field)
    counts = _codes(facts, field.code)
    missing = ledger.counts.get(missing_key(field.code), 0)
    reference = departements()
    places = [c for c in counts if c not in OUTSIDE]
    by_region: dict[str, list[Hashable]] = {r: [] for r in regions()}
    for code in places:
        region = reference[code].region_code if code in reference else code
        by_region.setdefault(region, []).append(code_key(field.code, code))
    region_keys: dict[str, Hashable] = {}
    for region, members in by_region.items():
        key = ledger.cell(("region", region), sum(ledger.counts[m] for m in members))
        ledger.total(key, members)
        region_keys[region] = key
    outside = {c: code_key(field.code, c) for c in OUTSIDE}
    missing_at = {NOT_ANSWERED: missing_key(field.code)} if missing else {}
    region_rows = [*region_keys, *OUTSIDE, *missing_at]
    ledger.total(base, [*region_keys.values(), *outside.values(), missing_key(field.code)])
    regions_draft = _one_way(
        "region", region_rows, {**region_keys, **outside, **missing_at}, base, None
    )

    ranked = sorted(
        (c for c in places if c in reference and counts[c] > 0), key=lambda c: (-counts[c], c)
    )
    top = ranked[:TOP_DEPARTMENTS]
    rest = [code_key(field.code, c) for c in places if c not in top]
    for key in rest:
        ledger.withhold(key)
    other = ledger.cell(OTHER_DEPARTMENTS_KEY, sum(ledger.counts[k] for k in rest))
    ledger.total(other, rest)
    top_keys = {c: code_key(field.code, c) for c in top}
    rows = [*top, OTHER_DEPARTMENTS, *OUTSIDE, *missing_at]
    ledger.total(base, [*top_keys.values(), other, *outside.values(), missing_key(field.code)])
    keys = {**top_keys, OTHER_DEPARTMENTS: other, **outside, **missing_at}
    return [regions_draft, _one_way(field.code, rows, keys, base, field.code)]


def cross_table(ledger: Ledger, facts: Facts, form: FormDefinition) -> TableDraft:
    """Types of violence (several per call) by relationship (one per call at most)."""
    row_field, column_field = (form.field(code) for code in CROSS)
    assert row_field is not None and column_field is not None
    base = field_base(form, row_field)
    columns = [*column_field.codes, NOT_ANSWERED]
    cells: dict[tuple[str, str], Cell] = {}
    for r in row_field.codes:
        row_total = code_key(row_field.code, r)
        keys = []
        for c in column_field.codes:
            n = facts.pairs.get((r, c), 0)
            keys.append(ledger.cell(("pair", r, c), n))
        alone = ledger.counts[row_total] - sum(ledger.counts[k] for k in keys)
        keys.append(ledger.cell(("pair", r, NOT_ANSWERED), alone))
        ledger.total(row_total, keys)
        cells.update({(r, c): count(k) for c, k in zip(columns, keys, strict=True)})
        cells[(r, TOTAL)] = count(row_total)
    for c in column_field.codes:
        cells[(TOTAL, c)] = count(code_key(column_field.code, c))
    cells[(TOTAL, NOT_ANSWERED)] = count(missing_key(column_field.code))
    cells[(TOTAL, TOTAL)] = count(base)
    return TableDraft(
        f"{row_field.code}_x_{column_field.code}",
        "cross",
        (*row_field.codes, TOTAL),
        (*columns, TOTAL),
        cells,
        base,
        row_field.code,
        column_field.code,
    )
