"""Form conditions as SQL over the coded-answer index, to count without reading records.

A condition of the form language becomes an SQL expression on a record row ``r``
with the same meaning as ``forms.expression.evaluate`` (an absent answer matches
no comparison; a multiple choice matches ``=`` and ``in`` when one chosen code does,
``!=`` when the code is not among those chosen; ordering compares integers).
"""

from __future__ import annotations

from counselor_app.forms.expression import All, Any_, Compare, In, Node, Not

_ANSWERED = (
    "EXISTS (SELECT 1 FROM record_codes x JOIN codes k ON k.id = x.code_id "
    "WHERE x.record = r.rowid AND k.field = ?)"
)
_HAS_CODE = (
    "EXISTS (SELECT 1 FROM record_codes x JOIN codes k ON k.id = x.code_id "
    "WHERE x.record = r.rowid AND k.field = ? AND k.code IN ({marks}))"
)
_ORDERED = (
    "EXISTS (SELECT 1 FROM record_codes x JOIN codes k ON k.id = x.code_id "
    "WHERE x.record = r.rowid AND k.field = ? AND CAST(k.code AS INTEGER) {op} ?)"
)


# Single-choice fields that records also keep in a column of their own (and in the
# covering index of reports): a condition on them needs no look-up of the coded answers.
COLUMN_FIELDS = frozenset({"call_kind", "reason"})


def to_sql(node: Node, *, columns: bool = False) -> tuple[str, list[object]]:
    """The SQL text (on ``records r``) and its parameters.

    ``columns``: compare ``call_kind`` and ``reason`` on the record's own columns.
    """
    if columns:
        column = _on_column(node)
        if column is not None:
            return column
    if isinstance(node, All | Any_):
        parts = [to_sql(part, columns=columns) for part in node.operands]
        joiner = " AND " if isinstance(node, All) else " OR "
        return "(" + joiner.join(text for text, _ in parts) + ")", [
            p for _, params in parts for p in params
        ]
    if isinstance(node, Not):
        text, params = to_sql(node.operand, columns=columns)
        return f"(NOT {text})", params
    if isinstance(node, In):
        values = [str(v) for v in node.values]
        marks = ",".join("?" * len(values))
        return _HAS_CODE.format(marks=marks), [node.field, *values]
    assert isinstance(node, Compare)
    if node.op == "=":
        return _HAS_CODE.format(marks="?"), [node.field, str(node.value)]
    if node.op == "!=":
        # Answered, and the code is not (among) the answer(s).
        text = f"({_ANSWERED} AND NOT {_HAS_CODE.format(marks='?')})"
        return text, [node.field, node.field, str(node.value)]
    return _ORDERED.format(op=node.op), [node.field, node.value]


def _on_column(node: Node) -> tuple[str, list[object]] | None:
    if isinstance(node, In) and node.field in COLUMN_FIELDS:
        values = [str(v) for v in node.values]
        return f"r.{node.field} IN ({','.join('?' * len(values))})", list(values)
    if isinstance(node, Compare) and node.field in COLUMN_FIELDS:
        if node.op == "=":
            return f"r.{node.field} = ?", [str(node.value)]
        if node.op == "!=":
            return f"(r.{node.field} IS NOT NULL AND r.{node.field} != ?)", [str(node.value)]
    return None
