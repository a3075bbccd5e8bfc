from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselor_app.forms.expression import (
    Answers,
    ExpressionError,
    evaluate,
    fields_of,
    parse,
)

ANSWERS: Answers = {"kind": "victim", "count": 3, "signs": ["weapon", "escalation"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kind = 'victim'", True),
        ('kind = "victim"', True),
        ("kind != 'victim'", False),
        ("kind in ('relative', 'victim')", True),
        ("kind in ('relative')", False),
        ("count = 3", True),
        ("count < 3", False),
        ("count <= 3", True),
        ("count > 2 and count >= 3", True),
        ("not count > 2", False),
        ("kind = 'x' or count = 3", True),
        ("kind = 'x' or count = 4 or signs = 'weapon'", True),
        ("signs = 'weapon'", True),
        ("signs != 'weapon'", False),
        ("signs != 'strangulation'", True),
        ("signs in ('death_threats', 'escalation')", True),
        ("signs in ('death_threats')", False),
        ("not (kind = 'victim' and count = 3)", False),
        ("not not kind = 'victim'", True),
        # Absent answers match nothing, whatever the operator.
        ("missing = 'x'", False),
        ("missing != 'x'", False),
        ("missing in ('x')", False),
        ("missing < 5", False),
        ("not missing = 'x'", True),
        # Ordering compares integers only.
        ("kind < 3", False),
        ("signs > 0", False),
        # and binds tighter than or
        ("count = 3 or kind = 'x' and count = 4", True),
        ("(count = 3 or kind = 'x') and count = 4", False),
        ("count = -1", False),
    ],
)
def test_evaluation(text: str, expected: bool) -> None:
    assert evaluate(parse(text), ANSWERS) is expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "kind =",
        "kind = 'victim' and",
        "kind == 'victim'",
        "kind = 'victim')",
        "(kind = 'victim'",
        "kind in 'victim'",
        "kind in ()",
        "kind < 'victim'",
        "__import__('os')",
        "kind = victim",
        "kind = 'victim' kind = 'x'",
        "kind ; count",
        "undefined_name",
    ],
)
def test_malformed_conditions_are_refused(text: str) -> None:
    with pytest.raises(ExpressionError):
        parse(text)


def test_definitions_are_inlined() -> None:
    base = parse("kind in ('victim', 'relative')")
    node = parse("substantive and count > 1", definitions={"substantive": base})
    assert evaluate(node, ANSWERS)
    assert fields_of(node) == {"kind", "count"}


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ExpressionError, match="unknown field 'kinde'"):
        parse("kinde = 'victim'", is_field={"kind"}.__contains__)


# A reference semantics for random expressions, computed next to their text.
CODES = ["a", "b", "c"]
_leaf = st.one_of(
    st.tuples(
        st.sampled_from(["s", "m", "n", "absent"]),
        st.sampled_from(["=", "!="]),
        st.sampled_from(CODES),
    ),
    st.tuples(
        st.sampled_from(["i", "absent"]),
        st.sampled_from(["<", "<=", ">", ">=", "=", "!="]),
        st.integers(-3, 3),
    ),
)


def _leaf_text(leaf: tuple[str, str, object]) -> str:
    name, op, value = leaf
    literal = f"'{value}'" if isinstance(value, str) else str(value)
    return f"{name} {op} {literal}"


def _leaf_value(leaf: tuple[str, str, object], answers: dict[str, object]) -> bool:
    name, op, value = leaf
    if name not in answers:
        return False
    answer = answers[name]
    if isinstance(answer, list):
        return (value in answer) if op == "=" else (value not in answer) if op == "!=" else False
    if op == "=":
        return answer == value
    if op == "!=":
        return answer != value
    if not isinstance(answer, int) or not isinstance(value, int):
        return False
    return {"<": answer < value, "<=": answer <= value, ">": answer > value, ">=": answer >= value}[
        op
    ]


_tree = st.recursive(
    _leaf.map(lambda leaf: ("leaf", leaf)),
    lambda children: st.one_of(
        st.tuples(st.just("not"), children),
        st.tuples(st.sampled_from(["and", "or"]), children, children),
    ),
    max_leaves=12,
)


def _text(tree: tuple) -> str:  # type: ignore[type-arg]
    if tree[0] == "leaf":
        return _leaf_text(tree[1])
    if tree[0] == "not":
        return f"not ({_text(tree[1])})"
    return f"({_text(tree[1])}) {tree[0]} ({_text(tree[2])})"


def _value(tree: tuple, answers: dict[str, object]) -> bool:  # type: ignore[type-arg]
    if tree[0] == "leaf":
        return _leaf_value(tree[1], answers)
    if tree[0] == "not":
        return not _value(tree[1], answers)
    if tree[0] == "and":
        return _value(tree[1], answers) and _value(tree[2], answers)
    return _value(tree[1], answers) or _value(tree[2], answers)


@given(
    tree=_tree,
    s=st.sampled_from(CODES),
    m=st.lists(st.sampled_from(CODES), unique=True),
    i=st.integers(-4, 4),
)
def test_random_conditions_match_the_reference(tree: tuple, s: str, m: list[str], i: int) -> None:  # type: ignore[type-arg]
    answers: dict[str, object] = {"s": s, "m": m, "i": i, "n": i}
    assert evaluate(parse(_text(tree)), answers) is _value(tree, answers)  # type: ignore[arg-type]
