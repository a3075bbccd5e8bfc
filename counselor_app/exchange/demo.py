"""Synthetic calls for training vaults and benchmarks.

The distributions are invented but believable for a national listening line:
more calls on weekdays and in the day and evening than at night, a mild
seasonal pattern, a majority of domestic violence among substantive calls. Every
answer follows the form's relevance rules, so each record validates.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.forms.expression import Answer
from counselor_app.forms.relevance import is_relevant
from counselor_app.store.records import CallRecord

# Relative weights; codes not listed weigh 1.
WEIGHTS: dict[str, dict[str, float]] = {
    "call_kind": {
        "victim": 45,
        "relative": 15,
        "professional": 7,
        "witness": 2,
        "author": 1,
        "other_caller": 3,
        "silent": 12,
        "hangup": 10,
        "wrong_number": 3,
        "abusive": 1.5,
        "test": 0.5,
    },
    "channel": {"phone": 90, "chat": 8, "relay_deaf": 1, "interpreter": 1},
    "reason": {
        "domestic_violence": 70,
        "sexual_violence": 6,
        "cyber_violence": 3,
        "forced_marriage": 1,
        "fgm": 0.5,
        "work_violence": 2,
        "other_violence": 4,
        "information": 10,
        "other": 3.5,
    },
    "victim_sex": {"female": 95, "male": 3, "other": 0.5, "unknown": 1.5},
    "victim_age_band": {
        "under_18": 3,
        "18_24": 10,
        "25_34": 25,
        "35_44": 27,
        "45_54": 18,
        "55_64": 9,
        "65_plus": 5,
        "unknown": 3,
    },
    "author_relation": {
        "spouse": 25,
        "pacs_partner": 5,
        "cohabiting_partner": 20,
        "partner": 6,
        "ex_partner": 22,
        "family": 8,
        "work": 2,
        "acquaintance": 3,
        "online_contact": 1,
        "stranger": 2,
        "other": 2,
        "unknown": 4,
    },
    "author_sex": {"male": 90, "female": 6, "other": 0.5, "unknown": 3.5},
    "violence_types": {
        "psychological": 90,
        "verbal": 60,
        "physical": 45,
        "sexual": 12,
        "economic": 20,
        "administrative": 8,
        "cyber": 10,
        "other": 3,
    },
    "danger_signs": {
        "death_threats": 15,
        "strangulation": 5,
        "weapon": 4,
        "attempted_murder": 1,
        "escalation": 20,
        "recent_separation": 25,
        "none": 30,
        "unknown": 20,
    },
    "response": {
        "listening": 95,
        "rights_info": 50,
        "referral_association": 40,
        "referral_cidff": 15,
        "referral_police": 20,
        "emergency_17_112": 2,
        "shelter_115": 5,
        "medical": 6,
        "lawyer": 8,
        "child_line_119": 2,
        "online_report_platform": 2,
        "sms_114": 1,
        "other": 3,
    },
    "first_contact": {"yes": 60, "no": 35, "unknown": 5},
}
# Hours 0..23 and weekdays Monday..Sunday.
HOURS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 7, 8, 8, 6, 6, 7, 8, 8, 7, 6, 5, 5, 4, 3, 2]
WEEKDAYS = [1.15, 1.1, 1.05, 1.0, 1.0, 0.8, 0.7]
MONTHS = [0.95, 0.9, 0.95, 1.0, 1.0, 1.05, 1.15, 1.1, 1.0, 1.0, 1.1, 1.0]
NON_SUBSTANTIVE_SECONDS = (3, 90)


def _pick(rng: random.Random, field: Field) -> Answer:
    weights = WEIGHTS.get(field.code, {})
    if field.type in ("single", "yesno"):
        codes = field.codes
        return rng.choices(codes, [weights.get(c, 1.0) for c in codes])[0]
    if field.type == "integer":
        assert field.minimum is not None and field.maximum is not None
        return min(field.maximum, max(field.minimum, int(rng.expovariate(0.6))))
    if field.type == "text":
        return ""
    plain = [c for c in field.codes if c not in field.exclusive]
    exclusive = [c for c in field.codes if c in field.exclusive]
    share = sum(weights.get(c, 1.0) for c in exclusive) / sum(
        weights.get(c, 1.0) for c in field.codes
    )
    if exclusive and rng.random() < share:
        return [rng.choices(exclusive, [weights.get(c, 1.0) for c in exclusive])[0]]
    chosen = [c for c in plain if rng.random() < weights.get(c, 1.0) / 100]
    return chosen or [rng.choices(plain, [weights.get(c, 1.0) for c in plain])[0]]


def _answers(rng: random.Random, form: FormDefinition) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for field in form.fields():
        if field.type == "text" or not is_relevant(form, field, answers):
            continue
        if field.required or rng.random() < 0.75:
            answers[field.code] = _pick(rng, field)
    return answers


def _moment(rng: random.Random, end: datetime, days: int) -> datetime:
    """A start time in the ``days`` before ``end``, shaped by month, weekday and hour."""
    while True:
        day = end - timedelta(days=rng.randrange(days))
        weight = MONTHS[day.month - 1] * WEEKDAYS[day.weekday()] / (1.15 * 1.15)
        if rng.random() < weight:
            break
    hour = rng.choices(range(24), HOURS)[0]
    local = day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))
    return local.astimezone(UTC)


def synthetic_calls(
    form: FormDefinition,
    count: int,
    *,
    seed: int,
    counselors: Sequence[str],
    end: datetime | None = None,
    days: int = 365,
) -> Iterator[CallRecord]:
    """``count`` valid records, the same for the same seed and end date."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, reproducible on purpose)
    last = (end or datetime.now().astimezone()).replace(microsecond=0)
    for _ in range(count):
        answers = _answers(rng, form)
        started = _moment(rng, last, days)
        if answers["call_kind"] in form.non_substantive_kinds:
            seconds = rng.randint(*NON_SUBSTANTIVE_SECONDS)
        else:
            seconds = int(min(3 * 3600, rng.lognormvariate(math.log(900), 0.6)))
        yield CallRecord(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            form=form.form,
            form_version=form.version,
            started_at=started,
            ended_at=started + timedelta(seconds=seconds),
            counselor_id=rng.choice(counselors),
            answers=answers,
        )
