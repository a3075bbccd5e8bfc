from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counselor_app.forms.catalogue import default_form
from counselor_app.forms.expression import Answer
from counselor_app.forms.relevance import active_prompts, is_relevant, prune, relevant_fields
from counselor_app.forms.validation import validate_answers, validate_times
from tests.strategies import valid_answers, value_for

FORM = default_form()

VICTIM_CALL: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological", "physical"],
    "response": ["listening"],
}


def issues(answers: dict[str, Answer]) -> list[tuple[str, str]]:
    return [(i.field, i.code) for i in validate_answers(FORM, answers)]


def test_a_full_victim_call_is_valid() -> None:
    assert issues(VICTIM_CALL) == []


def test_a_silent_call_needs_only_kind_and_channel() -> None:
    assert issues({"call_kind": "silent", "channel": "phone"}) == []
    assert issues({"call_kind": "silent"}) == [("channel", "required")]
    assert issues({"call_kind": "silent", "channel": "chat", "reason": "other"}) == [
        ("reason", "not_relevant")
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"reason": "holiday"}, ("reason", "code")),
        ({"violence_types": "physical"}, ("violence_types", "type")),
        ({"violence_types": []}, ("violence_types", "empty")),
        ({"violence_types": ["physical", "physical"]}, ("violence_types", "duplicate")),
        ({"danger_signs": ["none", "weapon"]}, ("danger_signs", "exclusive")),
        ({"danger_signs": ["unknown", "none"]}, ("danger_signs", "exclusive")),
        ({"has_children": "yes", "children_minor_count": 16}, ("children_minor_count", "range")),
        ({"has_children": "yes", "children_minor_count": -1}, ("children_minor_count", "range")),
        ({"has_children": "yes", "children_minor_count": True}, ("children_minor_count", "type")),
        ({"has_children": "yes", "children_minor_count": "2"}, ("children_minor_count", "type")),
        ({"children_minor_count": 2}, ("children_minor_count", "not_relevant")),
        ({"has_children": "no", "children_abused": "yes"}, ("children_abused", "not_relevant")),
        ({"victim_sex": "male", "victim_pregnant": "no"}, ("victim_pregnant", "not_relevant")),
        ({"wants_to_leave": "yes"}, ("wants_to_leave", "not_relevant")),
        ({"note": "x" * 2001}, ("note", "length")),
        ({"note": "bell\x07"}, ("note", "characters")),
        ({"first_contact": "maybe"}, ("first_contact", "code")),
        ({"shoe_size": 38}, ("shoe_size", "unknown")),
    ],
)
def test_each_rule(change: dict[str, Answer], expected: tuple[str, str]) -> None:
    assert issues({**VICTIM_CALL, **change}) == [expected]


def test_required_only_when_relevant() -> None:
    information: dict[str, Answer] = {
        "call_kind": "relative",
        "channel": "phone",
        "reason": "information",
        "response": ["rights_info"],
    }
    assert issues(information) == []
    missing = {k: v for k, v in VICTIM_CALL.items() if k != "author_relation"}
    assert issues(missing) == [("author_relation", "required")]


def test_accents_emoji_and_right_to_left_notes_are_text() -> None:
    assert issues({**VICTIM_CALL, "note": "Très inquiète 😟 — مرحبا\nligne 2\tfin"}) == []


def test_times() -> None:
    start = datetime(2025, 3, 4, 21, 13, tzinfo=UTC)
    assert validate_times(start, start) == []
    assert validate_times(start, start + timedelta(minutes=5)) == []
    assert [i.code for i in validate_times(start, start - timedelta(seconds=1))] == ["order"]
    assert [i.code for i in validate_times(start.replace(tzinfo=None), start)] == ["timezone"]


def test_prompts() -> None:
    assert active_prompts(FORM, VICTIM_CALL) == []
    minor = {**VICTIM_CALL, "victim_age_band": "under_18"}
    assert [p.code for p in active_prompts(FORM, minor)] == ["child_line_119"]
    abused = {**VICTIM_CALL, "has_children": "yes", "children_abused": "yes"}
    assert [p.code for p in active_prompts(FORM, abused)] == ["child_line_119"]
    for sign in ("death_threats", "strangulation", "weapon", "attempted_murder"):
        danger = {**VICTIM_CALL, "danger_signs": ["escalation", sign]}
        assert [p.code for p in active_prompts(FORM, danger)] == ["danger_protocol"]
    calm = {**VICTIM_CALL, "danger_signs": ["escalation", "recent_separation"]}
    assert active_prompts(FORM, calm) == []


def test_prune_drops_what_a_later_answer_hid() -> None:
    answers = {
        **VICTIM_CALL,
        "has_children": "yes",
        "children_abused": "yes",
        "children_minor_count": 2,
    }
    answers["has_children"] = "no"
    kept = prune(FORM, answers)
    assert "children_abused" not in kept and "children_minor_count" not in kept
    # Changing the call to information drops the whole victim part, in cascade.
    kept = prune(FORM, {**answers, "reason": "information"})
    assert set(kept) == {"call_kind", "channel", "reason", "response"}


@settings(max_examples=300)
@given(valid_answers(FORM))
def test_generated_answers_are_valid(answers: dict[str, Answer]) -> None:
    assert validate_answers(FORM, answers) == []
    assert prune(FORM, answers) == answers


@settings(max_examples=200)
@given(answers=valid_answers(FORM), data=st.data())
def test_an_answer_to_a_hidden_field_is_refused(
    answers: dict[str, Answer], data: st.DataObject
) -> None:
    hidden = [f for f in FORM.fields() if not is_relevant(FORM, f, answers)]
    if not hidden:
        return
    field = data.draw(st.sampled_from(hidden))
    polluted = {**answers, field.code: data.draw(value_for(field))}
    found = validate_answers(FORM, polluted)
    assert (field.code, "not_relevant") in [(i.field, i.code) for i in found]
    # Pruning restores a valid record (the hidden answer may also hide nothing else).
    assert validate_answers(FORM, prune(FORM, polluted)) == []


@settings(max_examples=200)
@given(answers=valid_answers(FORM), data=st.data())
def test_dropping_a_required_answer_is_refused(
    answers: dict[str, Answer], data: st.DataObject
) -> None:
    required = [
        f.code for f in relevant_fields(FORM, answers) if f.required and f.code != "call_kind"
    ]
    code = data.draw(st.sampled_from(required))
    reduced = prune(FORM, {k: v for k, v in answers.items() if k != code})
    if code in {f.code for f in relevant_fields(FORM, reduced)}:
        assert (code, "required") in [(i.field, i.code) for i in validate_answers(FORM, reduced)]


@settings(max_examples=200)
@given(answers=valid_answers(FORM), data=st.data())
def test_a_bad_code_is_refused(answers: dict[str, Answer], data: st.DataObject) -> None:
    choices = [
        f
        for f in relevant_fields(FORM, answers)
        if f.type in ("single", "yesno") and f.code in answers
    ]
    if not choices:
        return
    field = data.draw(st.sampled_from(choices))
    bad = data.draw(st.text(min_size=1, max_size=8).filter(lambda t: t not in field.codes))
    found = validate_answers(FORM, {**answers, field.code: bad})
    assert (field.code, "code") in [(i.field, i.code) for i in found]
