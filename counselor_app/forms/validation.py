"""Checking a record's answers against its form definition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.forms.expression import Answer, Answers
from counselor_app.forms.relevance import relevance


@dataclass(frozen=True)
class Issue:
    """One problem with one field (or ``ended_at``, or ``answers`` as a whole)."""

    field: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def _check_value(field: Field, value: Answer) -> Issue | None:
    def issue(code: str, message: str) -> Issue:
        return Issue(field.code, code, message)

    if field.type in ("single", "yesno"):
        if not isinstance(value, str):
            return issue("type", "expected one code as text")
        if value not in field.code_set:
            return issue("code", f"'{value}' is not one of its codes")
        return None
    if field.type == "multiple":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return issue("type", "expected a list of codes")
        unknown = [v for v in value if v not in field.code_set]
        if unknown:
            return issue("code", f"'{unknown[0]}' is not one of its codes")
        if len(set(value)) != len(value):
            return issue("duplicate", "a code is chosen twice")
        if not value or len(value) < field.min_selected:
            return issue("empty", f"choose at least {max(1, field.min_selected)}")
        exclusive = field.exclusive.intersection(value)
        if exclusive and len(value) > 1:
            return issue(
                "exclusive", f"'{sorted(exclusive)[0]}' cannot be combined with other codes"
            )
        return None
    if field.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return issue("type", "expected a whole number")
        assert field.minimum is not None and field.maximum is not None
        if not field.minimum <= value <= field.maximum:
            return issue("range", f"expected a number from {field.minimum} to {field.maximum}")
        return None
    if not isinstance(value, str):
        return issue("type", "expected text")
    assert field.max_length is not None
    if len(value) > field.max_length:
        return issue("length", f"longer than {field.max_length} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value) or "\x7f" in value:
        return issue("characters", "holds control characters")
    return None


def validate_answers(form: FormDefinition, answers: Answers) -> list[Issue]:
    """Every problem with ``answers``, in form order; an empty list means valid."""
    issues: list[Issue] = []
    order = {code: index for index, code in enumerate(form.field_codes)}
    for code in sorted(answers, key=lambda c: order.get(c, len(order))):
        if code not in order:
            issues.append(Issue(code, "unknown", "not a field of this form"))
    shown = relevance(form, answers)
    for field in form.fields():
        relevant = shown[field.code]
        if field.code in answers:
            if not relevant:
                issues.append(Issue(field.code, "not_relevant", "answered but not relevant"))
                continue
            problem = _check_value(field, answers[field.code])
            if problem is not None:
                issues.append(problem)
        elif relevant and field.required:
            issues.append(Issue(field.code, "required", "required"))
    return issues


def validate_times(started_at: datetime, ended_at: datetime) -> list[Issue]:
    if started_at.tzinfo is None or ended_at.tzinfo is None:
        return [Issue("started_at", "timezone", "times must carry a time zone")]
    if ended_at < started_at:
        return [Issue("ended_at", "order", "ended_at is before started_at")]
    return []
