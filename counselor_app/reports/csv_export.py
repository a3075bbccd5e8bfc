"""The report's tables as CSV in long format: ``table,row,column,value``, one row a cell.

A report limited to one workstation says so first, on a line of the table ``filter``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from counselor_app.reports.files import Written, write_whole
from counselor_app.reports.model import CSV_HEADER, FILTER_TABLE, Report


def filter_rows(report: Report) -> list[tuple[str, str, str, str]]:
    """The lines saying which workstation the report is limited to, if it is:
    ``filter,workstation,value,<id>``, before the tables."""
    workstation = report.request.workstation
    return [] if workstation is None else [(FILTER_TABLE, "workstation", "value", workstation)]


def csv_text(report: Report) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(filter_rows(report))
    writer.writerows(report.long_rows())
    return buffer.getvalue()


def write_csv(report: Report, path: Path, *, written: Written | None = None) -> None:
    """Write the CSV to ``path`` whole or not at all (see ``files.write_whole``)."""
    write_whole(path, csv_text(report).encode("utf-8"), written)
