"""Which fields are shown, which answers are kept, which prompts apply."""

from __future__ import annotations

from counselor_app.forms.definition import Field, FormDefinition, Prompt
from counselor_app.forms.expression import Answer, Answers, evaluate


def is_relevant(
    form: FormDefinition, field: Field, answers: Answers, memo: dict[int, bool] | None = None
) -> bool:
    section = form.section_by_code[field.section]
    if section.relevant is not None and not evaluate(section.relevant, answers, memo):
        return False
    return field.relevant is None or evaluate(field.relevant, answers, memo)


def relevance(form: FormDefinition, answers: Answers) -> dict[str, bool]:
    """Field code -> relevant, each shared condition evaluated once."""
    memo: dict[int, bool] = {}
    return {f.code: is_relevant(form, f, answers, memo) for f in form.fields()}


def relevant_fields(form: FormDefinition, answers: Answers) -> list[Field]:
    shown = relevance(form, answers)
    return [f for f in form.fields() if shown[f.code]]


def prune(form: FormDefinition, answers: Answers) -> dict[str, Answer]:
    """Drop answers to fields that are no longer relevant, until nothing changes.

    An answer hidden by a later change (e.g. ``children_abused`` after
    ``has_children`` became ``no``) is not stored.
    """
    kept = dict(answers)
    while True:
        shown = relevance(form, kept)
        dropped = [code for code in kept if code in shown and not shown[code]]
        if not dropped:
            return kept
        for code in dropped:
            del kept[code]


def active_prompts(form: FormDefinition, answers: Answers) -> list[Prompt]:
    return [p for p in form.prompts if evaluate(p.when, answers)]
