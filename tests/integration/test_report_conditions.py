"""Conditions counted in SQL agree with the form engine on every record."""

from __future__ import annotations

import pytest

from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.forms.expression import evaluate, parse
from counselor_app.reports.conditions import to_sql
from counselor_app.store.db import transaction
from counselor_app.store.records import RecordStore
from counselor_app.vault import Session

FORM = default_form()
CONDITIONS = [
    "substantive",
    "violence",
    "violence and victim_sex = 'female'",
    "violence and has_children = 'yes'",
    "violence_types = 'physical'",
    "violence_types != 'physical'",
    "not violence_types = 'physical'",
    "danger_signs in ('death_threats', 'strangulation', 'weapon', 'attempted_murder')",
    "children_minor_count >= 2",
    "children_minor_count < 1 or reason = 'information'",
    "call_kind != 'victim' and channel in ('chat', 'relay_deaf')",
    "reason != 'information'",
    "not reason = 'other' and call_kind = 'victim'",
]


@pytest.mark.parametrize("text", CONDITIONS)
def test_sql_counts_match_the_engine(admin_session: Session, text: str) -> None:
    store = RecordStore(admin_session.conn)
    calls = list(synthetic_calls(FORM, 400, seed=11, counselors=[admin_session.user.id]))
    with transaction(admin_session.conn):
        for record in calls:
            store.insert(record, record.ended_at)
    node = parse(text, definitions=FORM.definitions, is_field=lambda name: True)
    expected = sum(1 for record in calls if evaluate(node, record.answers))
    for columns in (False, True):
        sql, params = to_sql(node, columns=columns)
        found = admin_session.conn.execute(
            f"SELECT count(*) FROM records r WHERE {sql}", params
        ).fetchone()[0]
        assert found == expected, f"columns={columns}"
    assert 0 < expected < 400 or text in ("substantive",)
