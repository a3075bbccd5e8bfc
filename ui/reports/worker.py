"""Making a report, and writing its PDF, in a thread of their own.

Both run as jobs of the transfer worker (``ui.transfer.worker``): a session of
their own opened in the thread, progress and a cancel, the outcome delivered to the
window's thread, and ``stop_all()`` ending them when the window locks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counselor_app import __version__
from counselor_app.exchange.training import is_training
from counselor_app.forms.definition import FormDefinition
from counselor_app.reports.build import make_report
from counselor_app.reports.model import Report, ReportRequest
from counselor_app.roles import Permission
from counselor_app.vault import Session
from ui.transfer.worker import Job, Steps

Progress = Callable[[int, int], None]


def progress_of(steps: Steps) -> Progress:
    """A ``progress(done, total)`` for the core that tells the dialog and stops on Cancel."""
    known = -1

    def progress(done: int, total: int) -> None:
        nonlocal known
        if total != known:
            known = total
            steps.total(total)
        steps.done(done)

    return progress


def report_job(form: FormDefinition, request: ReportRequest) -> Job:
    """Count the records of the request and return the :class:`Report`."""

    def job(session: Session, steps: Steps) -> object:
        session.require(Permission.ALL_RECORDS)
        steps.check()
        return make_report(
            session.conn,
            form,
            request,
            program_version=__version__,
            training=is_training(session.conn),
            organisation=session.settings.organisation_name,
            logo=session.settings.organisation_logo,
            progress=progress_of(steps),
        )

    return job


def pdf_job(report: Report, path: Path, language: str) -> Job:
    """Write the report as a PDF in ``language``; return the path written."""

    def job(session: Session, steps: Steps) -> object:
        from counselor_app.reports.pdf import write_pdf  # reportlab: loaded when needed

        session.require(Permission.ALL_RECORDS)
        write_pdf(report, path, language, progress=progress_of(steps))
        return path

    return job
