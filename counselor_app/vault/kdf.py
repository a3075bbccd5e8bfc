"""Password stretching with Argon2id, calibrated on this machine.

The parameters are stored in each key slot, so a slot made on a fast machine
still opens on a slow one; only new slots use the freshly calibrated values.
"""

from __future__ import annotations

import math
import statistics
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 10_000
TARGET_SECONDS = 0.3
MARGIN = 1.15  # aim above the target: later runs vary by a few percent
KEY_LENGTH = 32


@dataclass(frozen=True)
class KdfParams:
    iterations: int
    lanes: int = 4
    memory_kib: int = MIN_MEMORY_KIB

    def to_json(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "iterations": self.iterations,
            "lanes": self.lanes,
            "memory_kib": self.memory_kib,
        }

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        """Read stored parameters, refusing values that are unsafe or absurd."""
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise ValueError("unknown key derivation")
        values = [data.get(name) for name in ("iterations", "lanes", "memory_kib")]
        numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        if len(numbers) != len(values):
            raise ValueError("key derivation parameters are not integers")
        iterations, lanes, memory = numbers
        if not 1 <= iterations <= MAX_ITERATIONS or not 1 <= lanes <= 255:
            raise ValueError("key derivation parameters out of range")
        if not MIN_MEMORY_KIB <= memory <= MAX_MEMORY_KIB:
            raise ValueError("key derivation memory out of range")
        return cls(iterations=iterations, lanes=lanes, memory_kib=memory)


def derive(password: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    # NFC: the same password typed with composed or decomposed accents gives the same key.
    return kdf.derive(unicodedata.normalize("NFC", password).encode("utf-8"))


def calibrate(
    target_seconds: float = TARGET_SECONDS,
    *,
    clock: Callable[[], float] = time.perf_counter,
    run: Callable[[KdfParams], None] | None = None,
) -> KdfParams:
    """Return the cheapest parameters (at 64 MiB) whose derivation takes ``target_seconds``.

    The iteration count grows until a derivation takes the target plus a margin,
    confirmed by the median of three runs.
    """

    def run_once(params: KdfParams) -> None:
        derive("calibration", b"\0" * 16, params)

    measure = run or run_once

    def seconds(params: KdfParams) -> float:
        start = clock()
        measure(params)
        return clock() - start

    params = KdfParams(iterations=1)
    while True:
        elapsed = seconds(params)
        if elapsed >= target_seconds * MARGIN:
            # Confirm on the median of three runs, so a lucky fast run does not decide.
            elapsed = statistics.median([elapsed, seconds(params), seconds(params)])
        if elapsed >= target_seconds * MARGIN or params.iterations >= MAX_ITERATIONS:
            return params
        per_iteration = max(elapsed, 1e-4) / params.iterations
        wanted = math.ceil(target_seconds * MARGIN / per_iteration)
        params = KdfParams(iterations=min(MAX_ITERATIONS, max(params.iterations + 1, wanted)))


_calibrated: KdfParams | None = None


def default_params() -> KdfParams:
    """Calibrated parameters for new key slots, measured once per process."""
    global _calibrated
    if _calibrated is None:
        _calibrated = calibrate()
    return _calibrated


def set_default_params(params: KdfParams | None) -> None:
    """Fix the parameters for new slots (a test suite uses the cheapest allowed ones)."""
    global _calibrated
    _calibrated = params
