"""Making a report for the person logged in: the permission, the site's settings, the audit.

The window and the command line both come through here, so a report is made under
the same rules whichever way it is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from counselor_app import __version__, audit
from counselor_app.errors import InvalidInput
from counselor_app.exchange.training import is_training
from counselor_app.forms.catalogue import default_form
from counselor_app.periods import FIRST_REPORT_DAY, LAST_REPORT_DAY
from counselor_app.privacy.suppression import check_threshold
from counselor_app.reports.build import make_report
from counselor_app.reports.csv_export import write_csv
from counselor_app.reports.facts import Progress
from counselor_app.reports.model import Report, ReportRequest
from counselor_app.roles import Permission
from counselor_app.store.bundles import workstation
from counselor_app.store.db import Connection, transaction
from counselor_app.vault import Session


def report_for(
    session: Session, request: ReportRequest, progress: Progress | None = None
) -> Report:
    """The report of ``request`` (its threshold is the site's), recorded in the audit trail."""
    session.require(Permission.ALL_RECORDS)
    check_period(request)
    check_workstation(session.conn, request)
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
    with transaction(session.conn):
        audit.record(session.conn, session.user.id, "report", detail=_described(request))
    return report


def _described(request: ReportRequest) -> str:
    """The period and filters of a report, for the audit trail."""
    filters = [
        f"channel={request.channel}" if request.channel else "",
        f"counselor={request.counselor_id}" if request.counselor_id else "",
        f"workstation={request.workstation}" if request.workstation else "",
    ]
    period = f"{request.start.isoformat()}..{request.end.isoformat()}"
    return " ".join([period, *filter(None, filters)])


def check_period(request: ReportRequest) -> None:
    """InvalidInput (``period_out_of_range``) unless the period lies within the days a
    report may cover."""
    if request.start < FIRST_REPORT_DAY or request.end > LAST_REPORT_DAY:
        raise InvalidInput(
            f"A report covers days from {FIRST_REPORT_DAY.isoformat()} to "
            f"{LAST_REPORT_DAY.isoformat()}; choose a period within them.",
            "period_out_of_range",
        )


def check_workstation(conn: Connection, request: ReportRequest) -> None:
    """InvalidInput (``unknown_workstation``) when the report is filtered to a workstation
    this vault has not accepted (a consolidation vault lists them in ``workstations``)."""
    wanted = request.workstation
    if wanted is None or workstation(conn, wanted) is not None:
        return
    raise InvalidInput(
        f"Unknown workstation {wanted}: it is not one this vault accepted. "
        "See them with 'counselor-app workstation list'.",
        "unknown_workstation",
    )


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
    session: Session | None = None,
) -> None:
    """Write the report's CSV and its PDF, each whole or not at all.

    With ``session`` (on the thread that uses it), saving is for those who may make
    reports, and each file is recorded in the audit trail (``report_saved``: ``csv`` or
    ``pdf``, the period and filters) just before it appears; no entry, no file.
    """
    if session is not None:
        session.require(Permission.ALL_RECORDS)
    if csv is not None:
        write_csv(report, csv, written=_recorder(session, "csv", report))
    if pdf is not None:
        from counselor_app.reports.pdf import write_pdf

        write_pdf(report, pdf, language, progress, written=_recorder(session, "pdf", report))


def _recorder(session: Session | None, kind: str, report: Report) -> Callable[[], None] | None:
    if session is None:
        return None

    def record() -> None:
        with transaction(session.conn):
            audit.record(
                session.conn,
                session.user.id,
                "report_saved",
                detail=f"{kind} {_described(report.request)}",
            )

    return record
