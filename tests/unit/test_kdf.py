from __future__ import annotations

import pytest

from counselor_app.vault.kdf import MIN_MEMORY_KIB, KdfParams, calibrate, derive


class FakeClock:
    """Each derivation 'takes' a fixed time per iteration."""

    def __init__(self, seconds_per_iteration: float) -> None:
        self.now = 0.0
        self.per_iteration = seconds_per_iteration
        self.runs: list[KdfParams] = []

    def __call__(self) -> float:
        return self.now

    def run(self, params: KdfParams) -> None:
        self.runs.append(params)
        self.now += params.iterations * self.per_iteration


@pytest.mark.parametrize("per_iteration", [0.001, 0.02, 0.07, 0.29, 0.5])
def test_calibration_reaches_the_target(per_iteration: float) -> None:
    clock = FakeClock(per_iteration)
    params = calibrate(0.3, clock=clock, run=clock.run)
    assert params.iterations * per_iteration >= 0.3
    assert params.memory_kib >= MIN_MEMORY_KIB
    # The returned parameters are the ones that were measured to reach the target.
    assert clock.runs[-1] == params


def test_calibration_does_not_overshoot_wildly() -> None:
    clock = FakeClock(0.01)
    params = calibrate(0.3, clock=clock, run=clock.run)
    assert params.iterations <= 40


def test_a_single_lucky_run_does_not_decide() -> None:
    """The first run at a count is slow by chance; the two that confirm it are not."""

    class NoisyClock(FakeClock):
        def run(self, params: KdfParams) -> None:
            super().run(params)
            if len(self.runs) == 1:
                self.now += 1.0  # one freak slow run at the very start

    clock = NoisyClock(0.02)
    params = calibrate(0.3, clock=clock, run=clock.run)
    assert params.iterations * 0.02 >= 0.3
    assert len(clock.runs) > 3


def test_passwords_are_compared_in_nfc() -> None:
    params = KdfParams(iterations=1)
    salt = b"s" * 16
    assert derive("Chlo\u00e9 mot de passe", salt, params) == derive(
        "Chloe\u0301 mot de passe", salt, params
    )
    assert derive("a", salt, params) != derive("b", salt, params)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"name": "pbkdf2", "iterations": 3, "lanes": 4, "memory_kib": 65536},
        {"name": "argon2id", "iterations": 0, "lanes": 4, "memory_kib": 65536},
        {"name": "argon2id", "iterations": 3, "lanes": 4, "memory_kib": 1024},
        {"name": "argon2id", "iterations": True, "lanes": 4, "memory_kib": 65536},
        {"name": "argon2id", "iterations": "3", "lanes": 4, "memory_kib": 65536},
    ],
)
def test_weak_or_malformed_parameters_are_refused(data: object) -> None:
    with pytest.raises(ValueError, match="key derivation"):
        KdfParams.from_json(data)


def test_parameters_round_trip() -> None:
    params = KdfParams(iterations=7, lanes=2, memory_kib=131072)
    assert KdfParams.from_json(params.to_json()) == params
