"""Making a report, and writing its PDF, in a thread of their own.

Both run as jobs of the transfer worker (``ui.transfer.worker``): a session of
their own opened in the thread, progress and a cancel, the outcome delivered to the
window's thread, and ``stop_all()`` ending them when the window locks. The report
is made and saved as the command line does it (``reports.service``): the supervisor
permission, the site's threshold, entries in the audit trail.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from counselor_app.reports.model import Report, ReportRequest
from counselor_app.reports.service import report_for, save_report
from counselor_app.vault import Session
from ui.transfer.worker import Job, Steps

Progress = Callable[[int, int], None]


def progress_of(steps: Steps) -> Progress:
    """A ``progress(done, total)`` for the core that tells the dialog and stops on Cancel.

    The core may tell it from two threads: the figures shown only go forward.
    """
    lock = threading.Lock()
    told = {"total": -1, "done": -1}

    def progress(done: int, total: int) -> None:
        with lock:
            new_total = total != told["total"]
            forward = new_total or done > told["done"]
            told["total"], told["done"] = total, max(done, told["done"])
        if new_total:
            steps.total(total)
        if forward:
            steps.done(done)
        else:
            steps.check()

    return progress


def report_job(request: ReportRequest) -> Job:
    """Count the records of the request and return the :class:`Report`."""

    def job(session: Session, steps: Steps) -> object:
        steps.check()
        return report_for(session, request, progress_of(steps))

    return job


def pdf_job(report: Report, path: Path, language: str) -> Job:
    """Write the report as a PDF in ``language``, recorded in the audit trail on the
    job's own session; return the path written."""

    def job(session: Session, steps: Steps) -> object:
        save_report(
            report, pdf=path, language=language, progress=progress_of(steps), session=session
        )
        return path

    return job
