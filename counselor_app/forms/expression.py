"""The small condition language of form definitions, parsed by our own code.

Grammar (keywords in lower case)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | atom
    atom       := "(" expr ")" | NAME | NAME op value | NAME "in" "(" value ("," value)* ")"
    op         := "=" | "!=" | "<" | "<=" | ">" | ">="
    value      := 'text' | "text" | integer

A bare NAME refers to a named definition of the form (``substantive``,
``violence``). Meaning, for an answer that is:

- absent: every comparison is false (a question not asked matches nothing);
- a list (multiple choice): ``=`` and ``in`` are true when a chosen code matches,
  ``!=`` when the code is not among those chosen;
- ``<``, ``<=``, ``>``, ``>=`` compare integers only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

Answer = str | int | list[str]
Answers = Mapping[str, Answer]


class ExpressionError(ValueError):
    """A condition that does not parse or refers to something unknown."""


@dataclass(frozen=True)
class Compare:
    field: str
    op: str
    value: str | int


@dataclass(frozen=True)
class In:
    field: str
    values: tuple[str | int, ...]


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class All:
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Any_:
    operands: tuple[Node, ...]


Node = Compare | In | Not | All | Any_

_TOKEN = re.compile(
    r"\s*(?:(?P<int>-?\d+)|(?P<str>'[^']*'|\"[^\"]*\")|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op><=|>=|!=|=|<|>)|(?P<punct>[(),]))"
)
KEYWORDS = frozenset({"and", "or", "not", "in"})
ORDERING = frozenset({"<", "<=", ">", ">="})


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise ExpressionError(f"unexpected character at position {position + 1}")
        kind = match.lastgroup
        assert kind is not None
        token = match.group(kind)
        if kind == "name" and token in KEYWORDS:
            kind = token
        tokens.append(_Token(kind, token))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str, definitions: Mapping[str, Node], fields: Callable[[str], bool]):
        self.tokens = _tokens(text)
        self.index = 0
        self.definitions = definitions
        self.is_field = fields

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, kind: str | None = None, text: str | None = None) -> _Token:
        token = self.peek()
        if token is None:
            raise ExpressionError("the condition ends too early")
        if (kind and token.kind != kind) or (text and token.text != text):
            raise ExpressionError(f"unexpected '{token.text}'")
        self.index += 1
        return token

    def parse(self) -> Node:
        node = self.expr()
        if self.peek() is not None:
            raise ExpressionError(f"unexpected '{self.tokens[self.index].text}'")
        return node

    def expr(self) -> Node:
        parts = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Any_(tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.not_expr()]
        while (token := self.peek()) is not None and token.kind == "and":
            self.take()
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def not_expr(self) -> Node:
        token = self.peek()
        if token is not None and token.kind == "not":
            self.take()
            return Not(self.not_expr())
        return self.atom()

    def atom(self) -> Node:
        token = self.peek()
        if token is not None and token.text == "(":
            self.take()
            node = self.expr()
            self.take("punct", ")")
            return node
        name = self.take("name").text
        following = self.peek()
        if following is None or following.kind not in ("op", "in"):
            if name in self.definitions:
                return self.definitions[name]
            raise ExpressionError(f"unknown definition '{name}'")
        if not self.is_field(name):
            raise ExpressionError(f"unknown field '{name}'")
        if following.kind == "in":
            self.take()
            self.take("punct", "(")
            values = [self.value()]
            while (token := self.peek()) is not None and token.text == ",":
                self.take()
                values.append(self.value())
            self.take("punct", ")")
            return In(name, tuple(values))
        op = self.take("op").text
        value = self.value()
        if op in ORDERING and not isinstance(value, int):
            raise ExpressionError(f"'{op}' compares integers only")
        return Compare(name, op, value)

    def value(self) -> str | int:
        token = self.take()
        if token.kind == "int":
            return int(token.text)
        if token.kind == "str":
            return token.text[1:-1]
        raise ExpressionError(f"expected a value, found '{token.text}'")


def parse(
    text: str,
    *,
    definitions: Mapping[str, Node] | None = None,
    is_field: Callable[[str], bool] = lambda name: True,
) -> Node:
    """Parse ``text``; names of definitions are replaced by their parsed conditions."""
    if not text.strip():
        raise ExpressionError("the condition is empty")
    return _Parser(text, definitions or {}, is_field).parse()


def evaluate(node: Node, answers: Answers, memo: dict[int, bool] | None = None) -> bool:
    """The condition's value for ``answers``.

    ``memo`` (for one set of answers) keeps the value of each node already seen, so a
    definition shared by many conditions is evaluated once.
    """
    if memo is not None:
        known = memo.get(id(node))
        if known is not None:
            return known
    value = _evaluate(node, answers, memo)
    if memo is not None:
        memo[id(node)] = value
    return value


def _evaluate(node: Node, answers: Answers, memo: dict[int, bool] | None) -> bool:
    if isinstance(node, All):
        return all(evaluate(part, answers, memo) for part in node.operands)
    if isinstance(node, Any_):
        return any(evaluate(part, answers, memo) for part in node.operands)
    if isinstance(node, Not):
        return not evaluate(node.operand, answers, memo)
    if node.field not in answers:
        return False
    answer = answers[node.field]
    if isinstance(node, In):
        chosen = answer if isinstance(answer, list) else [answer]
        return any(value in node.values for value in chosen)
    return _compare(answer, node.op, node.value)


def _compare(answer: Answer, op: str, value: str | int) -> bool:
    if isinstance(answer, list):
        if op == "=":
            return value in answer
        if op == "!=":
            return value not in answer
        return False
    if op == "=":
        return answer == value
    if op == "!=":
        return answer != value
    if isinstance(answer, bool) or not isinstance(answer, int) or not isinstance(value, int):
        return False
    if op == "<":
        return answer < value
    if op == "<=":
        return answer <= value
    if op == ">":
        return answer > value
    return answer >= value


def fields_of(node: Node) -> set[str]:
    """Every field a condition reads."""
    if isinstance(node, All | Any_):
        return set().union(*(fields_of(part) for part in node.operands))
    if isinstance(node, Not):
        return fields_of(node.operand)
    return {node.field}


def values_of(node: Node) -> Sequence[tuple[str, str | int]]:
    """Every (field, value) a condition compares with, to check codes exist."""
    if isinstance(node, All | Any_):
        return [pair for part in node.operands for pair in values_of(part)]
    if isinstance(node, Not):
        return values_of(node.operand)
    if isinstance(node, In):
        return [(node.field, value) for value in node.values]
    return [(node.field, node.value)]
