"""One timed yearly report in this process; prints its figures as JSON on the last line.

python -m benchmarks.report_run VAULT_DIR OUT_DIR
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from benchmarks.report import PASSWORD, USER, YEAR
from counselor_app.config import Settings
from counselor_app.reports.model import ReportRequest
from counselor_app.reports.service import report_for, save_report
from counselor_app.vault import open_vault


def main(argv: list[str]) -> int:
    vault, out = Path(argv[0]), Path(argv[1])
    with open_vault(vault, USER, PASSWORD, Settings()) as session:
        began = time.perf_counter()
        report = report_for(session, ReportRequest(*YEAR))
        counted = time.perf_counter()
        save_report(report, pdf=out / "report.pdf", csv=out / "tables.csv", language="fr")
        ended = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    calls = report.table("overview").text("calls", "value")
    figures = {
        "seconds": ended - began,
        "counting": counted - began,
        "peak_mb": peak_kb / 1024,
        "calls": float(calls),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
