"""What each count of a report means, as the key it is filed under in the ledger.

Two tables that show the same count (the overview's silent calls and the row
``silent`` of the call kinds; the total of every question that applied to the
same calls) use the same key, so the count is hidden in both or in neither.
"""

from __future__ import annotations

from collections.abc import Hashable

from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.forms.expression import All, Node
from counselor_app.reports.counting import relevance_of

CALLS: Hashable = ("calls",)
PREVIOUS: Hashable = ("previous_calls",)
DELETED: Hashable = ("deleted",)
EXCLUDED: Hashable = ("excluded",)
OTHER_DEPARTMENTS_KEY: Hashable = ("other_departments",)


def conjuncts(node: Node | None) -> frozenset[Node]:
    if node is None:
        return frozenset()
    if isinstance(node, All):
        return frozenset().union(*(conjuncts(part) for part in node.operands))
    return frozenset({node})


def base_key(condition: Node | None) -> Hashable:
    """The calls a condition holds for: all calls when there is none."""
    parts = conjuncts(condition)
    return CALLS if not parts else ("base", parts)


def field_base(form: FormDefinition, field: Field) -> Hashable:
    return base_key(relevance_of(form, field))


def code_key(field: str, code: str) -> Hashable:
    return ("code", field, code)


def missing_key(field: str) -> Hashable:
    return ("missing", field)
