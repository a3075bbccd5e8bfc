"""The Reports dialog: the days a report may cover, and saved files in the audit trail."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from counselor_app import audit
from counselor_app.periods import FIRST_REPORT_DAY, LAST_REPORT_DAY
from counselor_app.reports.model import ReportRequest
from counselor_app.vault import Session
from tests.ui.call_data import calls, insert
from tests.ui.driving import Keyboard
from tests.ui.report_driving import WAIT_MS, WIDE, choose_dates, make, save_as, show
from ui.call_list.display import from_qdate

MESSAGES = {
    "en": "A report covers days from 1970-01-01 to 2999-12-31. Choose dates within them.",
    "fr": "Un rapport porte sur les jours du 1970-01-01 au 2999-12-31. "
    "Choisissez des dates comprises entre les deux.",
}


def test_the_dates_stay_within_the_days_a_report_covers(
    qtbot: QtBot, keyboard: Keyboard, supervisor: Session
) -> None:
    dialog = show(qtbot, keyboard, supervisor)
    choose_dates(dialog, date(2026, 1, 1), date(2026, 1, 31))
    choices = dialog.choices
    for edit in (choices.start, choices.end):
        assert from_qdate(edit.minimumDate()) == FIRST_REPORT_DAY
        assert from_qdate(edit.maximumDate()) == LAST_REPORT_DAY
    choices.start.setDate(QDate(1000, 1, 1))
    choices.end.setDate(QDate(9999, 12, 31))
    assert choices.dates() == (FIRST_REPORT_DAY, LAST_REPORT_DAY)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_period_the_core_refuses_is_told_in_words(
    qtbot: QtBot,
    keyboard: Keyboard,
    supervisor: Session,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    dialog = show(qtbot, keyboard, supervisor, language=language)
    far = ReportRequest(date(2026, 1, 1), date(9999, 12, 31))
    monkeypatch.setattr(dialog.choices, "request", lambda threshold: far)
    job = dialog.run()
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=WAIT_MS):
        pass
    assert dialog.notice.text() == MESSAGES[language]
    assert dialog.report is None and not dialog.is_running()


def test_saved_files_are_recorded_in_the_audit_trail(
    qtbot: QtBot,
    keyboard: Keyboard,
    supervisor: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    insert(supervisor, calls(40, [supervisor.user.id], days=60))
    dialog = show(qtbot, keyboard, supervisor)
    choose_dates(dialog, *WIDE)
    make(qtbot, dialog)
    period = f"{WIDE[0].isoformat()}..{WIDE[1].isoformat()}"
    save_as(monkeypatch, str(tmp_path / "tables.csv"))
    assert dialog.save_csv() == tmp_path / "tables.csv"
    save_as(monkeypatch, str(tmp_path / "report.pdf"))
    job = dialog.save_pdf()  # in a thread, on a session of its own
    assert job is not None
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        pass
    entries = [e for e in audit.entries(supervisor.conn) if e.action.startswith("report")]
    assert [(e.action, e.detail) for e in entries] == [
        ("report", period),
        ("report_saved", f"csv {period}"),
        ("report_saved", f"pdf {period}"),
    ]
    assert {e.user_id for e in entries} == {supervisor.user.id}
    assert audit.first_broken(supervisor.conn) is None
