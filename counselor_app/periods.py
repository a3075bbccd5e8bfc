"""Periods people choose in local days, as the UTC intervals records are stored in."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

# The days a report may cover: enough for any records, and far from the limits of the
# dates and times the program works with (a period and the one before it of the same
# length must both fit).
FIRST_REPORT_DAY = date(1970, 1, 1)
LAST_REPORT_DAY = date(2999, 12, 31)


def period_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """Inclusive local dates to a half-open UTC interval."""

    def local_midnight(day: date) -> datetime:
        return datetime.combine(day, time.min).astimezone().astimezone(UTC)

    return (
        None if start is None else local_midnight(start),
        None if end is None else local_midnight(end + timedelta(days=1)),
    )
