"""The starts of local hours, in zones and years whose offset is not a quarter hour."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import pairwise
from types import FrameType

import pytest

from counselor_app.reports.hours import hour_starts, next_start

DEADLINE_S = 20


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


class TooSlow(Exception):
    pass


@pytest.fixture(autouse=True)
def deadline() -> Iterator[None]:
    """A look for hour starts that never ends fails the test instead of hanging it."""

    def stop(_signal: int, _frame: FrameType | None) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(DEADLINE_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def local(year: int, month: int, day: int, hour: int = 0) -> int:
    return int(datetime(year, month, day, hour).astimezone().timestamp())


def on_the_hour(moment: int) -> bool:
    shown = datetime.fromtimestamp(moment)
    return shown.minute == 0 and shown.second == 0


def test_paris_in_1905_kept_its_mean_time(zone: Callable[[str], None]) -> None:
    zone("Europe/Paris")
    low, high = local(1905, 6, 1), local(1905, 6, 4)
    assert time.localtime(low).tm_gmtoff == 561  # 0:09:21, not a quarter hour
    starts = hour_starts(low, high)
    assert starts[0] == low
    assert len(starts) == 72
    assert all(on_the_hour(t) for t in starts)
    assert {b - a for a, b in pairwise(starts)} == {3600}
    # From inside an hour, the first start is that hour's.
    assert hour_starts(low + 1234, high)[0] == low


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Europe/Paris", (1911, 3, 10)),  # 0:09:21 to 0:00, the clocks went back 9 min 21 s
        ("Australia/Lord_Howe", (2025, 4, 5)),  # half an hour back
        ("Europe/Paris", (2026, 10, 24)),  # an hour back: 2:00 twice
        ("America/St_Johns", (2026, 3, 7)),
    ],
)
def test_every_start_is_found_across_a_change_of_offset(
    zone: Callable[[str], None], name: str, day: tuple[int, int, int]
) -> None:
    zone(name)
    low = local(*day, 12)
    high = low + 36 * 3600
    expected = [t for t in range(low, high) if on_the_hour(t)]
    assert hour_starts(low, high) == expected
    assert next_start(low + 1) == expected[1]
