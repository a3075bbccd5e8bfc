"""The Reports dialog: periods, a report equal to the core's, Cancel, saving, by keyboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counselor_app import __version__, audit
from counselor_app.config import Settings
from counselor_app.forms.catalogue import default_form
from counselor_app.reports import wording
from counselor_app.reports.build import make_report
from counselor_app.reports.csv_export import csv_text
from counselor_app.reports.model import ReportRequest
from counselor_app.vault import Session
from tests.ui.call_data import SUPERVISOR, SUPERVISOR_PASSWORD, calls, insert, open_as, user_ids
from tests.ui.driving import ADMIN, COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login, gone
from tests.ui.report_driving import (
    WAIT_MS,
    WIDE,
    Held,
    choose_dates,
    core_cells,
    make,
    save_as,
    show,
    shown_cells,
)
from ui.call_list.display import from_qdate
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.reports.dialog import ReportsDialog
from ui.reports.periods import Preset
from ui.transfer import worker

COUNT = 300


@pytest.fixture
def loaded(supervisor: Session, vault_dir: Path, settings: Settings) -> Session:
    """The supervisor's session, over a vault with a few hundred calls of two people."""
    with open_as(vault_dir, ADMIN, settings) as admin:
        ids = user_ids(admin)
    insert(supervisor, calls(COUNT, [ids[COUNSELOR], ids[SUPERVISOR]], days=90))
    return supervisor


def test_the_action_is_for_supervisors_and_admins_only(
    qtbot: QtBot, supervisor: Session, vault_dir: Path, settings: Settings
) -> None:
    window = MainWindow(supervisor)
    qtbot.addWidget(window)
    action = window.reports.action
    assert action.isVisible() and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+R"
    assert action in window.file_menu.actions()
    assert action in window.toolbar.actions()
    assert action.iconText() == "Ctrl+R Reports"
    with open_as(vault_dir, COUNSELOR, settings) as counselor:
        window = MainWindow(counselor)
        qtbot.addWidget(window)
        action = window.reports.action
        assert not action.isVisible() and not action.isEnabled()
        assert not window.reports.separator.isVisible()
        assert window.reports.show() is None


