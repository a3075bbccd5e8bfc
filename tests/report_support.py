"""Report counts worked out call by call, for tests to compare or to build reports from."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime, timedelta

from counselor_app.forms.catalogue import default_form
from counselor_app.forms.expression import Answer, evaluate
from counselor_app.forms.relevance import is_relevant
from counselor_app.reports.counting import Scope
from counselor_app.reports.facts import Facts
from counselor_app.store.records import CallRecord, to_epoch

FORM = default_form()


def a_call(answers: dict[str, Answer], started_at: datetime, seconds: int = 600) -> CallRecord:
    return CallRecord(
        id=str(uuid.uuid4()),
        form="vff",
        form_version=1,
        started_at=started_at,
        ended_at=started_at + timedelta(seconds=seconds),
        counselor_id="c",
        answers=answers,
    )


def facts_of(calls: list[CallRecord], scope: Scope, deleted: int = 0) -> Facts:
    def within(record: CallRecord, start: datetime, end: datetime) -> bool:
        return start <= record.started_at < end

    assert scope.start is not None and scope.end is not None
    period = [r for r in calls if within(r, scope.start, scope.end)]
    chosen = [r for r in period if scope.channel in (None, r.answers.get("channel"))]
    length = scope.end - scope.start
    previous = [
        r
        for r in calls
        if within(r, scope.start - length, scope.start)
        and scope.channel in (None, r.answers.get("channel"))
    ]
    codes: Counter[tuple[str, str]] = Counter()
    bases: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    durations: Counter[int] = Counter()
    hours: Counter[int] = Counter()
    for record in chosen:
        for field in FORM.fields():
            if field.type == "text":
                continue
            if is_relevant(FORM, field, record.answers):
                bases[field.code] += 1
            value = record.answers.get(field.code)
            for code in value if isinstance(value, list) else [] if value is None else [value]:
                codes[(field.code, str(code))] += 1
        relation = record.answers.get("author_relation")
        kinds = record.answers.get("violence_types")
        if isinstance(kinds, list) and relation is not None:
            pairs.update((kind, str(relation)) for kind in kinds)
        if evaluate(FORM.definitions["substantive"], record.answers):
            durations[record.duration_s] += 1
        local = record.started_at.astimezone().replace(minute=0, second=0, microsecond=0)
        hours[to_epoch(local)] += 1
    return Facts(
        calls=len(chosen),
        previous_calls=len(previous),
        codes=dict(codes),
        bases={f.code: bases[f.code] for f in FORM.fields() if f.type != "text"},
        hours=dict(hours),
        durations=dict(durations),
        pairs=dict(pairs),
        forms={("vff", 1): len(chosen)} if chosen else {},
        in_period=len(period),
        deleted=deleted,
    )
