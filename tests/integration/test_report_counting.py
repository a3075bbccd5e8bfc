"""Counts by field and code agree with a count made record by record."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.forms.relevance import is_relevant
from counselor_app.reports.counting import NO_ANSWER, Scope, field_counts
from counselor_app.store.db import transaction
from counselor_app.store.records import CallRecord, RecordStore
from counselor_app.vault import Session

FORM = default_form()
END = datetime(2025, 12, 31, tzinfo=UTC)


@pytest.fixture
def calls(admin_session: Session) -> list[CallRecord]:
    made = list(synthetic_calls(FORM, 500, seed=21, counselors=[admin_session.user.id], end=END))
    store = RecordStore(admin_session.conn)
    with transaction(admin_session.conn):
        for record in made:
            store.insert(record, END)
    return made


@pytest.mark.parametrize(
    "code", ["call_kind", "reason", "violence_types", "victim_pregnant", "children_minor_count"]
)
def test_field_counts(admin_session: Session, calls: list[CallRecord], code: str) -> None:
    start = END - timedelta(days=120)
    scope = Scope(start=start, end=END, channel="phone")
    chosen = [
        r for r in calls if start <= r.started_at < END and r.answers.get("channel") == "phone"
    ]
    field = FORM.field(code)
    assert field is not None
    relevant = [r for r in chosen if is_relevant(FORM, field, r.answers)]
    expected: Counter[str] = Counter()
    for record in relevant:
        value = record.answers.get(code)
        if isinstance(value, list):
            expected.update(value)
        elif value is None:
            expected[NO_ANSWER] += 1
        else:
            expected[str(value)] += 1
    found = field_counts(admin_session.conn, FORM, code, scope)
    assert found.base == len(relevant)
    assert {k: v for k, v in found.counts.items() if v} == {k: v for k, v in expected.items() if v}
