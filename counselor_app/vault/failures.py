"""Failed logins, kept beside the vault in ``login-failures.json`` until they reach the audit trail.

A wrong password cannot write into the encrypted vault, so each failure is noted in
this small file of the data folder (written atomically, readable by its owner only),
and the next successful login writes the failures into the audit trail (see
``counselor_app.logins``). The file holds, for each user name that has a key slot
(in the normalised form the key-slot file is searched with; those names are in
clear in ``keyslots.json`` already), the number of consecutive failures, the time
of the last one and the times not yet in the audit trail. Failures under a name
that has no slot are kept without the name, which may be a password typed in the
wrong field. Never a password.

A damaged file never blocks a login: it is logged, and replaced by an empty one.
"""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from counselor_app.vault.atomic import write_atomically

log = logging.getLogger(__name__)

FILE_FORMAT = "counselor-app-login-failures"
FILE_VERSION = 1
FREE_FAILURES = 2  # failures in a row that cost no wait
FIRST_DELAY_S = 2  # then 2, 4, 8 … seconds
MAX_DELAY_S = 300
MAX_KEPT = 1000  # times kept under one name; beyond, failures are only counted


@dataclass
class Tally:
    """The failures under one name, or under names that have no key slot."""

    count: int = 0  # consecutive failures
    last: datetime | None = None
    unrecorded: list[datetime] = field(default_factory=list)  # not yet in the audit trail
    untimed: int = 0  # not yet in the audit trail, times dropped beyond MAX_KEPT

    def add(self, moment: datetime) -> None:
        self.count += 1
        self.last = moment
        self.unrecorded.append(moment)
        if len(self.unrecorded) > MAX_KEPT:
            del self.unrecorded[0]
            self.untimed += 1


@dataclass
class FailureFile:
    names: dict[str, Tally] = field(default_factory=dict)
    unknown: Tally = field(default_factory=Tally)


def delay_for(count: int) -> int:
    """Seconds to wait after ``count`` consecutive failures: 0, 0, then 2, 4, 8 … up to 300."""
    if count <= FREE_FAILURES:
        return 0
    doublings = min(count - FREE_FAILURES - 1, 16)
    return min(MAX_DELAY_S, FIRST_DELAY_S * (1 << doublings))


def seconds_left(tally: Tally, now: datetime) -> int:
    """Whole seconds (rounded up) before the next try; 0 when it may go ahead.

    A last failure dated after ``now`` (the clock was set back) does not hold anyone up.
    """
    if tally.last is None:
        return 0
    elapsed = (now - tally.last).total_seconds()
    wait = delay_for(tally.count)
    if elapsed < 0 or elapsed >= wait:
        return 0
    return math.ceil(wait - elapsed)


def utc(moment: datetime) -> datetime:
    """In UTC, as the file writes times (the audit trail keeps them to the second)."""
    return moment.astimezone(UTC)


def _time(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("a time is not text")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("a time without its offset")
    return moment.astimezone(UTC)


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("a count is not a number")
    return value


def _tally(data: object) -> Tally:
    if not isinstance(data, dict):
        raise ValueError("an entry is not an object")
    times = data.get("unrecorded", [])
    if not isinstance(times, list):
        raise ValueError("the times are not a list")
    last = data.get("last")
    return Tally(
        count=_count(data.get("count", 0)),
        last=None if last is None else _time(last),
        unrecorded=[_time(t) for t in times][-MAX_KEPT:],
        untimed=_count(data.get("untimed", 0)),
    )


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "count": tally.count,
        "last": None if tally.last is None else tally.last.isoformat(),
        "unrecorded": [t.isoformat() for t in tally.unrecorded],
        "untimed": tally.untimed,
    }


def _parse(raw: bytes) -> FailureFile:
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise ValueError("not a file of failed logins")
    if data.get("version") != FILE_VERSION:
        raise ValueError(f"unknown version {data.get('version')!r}")
    names = data.get("names")
    if not isinstance(names, dict):
        raise ValueError("the names are missing")
    return FailureFile(
        names={str(key): _tally(value) for key, value in names.items()},
        unknown=_tally(data.get("unknown", {})),
    )


def load(path: Path) -> FailureFile:
    """The failures noted so far; a missing file is an empty one, a damaged one is reset."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return FailureFile()
    except OSError as exc:
        log.warning("The file of failed logins %s cannot be read (%s).", path, exc.strerror)
        return FailureFile()
    try:
        return _parse(raw)
    except (UnicodeDecodeError, ValueError, TypeError) as exc:
        reason = "it is not valid JSON" if isinstance(exc, json.JSONDecodeError) else str(exc)
        log.warning("The file of failed logins %s was damaged (%s); it was reset.", path, reason)
    try:
        save(path, FailureFile())
    except OSError as exc:
        log.warning("The file of failed logins %s cannot be written (%s).", path, exc.strerror)
    return FailureFile()


def save(path: Path, failures: FailureFile) -> None:
    data = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "names": {key: _tally_json(t) for key, t in sorted(failures.names.items())},
        "unknown": _tally_json(failures.unknown),
    }
    write_atomically(path, json.dumps(data, indent=2).encode("utf-8") + b"\n")


def note(path: Path, key: str | None, moment: datetime) -> None:
    """Add a failure under the name ``key`` (normalised), or under no name."""
    failures = load(path)
    tally = failures.unknown if key is None else failures.names.setdefault(key, Tally())
    tally.add(utc(moment))
    save(path, failures)


def _without(tally: Tally, recorded: Tally) -> Tally:
    """``tally`` less what ``recorded`` (an earlier reading of it) held."""
    done = Counter(recorded.unrecorded)
    kept: list[datetime] = []
    for moment in tally.unrecorded:
        if done[moment] > 0:
            done[moment] -= 1
        else:
            kept.append(moment)
    untimed = max(0, tally.untimed - recorded.untimed)
    return Tally(tally.count, tally.last, kept, untimed)


def settle(path: Path, recorded: FailureFile, *, reset: str) -> None:
    """Once ``recorded`` is in the audit trail: drop it from the file, and start the count
    of the name ``reset`` (who just logged in) and of the nameless failures again.

    The file is read again first, so that a failure noted meanwhile (by another copy of
    the program) stays for the next login.
    """
    if not path.exists():
        return
    current = load(path)
    names: dict[str, Tally] = {}
    for key, tally in current.names.items():
        left = _without(tally, recorded.names.get(key, Tally()))
        if key == reset:
            left = Tally(0, None, left.unrecorded, left.untimed)
        if left.count or left.unrecorded or left.untimed:
            names[key] = left
    unknown = _without(current.unknown, recorded.unknown)
    save(path, FailureFile(names, Tally(0, None, unknown.unrecorded, unknown.untimed)))
