"""The supervisor's statistics report as a PDF: A4, French or English, fonts embedded."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from counselor_app.reports.model import Report
from counselor_app.reports.pdf.document import render, section_entries
from counselor_app.reports.wording import LANGUAGES

__all__ = ["write_pdf"]


def write_pdf(
    report: Report,
    path: Path,
    language: str,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the report to ``path``, whole or not at all.

    The PDF goes to ``<name>.part`` beside ``path``, is flushed to disk and then
    renamed; on any error (including one raised by ``progress(done, total)``,
    which is told as each section is laid out and may raise to stop) the partial
    file is removed and the error raised again.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown report language: {language!r}")
    partial = path.with_name(path.name + ".part")
    try:
        data = render(report, language, progress)
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if progress is not None:
            total = 2 * len(section_entries(report, language)) + 1
            progress(total, total)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
