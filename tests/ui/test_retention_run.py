"""The day's retention purge in the background of the window."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from counselor_app import audit, records, retention
from counselor_app.config import Settings
from counselor_app.forms.expression import Answer
from counselor_app.store import retention as retention_store
from counselor_app.vault import Session
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, Login
from ui.controller import AppController
from ui.retention_run import start_daily_purge
from ui.transfer import worker as workers

CALL: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological"],
    "response": ["listening"],
    "note": "Rappellera jeudi.",
}


def log_call(session: Session, days_ago: int) -> str:
    started = datetime.now(UTC) - timedelta(days=days_ago)
    record = records.new_record(
        session, started_at=started, ended_at=started + timedelta(minutes=9), answers=CALL
    )
    return records.create(session, record).id


def test_the_purge_runs_in_the_background_once_a_day(
    qtbot: QtBot, supervisor: Session, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    old = log_call(supervisor, 120)
    recent = log_call(supervisor, 3)
    caplog.set_level(logging.INFO, logger="ui.retention_run")
    worker = start_daily_purge(supervisor, settings)
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        pass
    assert records.get(supervisor, old).note is None
    assert records.get(supervisor, recent).note == "Rappellera jeudi."
    assert retention.last_run(supervisor.conn) == retention.today_utc()
    entry = audit.entries(supervisor.conn)[-1]
    assert (entry.action, entry.user_id) == ("purge", supervisor.user.id)
    assert entry.detail is not None and entry.detail.startswith("automatic notes=1 ")
    assert "1 notes shredded" in caplog.text and "Rappellera" not in caplog.text
    assert start_daily_purge(supervisor, settings) is None  # done for today


def test_zero_periods_keep_everything(qtbot: QtBot, supervisor: Session) -> None:
    old = log_call(supervisor, 4000)
    worker = start_daily_purge(
        supervisor, Settings(note_retention_days=0, record_retention_months=0)
    )
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        pass
    assert records.get(supervisor, old).note == "Rappellera jeudi."


@pytest.mark.daily_purge
def test_a_window_login_starts_the_purge(
    qtbot: QtBot, supervisor: Session, controller: AppController, login: Login
) -> None:
    old = log_call(supervisor, 120)
    login(ADMIN, ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: not workers.running(), timeout=10_000)
    assert records.get(supervisor, old).note is None
    assert retention.last_run(supervisor.conn) == retention.today_utc()


@pytest.mark.daily_purge
def test_locking_stops_the_purge_between_two_transactions(
    qtbot: QtBot,
    supervisor: Session,
    controller: AppController,
    login: Login,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for days in range(100, 130):
        log_call(supervisor, days)
    removing = retention_store.remove

    def one_at_a_time(
        conn: object, notes_before: int | None, records_before: int | None, _limit: int
    ) -> tuple[retention_store.Removal, bool]:
        time.sleep(0.05)
        return removing(conn, notes_before, records_before, 1)

    monkeypatch.setattr(retention_store, "remove", one_at_a_time)
    login(ADMIN, ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: _shredded(supervisor) > 0, timeout=10_000)
    controller.lock()
    assert all(worker.isFinished() for worker in workers.running())  # waited for
    left = supervisor.conn.execute("SELECT count(*) FROM record_notes").fetchone()[0]
    assert 0 < left < 30
    assert retention.last_run(supervisor.conn) is None  # it goes on at the next login


def _shredded(session: Session) -> int:
    return sum(1 for e in audit.entries(session.conn) if e.action == "purge")
