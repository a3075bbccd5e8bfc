"""The supervisor's statistics report as a PDF: A4, French or English, fonts embedded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counselor_app.reports.files import Written, write_whole
from counselor_app.reports.model import Report
from counselor_app.reports.pdf.document import render, section_entries
from counselor_app.reports.wording import LANGUAGES

__all__ = ["write_pdf"]


def write_pdf(
    report: Report,
    path: Path,
    language: str,
    progress: Callable[[int, int], None] | None = None,
    *,
    written: Written | None = None,
) -> None:
    """Write the report to ``path``, whole or not at all (see ``files.write_whole``).

    ``progress(done, total)`` is told as each section is laid out, and once more when
    the file is on disk; it may raise to stop. On any error (including one raised by
    ``progress`` or ``written``) no file is left and the error is raised again.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown report language: {language!r}")
    data = render(report, language, progress)

    def done() -> None:
        if progress is not None:
            total = 2 * len(section_entries(report, language)) + 1
            progress(total, total)
        if written is not None:
            written()

    write_whole(path, data, done)
