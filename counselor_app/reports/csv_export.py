"""The report's tables as CSV in long format: ``table,row,column,value``, one row a cell."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from counselor_app.reports.model import CSV_HEADER, Report


def csv_text(report: Report) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(report.long_rows())
    return buffer.getvalue()


def write_csv(report: Report, path: Path) -> None:
    """Write through a temporary file beside ``path``, so a failure leaves no half file."""
    data = csv_text(report).encode("utf-8")
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
