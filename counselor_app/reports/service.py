"""Making a report for the person logged in: the permission, the site's settings, the audit.

The window and the command line both come through here, so a report is made under
the same rules whichever way it is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from counselor_app import __version__, audit
from counselor_app.exchange.training import is_training
from counselor_app.forms.catalogue import default_form
from counselor_app.privacy.suppression import check_threshold
from counselor_app.reports.build import make_report
from counselor_app.reports.csv_export import write_csv
from counselor_app.reports.facts import Progress
from counselor_app.reports.model import Report, ReportRequest
from counselor_app.roles import Permission
from counselor_app.store.db import Connection, transaction
from counselor_app.vault import Session


def report_for(
    session: Session, request: ReportRequest, progress: Progress | None = None
) -> Report:
    """The report of ``request`` (its threshold is the site's), recorded in the audit trail."""
    session.require(Permission.ALL_RECORDS)
    settings = session.settings
    threshold = check_threshold(settings.small_count_threshold)
    request = replace(request, threshold=threshold)
    report = make_report(
        session.conn,
        default_form(),
        request,
        program_version=__version__,
        training=is_training(session.conn),
        organisation=settings.organisation_name,
        logo=settings.organisation_logo,
        progress=progress,
        opener=lambda: _second_connection(session),
    )
    filters = [
        f"channel={request.channel}" if request.channel else "",
        f"counselor={request.counselor_id}" if request.counselor_id else "",
    ]
    with transaction(session.conn):
        audit.record(
            session.conn,
            session.user.id,
            "report",
            detail=" ".join(
                [f"{request.start.isoformat()}..{request.end.isoformat()}", *filter(None, filters)]
            ),
        )
    return report


@contextmanager
def _second_connection(session: Session) -> Iterator[Connection]:
    with session.reopen() as other:
        yield other.conn


def save_report(
    report: Report,
    *,
    pdf: Path | None = None,
    csv: Path | None = None,
    language: str = "fr",
    progress: Progress | None = None,
) -> None:
    if csv is not None:
        write_csv(report, csv)
    if pdf is not None:
        from counselor_app.reports.pdf import write_pdf

        write_pdf(report, pdf, language, progress)
