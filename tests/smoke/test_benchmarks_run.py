"""The benchmark runs end to end on a few calls and prints its figures (no timing asserted)."""

from __future__ import annotations

import pytest

from benchmarks import records as bench


@pytest.mark.slow
def test_the_records_benchmark_prints_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--calls", "300", "--saves", "5"]) == 0
    out = capsys.readouterr().out
    for name in ("import", "save one call (median)", "list filtered to a month, first page"):
        line = next(text for text in out.splitlines() if text.startswith(name))
        assert "vault" in line and "naive" in line and "ratio" in line
