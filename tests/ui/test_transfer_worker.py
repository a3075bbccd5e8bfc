"""The background worker: its own session, results by signal, and a cancel that undoes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.errors import AuthenticationFailed
from counselor_app.exchange.transfer import export_file, import_file
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session, open_vault
from tests.ui.call_data import calls, insert, write_jsonl
from tests.ui.driving import ADMIN
from ui.transfer import worker
from ui.transfer.worker import Steps, TransferWorker

BIG = 2500  # the core reports progress every 1000 records


def cancel_at_first_step(job_worker: TransferWorker) -> list[int]:
    """Cancel from the worker's own thread when it reports its first thousand records."""
    seen: list[int] = []

    def first(done: int) -> None:
        seen.append(done)
        job_worker.cancel()

    job_worker.progressed.connect(first, Qt.ConnectionType.DirectConnection)
    return seen


def test_the_job_runs_in_its_own_thread_with_its_own_session(
    qtbot: QtBot, supervisor: Session, opener: Callable[[], Session]
) -> None:
    where: dict[str, object] = {}

    def job(session: Session, steps: Steps) -> object:
        where["thread"] = threading.get_ident()
        where["session"] = session
        steps.total(1)
        steps.done(1)
        return records.list_count(session, ListFilter())

    job_worker = TransferWorker(opener, job)
    with qtbot.waitSignal(job_worker.succeeded, timeout=20_000) as done:
        worker.start(job_worker)
    assert done.args == [0]
    assert where["thread"] != threading.get_ident()
    session = where["session"]
    assert isinstance(session, Session) and session is not supervisor and session.closed


def test_a_failure_is_delivered_not_raised(
    qtbot: QtBot, vault_dir: Path, settings: Settings
) -> None:
    def wrong_password() -> Session:
        return open_vault(vault_dir, ADMIN, "not the password", settings)

    job_worker = TransferWorker(wrong_password, lambda session, steps: None)
    with qtbot.waitSignal(job_worker.failed, timeout=20_000) as failed:
        worker.start(job_worker)
    assert isinstance(failed.args[0], AuthenticationFailed)


def test_cancel_in_the_middle_of_an_import_writes_nothing(
    qtbot: QtBot, supervisor: Session, opener: Callable[[], Session], tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", calls(BIG, ["elsewhere"], seed=3))

    def job(session: Session, steps: Steps) -> object:
        return import_file(session, path, progress=steps.done)

    job_worker = TransferWorker(opener, job)
    seen = cancel_at_first_step(job_worker)
    with qtbot.waitSignal(job_worker.cancelled, timeout=60_000):
        worker.start(job_worker)
    assert seen == [1000]  # a thousand records were written, then rolled back
    assert records.list_count(supervisor, ListFilter()) == 0


def test_cancel_in_the_middle_of_an_export_leaves_no_file(
    qtbot: QtBot, supervisor: Session, opener: Callable[[], Session], tmp_path: Path
) -> None:
    insert(supervisor, calls(BIG, [supervisor.user.id], seed=4))
    out = tmp_path / "out"
    out.mkdir()

    def job(session: Session, steps: Steps) -> object:
        return export_file(session, out / "all.jsonl", with_notes=True, progress=steps.done)

    job_worker = TransferWorker(opener, job)
    seen = cancel_at_first_step(job_worker)
    with qtbot.waitSignal(job_worker.cancelled, timeout=60_000):
        worker.start(job_worker)
    assert seen == [1000]
    assert list(out.iterdir()) == []


def test_stop_all_cancels_what_runs(
    qtbot: QtBot, supervisor: Session, opener: Callable[[], Session], tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", calls(BIG, ["elsewhere"], seed=5))

    def job(session: Session, steps: Steps) -> object:
        return import_file(session, path, progress=steps.done)

    job_worker = TransferWorker(opener, job)
    with qtbot.waitSignal(job_worker.cancelled, timeout=60_000):
        worker.start(job_worker)
        assert worker.running() == [job_worker]
        assert worker.stop_all()
    assert records.list_count(supervisor, ListFilter()) == 0
    qtbot.waitUntil(lambda: worker.running() == [])
