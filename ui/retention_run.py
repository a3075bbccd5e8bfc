"""The day's retention purge, run in the background after a window login.

It runs on a connection of its own, in small transactions, so the person can work
meanwhile (a save waits for one transaction at most). Locking or quitting stops
it between two transactions, like an import (``ui.transfer.worker.stop_all``);
the next login goes on from there. A failure is logged, never in the way.
"""

from __future__ import annotations

import logging

from counselor_app import retention
from counselor_app.config import Settings
from counselor_app.errors import RetentionPaused
from counselor_app.retention import Policy, PurgeResult
from counselor_app.vault import Session
from ui.errors import FAILURES
from ui.transfer import worker as workers
from ui.transfer.worker import Steps, TransferWorker

log = logging.getLogger(__name__)


def _job(policy: Policy) -> workers.Job:
    def run(session: Session, steps: Steps) -> PurgeResult | None:
        return retention.purge_if_due(session, policy, stop=lambda: _stopping(steps))

    return run


def _stopping(steps: Steps) -> bool:
    try:
        steps.check()
    except workers.Cancelled:
        return True
    return False


def _done(result: object) -> None:
    if not isinstance(result, PurgeResult):
        return  # not due today
    log.info(
        "Retention purge: %d notes shredded, %d records deleted, %d drafts removed, "
        "%d kept on legal hold%s.",
        result.notes_shredded,
        result.records_deleted,
        result.drafts_removed,
        result.held_kept,
        "" if result.finished else " (stopped early)",
    )


def _failed(exc: object) -> None:
    if isinstance(exc, RetentionPaused):
        log.warning("%s", exc)  # says why, without any record's content
        return
    log.warning("The retention purge did not run (%s).", type(exc).__name__)


def start_daily_purge(session: Session, settings: Settings) -> TransferWorker | None:
    """Start the purge if it is due today; the worker, or None when it is not due."""
    try:
        if retention.last_run(session.conn) == retention.today_utc():
            return None
    except FAILURES:
        log.warning("The date of the last retention purge could not be read.")
        return None
    worker = TransferWorker(session.reopen, _job(Policy.from_settings(settings)))
    worker.succeeded.connect(_done)
    worker.failed.connect(_failed)
    workers.start(worker)
    return worker
