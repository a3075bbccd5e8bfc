"""Running an import or an export in its own thread, with progress and a cancel.

An SQLCipher connection belongs to the thread that opened it, so the worker opens
its own session through the factory it is given, and closes it when done.
Cancelling raises inside the job at its next progress step: an import then rolls
back its transaction, an export removes its unfinished file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from counselor_app.vault import Session
from ui.errors import FAILURES

log = logging.getLogger(__name__)

SessionFactory = Callable[[], Session]


class Cancelled(Exception):
    """Raised inside a job when the person asked to stop."""


class Steps:
    """What a job reports while it runs; every report checks whether to stop."""

    def __init__(self, worker: TransferWorker) -> None:
        self._worker = worker

    def check(self) -> None:
        if self._worker.cancel_requested():
            raise Cancelled

    def total(self, count: int) -> None:
        """How many records the job will go through."""
        self.check()
        self._worker.totalled.emit(count)

    def done(self, count: int) -> None:
        """How many records are done so far."""
        self._worker.progressed.emit(count)
        self.check()


Job = Callable[[Session, Steps], object]


class TransferWorker(QThread):
    """Runs ``job`` on a session of its own; one of ``succeeded(result)``,
    ``failed(exception)`` or ``cancelled()`` follows, delivered to the window's thread.
    """

    totalled = Signal(int)
    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self, open_session: SessionFactory, job: Job, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._open_session = open_session
        self._job = job
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next step (safe from any thread)."""
        self._stop.set()

    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        steps = Steps(self)
        try:
            steps.check()
            session = self._open_session()
            try:
                steps.check()
                result = self._job(session, steps)
            finally:
                session.close()
        except Cancelled:
            self.cancelled.emit()
        except FAILURES as exc:
            self.failed.emit(exc)
        except Exception as exc:
            # Nothing of the content is logged: only the kind of failure.
            log.error("A transfer stopped on an unexpected %s.", type(exc).__name__)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


# Workers outlive the dialog that started them if it is closed (for example when the
# window locks): they are kept here until their thread ends.
_running: set[TransferWorker] = set()


def start(worker: TransferWorker) -> None:
    """Start a worker that has no parent and keep it until its thread ends."""
    _running.add(worker)
    worker.finished.connect(lambda: _ended(worker))
    worker.start()


def _ended(worker: TransferWorker) -> None:
    _running.discard(worker)
    worker.deleteLater()


def running() -> list[TransferWorker]:
    return list(_running)


def stop_all(timeout_ms: int = 30_000) -> bool:
    """Cancel every running transfer and wait for them; True when all ended."""
    workers = list(_running)
    for worker in workers:
        worker.cancel()
    return all(worker.wait(timeout_ms) for worker in workers)
