"""The report's tables as CSV in long format: ``table,row,column,value``, one row a cell."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from counselor_app.reports.files import Written, write_whole
from counselor_app.reports.model import CSV_HEADER, Report


def csv_text(report: Report) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(report.long_rows())
    return buffer.getvalue()


def write_csv(report: Report, path: Path, *, written: Written | None = None) -> None:
    """Write the CSV to ``path`` whole or not at all (see ``files.write_whole``)."""
    write_whole(path, csv_text(report).encode("utf-8"), written)
