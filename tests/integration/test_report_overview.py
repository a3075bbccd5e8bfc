"""The overview agrees with figures computed record by record."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.reports.counting import Scope
from counselor_app.reports.overview import overview
from counselor_app.store.db import transaction
from counselor_app.store.records import RecordStore
from counselor_app.vault import Session

FORM = default_form()
END = datetime(2025, 12, 31, tzinfo=UTC)


def test_overview(admin_session: Session) -> None:
    calls = list(synthetic_calls(FORM, 600, seed=4, counselors=[admin_session.user.id], end=END))
    store = RecordStore(admin_session.conn)
    with transaction(admin_session.conn):
        for record in calls:
            store.insert(record, END)
    start = END - timedelta(days=90)
    result = overview(admin_session.conn, FORM, Scope(start=start, end=END))
    inside = [r for r in calls if start <= r.started_at < END]
    before = [r for r in calls if start - timedelta(days=90) <= r.started_at < start]
    substantive = [r for r in inside if r.answers["call_kind"] not in FORM.non_substantive_kinds]
    durations = sorted(r.duration_s for r in substantive)
    assert result.calls == len(inside)
    assert result.substantive == len(substantive)
    assert sum(result.non_substantive.values()) == len(inside) - len(substantive)
    assert result.median_duration_s == durations[math.ceil(0.5 * len(durations)) - 1]
    assert result.p90_duration_s == durations[math.ceil(0.9 * len(durations)) - 1]
    assert result.listening_hours == round(sum(durations) / 3600, 1)
    firsts = [r.answers.get("first_contact") for r in substantive]
    yes, no = firsts.count("yes"), firsts.count("no")
    assert result.first_contact_share == round(100 * yes / (yes + no), 1)
    assert result.previous_calls == len(before)
    assert result.change_percent == round(100 * (len(inside) - len(before)) / len(before), 1)


def test_an_empty_period(admin_session: Session) -> None:
    result = overview(admin_session.conn, FORM, Scope(start=END - timedelta(days=7), end=END))
    assert (result.calls, result.substantive, result.median_duration_s) == (0, 0, None)
    assert result.change_percent is None and result.first_contact_share is None
