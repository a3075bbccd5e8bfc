"""Hypothesis strategies for answers to a form definition."""

from __future__ import annotations

from hypothesis import strategies as st

from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.forms.expression import Answer
from counselor_app.forms.relevance import is_relevant


def value_for(field: Field) -> st.SearchStrategy[Answer]:
    """A valid value for one field."""
    if field.type in ("single", "yesno"):
        return st.sampled_from(field.codes)
    if field.type == "multiple":
        plain = [c for c in field.codes if c not in field.exclusive]
        lists: st.SearchStrategy[list[str]] = st.lists(
            st.sampled_from(plain), min_size=max(1, field.min_selected), unique=True
        )
        if field.exclusive:
            lists = lists | st.sampled_from(sorted(field.exclusive)).map(lambda c: [c])
        return lists
    if field.type == "integer":
        assert field.minimum is not None and field.maximum is not None
        return st.integers(field.minimum, field.maximum)
    assert field.max_length is not None
    return st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"),
        max_size=min(field.max_length, 200),
    )


@st.composite
def valid_answers(draw: st.DrawFn, form: FormDefinition) -> dict[str, Answer]:
    """Answers that follow the form: fields in order, each relevant one maybe answered."""
    answers: dict[str, Answer] = {}
    for field in form.fields():
        if not is_relevant(form, field, answers):
            continue
        if field.required or draw(st.booleans()):
            answers[field.code] = draw(value_for(field))
    return answers
