"""The starts of the hours of local time, whatever the time zone and the year.

An hour of local time starts where the local clock reads a whole hour. Today's
offsets from UTC are whole quarter hours, but local mean time (France until 1911,
for one) was any number of seconds: the starts are worked out from the offset in
force at each moment, not looked for on a grid of UTC.
"""

from __future__ import annotations

import time

HOUR_S = 3600
_BACK_S = 3 * HOUR_S  # an hour of local time starts in the 3 hours before any moment
_CHANGES = 8  # changes of offset passed while looking for one start (real zones: 1 at most)


def _offset(moment: int) -> int:
    """Seconds from UTC of local time at ``moment`` (epoch seconds)."""
    return time.localtime(moment).tm_gmtoff


def _change(before: int, after: int, offset: int) -> int:
    """The first moment in (before, after] whose offset is not ``offset`` (``before``'s)."""
    while after - before > 1:
        middle = (before + after) // 2
        if _offset(middle) == offset:
            before = middle
        else:
            after = middle
    return after


def next_start(moment: int) -> int:
    """The first start of an hour of local time at or after ``moment``.

    Under one offset the starts are a whole hour of local time apart; where the
    offset changes before the start found, the look goes on from the change.
    """
    start = moment
    for _ in range(_CHANGES):
        offset = _offset(moment)
        start = moment + -(moment + offset) % HOUR_S
        if _offset(start) == offset:
            return start
        moment = _change(moment, start, offset)
    return start


def hour_starts(low: int, high: int) -> list[int]:
    """The starts of the hours of local time that meet [low, high), as epoch seconds.

    The first is the start of the hour holding ``low`` (``low`` itself if none is
    found in the hours before it); each later one is the next start of an hour.
    """
    first = next_start(low - _BACK_S)
    if first > low:
        first = low
    else:
        while (following := next_start(first + 1)) <= low:
            first = following
    starts: list[int] = []
    moment = first
    while moment < high:
        starts.append(moment)
        moment = next_start(moment + 1)
    return starts