@pytest.mark.parametrize(
    ("today", "month", "quarter", "year"),
    [
        (
            date(2026, 11, 4),
            (date(2026, 10, 1), date(2026, 10, 31)),
            (date(2026, 7, 1), date(2026, 9, 30)),
            (date(2025, 1, 1), date(2025, 12, 31)),
        ),
        (
            date(2026, 1, 1),
            (date(2025, 12, 1), date(2025, 12, 31)),
            (date(2025, 10, 1), date(2025, 12, 31)),
            (date(2025, 1, 1), date(2025, 12, 31)),
        ),
        (
            date(2024, 3, 31),
            (date(2024, 2, 1), date(2024, 2, 29)),
            (date(2023, 10, 1), date(2023, 12, 31)),
            (date(2023, 1, 1), date(2023, 12, 31)),
        ),
        (
            date(2026, 6, 30),
            (date(2026, 5, 1), date(2026, 5, 31)),
            (date(2026, 1, 1), date(2026, 3, 31)),
            (date(2025, 1, 1), date(2025, 12, 31)),
        ),
    ],
)
def test_each_period_sets_its_dates(
    qtbot: QtBot,
    keyboard: Keyboard,
    supervisor: Session,
    today: date,
    month: tuple[date, date],
    quarter: tuple[date, date],
    year: tuple[date, date],
) -> None:
    dialog = ReportsDialog(supervisor, supervisor.reopen, "en", today=lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    choices = dialog.choices
    assert choices.preset() is Preset.MONTH and choices.dates() == month
    for key, preset, expected in (
        (Qt.Key.Key_Q, Preset.QUARTER, quarter),
        (Qt.Key.Key_Y, Preset.YEAR, year),
        (Qt.Key.Key_M, Preset.MONTH, month),
    ):
        keyboard.alt(key)
        assert choices.preset() is preset
        assert choices.dates() == expected
        assert not choices.start.isEnabled() and not choices.end.isEnabled()
    keyboard.alt(Qt.Key.Key_D)
    assert choices.preset() is Preset.CUSTOM
    assert choices.dates() == month  # chosen dates start from those shown
    assert choices.start.isEnabled() and choices.end.isEnabled()


def test_an_end_before_the_start_is_refused(
    qtbot: QtBot, keyboard: Keyboard, supervisor: Session
) -> None:
    dialog = show(qtbot, keyboard, supervisor)
    choose_dates(dialog, date(2026, 3, 10), date(2026, 3, 9))
    assert dialog.run() is None
    assert "end date is before the start date" in dialog.notice.text()
    keyboard.wait_focus(dialog.choices.end)
    assert worker.running() == []
    assert dialog.report is None and not dialog.pdf_button.isEnabled()


def test_the_report_shows_the_cores_tables(
    qtbot: QtBot, keyboard: Keyboard, loaded: Session
) -> None:
    dialog = show(qtbot, keyboard, loaded)
    choose_dates(dialog, *WIDE)
    report = make(qtbot, dialog)
    expected = make_report(
        loaded.conn,
        default_form(),
        ReportRequest(*WIDE, threshold=5),
        program_version=__version__,
        training=False,
    )
    assert report.request == expected.request
    assert report.tables == expected.tables
    assert report.table("overview").text("calls", "value") == str(COUNT)
    view = dialog.view
    assert view.sections.count() == len(expected.tables)
    keyboard.wait_focus(view.sections)
    assert f": {COUNT} calls." in view.summary.text()
    for index, table in enumerate(expected.tables):
        view.sections.setCurrentRow(index)
        title = wording.table_title(table, expected.form, "en")
        assert view.sections.item(index).text() == title
        assert view.title.text() == title
        assert shown_cells(view.table) == core_cells(table)
        headers = [view.table.horizontalHeaderItem(c) for c in range(len(table.columns))]
        labels = [wording.column_label(table, c, expected.form, "en") for c in table.columns]
        assert [h.text() if h is not None else None for h in headers] == labels
        assert view.table.accessibleName() == f"Table: {title}"
        assert view.chart.accessibleName() == f"Chart: {title}"
        assert view.chart.accessibleDescription()
    assert dialog.pdf_button.isEnabled() and dialog.csv_button.isEnabled()


def test_filters_and_the_report_language(qtbot: QtBot, keyboard: Keyboard, loaded: Session) -> None:
    dialog = show(qtbot, keyboard, loaded)
    choose_dates(dialog, *WIDE)
    choices = dialog.choices
    choices.channel.setCurrentIndex(choices.channel.findData("phone"))
    choices.counselor.setCurrentIndex(choices.counselor.findText(SUPERVISOR))
    assert choices.channel.currentText() == "Phone"  # in the window's language
    report = make(qtbot, dialog)
    request = report.request
    assert (request.channel, request.counselor_name) == ("phone", SUPERVISOR)
    expected = make_report(
        loaded.conn, default_form(), request, program_version=__version__, training=False
    )
    assert report.tables == expected.tables
    assert 0 < int(report.table("overview").text("calls", "value")) < COUNT
    assert "Channel: Phone." in dialog.view.summary.text()
    # Recorded in the audit trail, as a report made on the command line.
    entries = [e for e in audit.entries(loaded.conn) if e.action == "report"]
    assert [(e.user_id, e.detail) for e in entries] == [
        (
            loaded.user.id,
            f"{WIDE[0].isoformat()}..{WIDE[1].isoformat()} "
            f"channel=phone counselor={request.counselor_id}",
        )
    ]
    # The report's words follow its language; the counting is not done again.
    choices.language.setCurrentIndex(choices.language.findData("fr"))
    assert dialog.view.sections.item(0).text() == "Vue d'ensemble"
    assert dialog.report is report and not dialog.is_running()


def test_the_core_refuses_a_counselor_whatever_the_window_shows(
    qtbot: QtBot, keyboard: Keyboard, vault_dir: Path, settings: Settings
) -> None:
    with open_as(vault_dir, COUNSELOR, settings) as counselor:
        dialog = show(qtbot, keyboard, counselor)
        job = dialog.run()
        assert job is not None
        with qtbot.waitSignal(job.failed, timeout=WAIT_MS):
            pass
        assert dialog.notice.text() == (
            "Your role (Counselor) does not allow you to see and change every counselor's records."
        )
        assert dialog.report is None and not dialog.is_running()
        assert [e for e in audit.entries(counselor.conn) if e.action == "report"] == []


def test_cancel_stops_the_counting_and_the_dialog_stays_usable(
    qtbot: QtBot, keyboard: Keyboard, loaded: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch)
    dialog = show(qtbot, keyboard, loaded)
    job = dialog.run()
    assert job is not None
    held.job = job
    qtbot.waitUntil(held.started.is_set, timeout=WAIT_MS)
    assert dialog.is_running() and not dialog.run_button.isEnabled()
    assert not dialog.choices.channel.isEnabled() and dialog.progress.isVisible()
    with qtbot.waitSignal(job.cancelled, timeout=WAIT_MS):
        keyboard.press(Qt.Key.Key_Escape)  # Escape cancels what runs, not the dialog
    assert dialog.isVisible() and not dialog.is_running()
    assert dialog.notice.text() == "Cancelled. No report was made."
    assert dialog.report is None and not dialog.progress.isVisible()
    assert dialog.run_button.isEnabled() and dialog.choices.channel.isEnabled()
    monkeypatch.undo()
    choose_dates(dialog, *WIDE)
    assert make(qtbot, dialog).table("overview").text("calls", "value") == str(COUNT)


def test_save_csv_writes_the_reports_csv(
    qtbot: QtBot,
    keyboard: Keyboard,
    loaded: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = show(qtbot, keyboard, loaded)
    start, _end = dialog.choices.dates()
    report = make(qtbot, dialog)
    target = tmp_path / "chosen.csv"
    suggested = save_as(monkeypatch, str(target))
    with qtbot.waitSignal(dialog.saved):
        keyboard.alt(Qt.Key.Key_V)
    assert Path(suggested[0]).name == f"report-{start:%Y-%m}.csv"
    assert target.read_bytes().decode("utf-8") == csv_text(report)
    assert str(target) in dialog.notice.text()
    # A name typed without its ending gets it.
    save_as(monkeypatch, str(tmp_path / "typed"))
    assert dialog.save_csv() == tmp_path / "typed.csv"
    assert (tmp_path / "typed.csv").read_text(encoding="utf-8") == target.read_text("utf-8")


def test_save_pdf_writes_a_pdf_in_the_background(
    qtbot: QtBot,
    keyboard: Keyboard,
    loaded: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = show(qtbot, keyboard, loaded, language="fr")
    report = make(qtbot, dialog)
    assert dialog.choices.report_language() == "fr"
    out = tmp_path / "out"
    out.mkdir()
    target = out / "rapport.pdf"
    suggested = save_as(monkeypatch, str(target))
    job = dialog.save_pdf()
    assert job is not None
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        pass
    assert Path(suggested[0]).name == f"rapport-{report.request.start:%Y-%m}.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in out.iterdir()) == ["rapport.pdf"]
    assert dialog.report is report and dialog.pdf_button.isEnabled()


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_a_file_that_cannot_be_written_is_explained(
    qtbot: QtBot,
    keyboard: Keyboard,
    loaded: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    kind: str,
) -> None:
    dialog = show(qtbot, keyboard, loaded)
    report = make(qtbot, dialog)
    save = dialog.save_csv if kind == "csv" else dialog.save_pdf
    out = tmp_path / "out"
    out.mkdir()

    # A folder that does not exist: said before anything runs.
    save_as(monkeypatch, str(out / "missing" / f"report.{kind}"))
    assert save() is None
    assert f"The folder {out / 'missing'} does not exist" in dialog.notice.text()
    assert not (out / "missing").exists()

    # A folder's name.
    (out / f"folder.{kind}").mkdir()
    save_as(monkeypatch, str(out / f"folder.{kind}"))
    assert save() is None
    assert "is a folder. Choose a file name." in dialog.notice.text()

    # A file that cannot be written (its name is too long): the reason, no traceback.
    save_as(monkeypatch, str(out / f"{'long' * 80}.{kind}"))
    if kind == "csv":
        assert dialog.save_csv() is None
    else:
        job = dialog.save_pdf()
        assert job is not None
        with qtbot.waitSignal(job.failed, timeout=WAIT_MS):
            pass
    message = dialog.notice.text()
    assert "could not be read or written" in message and "File name too long" in message
    assert "No file was written; the report is still here." in message
    assert "Traceback" not in message and "OSError" not in message
    assert sorted(p.name for p in out.iterdir()) == [f"folder.{kind}"]  # no partial file
    assert dialog.report is report and dialog.view.sections.count() == len(report.tables)
    assert dialog.csv_button.isEnabled() and not dialog.is_running()


@pytest.mark.usefixtures("loaded")
def test_by_keyboard_alone(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(SUPERVISOR, SUPERVISOR_PASSWORD)
    keyboard.press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReportsDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReportsDialog)
    keyboard.wait_focus(dialog.choices.radios[Preset.MONTH])
    keyboard.alt(Qt.Key.Key_D)  # chosen dates: From, then To
    keyboard.press(Qt.Key.Key_Tab)
    assert keyboard.focus() is dialog.choices.start
    before = dialog.choices.start.date()
    for _ in range(3):
        keyboard.press(Qt.Key.Key_Down)  # an earlier start, a part of the date at a time
    assert dialog.choices.start.date() < before
    with qtbot.waitSignal(dialog.made, timeout=WAIT_MS):
        keyboard.press(Qt.Key.Key_Return)
    assert dialog.report is not None
    assert from_qdate(dialog.choices.start.date()) == dialog.report.request.start
    keyboard.wait_focus(dialog.view.sections)
    keyboard.press(Qt.Key.Key_Down)
    assert dialog.view.sections.currentRow() == 1
    keyboard.press(Qt.Key.Key_Return)  # in the list, Enter does not make the report again
    assert not dialog.is_running()
    keyboard.press(Qt.Key.Key_Tab)
    assert keyboard.focus() is dialog.view.table
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))
    assert window.isVisible()


@pytest.mark.usefixtures("loaded")
def test_locking_stops_a_running_report(
    qtbot: QtBot,
    controller: AppController,
    login: Login,
    keyboard: Keyboard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    held = Held(monkeypatch)
    window = login(SUPERVISOR, SUPERVISOR_PASSWORD)
    dialog = window.reports.show()
    assert dialog is not None
    job = dialog.run()
    assert job is not None
    held.job = job
    qtbot.waitUntil(held.started.is_set, timeout=WAIT_MS)
    with qtbot.waitSignal(job.cancelled, timeout=WAIT_MS):
        controller.lock()
    assert controller.window is None and controller.session is None
    qtbot.waitUntil(lambda: worker.running() == [])
    # The next person logs in as usual.
    again = login(COUNSELOR, COUNSELOR_PASSWORD)
    assert not again.reports.action.isVisible()
