"""Helpers for the Reports dialog tests: a vault with calls, the dialog, a report held back."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from counselor_app.forms.definition import FormDefinition
from counselor_app.reports import build, facts
from counselor_app.reports.counting import Scope
from counselor_app.reports.facts import Facts, Progress
from counselor_app.reports.model import Report, Table
from counselor_app.store.db import Connection
from counselor_app.vault import Session
from tests.ui.driving import Keyboard
from ui.call_list.display import to_qdate
from ui.reports.dialog import ReportsDialog
from ui.reports.periods import Preset
from ui.transfer.worker import TransferWorker

TODAY = date.today()
# The calls are spread over the 90 days before now: these dates hold them all.
WIDE = (TODAY - timedelta(days=120), TODAY)
WAIT_MS = 60_000


def show(qtbot: QtBot, keyboard: Keyboard, session: Session, language: str = "en") -> ReportsDialog:
    dialog = ReportsDialog(session, session.reopen, language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    keyboard.wait_focus(dialog.choices.radios[Preset.MONTH])
    return dialog


def choose_dates(dialog: ReportsDialog, start: date, end: date) -> None:
    dialog.choices.choose(Preset.CUSTOM)
    dialog.choices.start.setDate(to_qdate(start))
    dialog.choices.end.setDate(to_qdate(end))


def make(qtbot: QtBot, dialog: ReportsDialog) -> Report:
    with qtbot.waitSignal(dialog.made, timeout=WAIT_MS) as made:
        assert dialog.run() is not None
    report = made.args[0]
    assert isinstance(report, Report)
    return report


def shown_cells(table: QTableWidget) -> list[list[str]]:
    rows = []
    for row in range(table.rowCount()):
        cells = []
        for column in range(table.columnCount()):
            item = table.item(row, column)
            cells.append("" if item is None else item.text())
        rows.append(cells)
    return rows


def core_cells(table: Table) -> list[list[str]]:
    return [[table.text(r, c) for c in table.columns] for r in table.rows]


class Held:
    """Makes the report's counting wait, in the worker's thread, until Cancel is asked.

    ``started`` is set once the counting has begun; nothing depends on timing.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        self.job: TransferWorker | None = None  # set by the test once the dialog started it
        real = facts.gather

        def held(
            conn: Connection,
            form: FormDefinition,
            scope: Scope,
            progress: Progress | None = None,
            *rest: Any,
            **options: Any,
        ) -> Facts:
            assert progress is not None
            outer = progress

            def waiting(done: int, total: int) -> None:
                self.started.set()
                self._wait_for_cancel()
                outer(done, total)

            return real(conn, form, scope, waiting, *rest, **options)

        monkeypatch.setattr(build, "gather", held)  # as the report's builder calls it

    def _wait_for_cancel(self) -> None:
        pause = threading.Event()
        for _ in range(60_000):  # a minute at most, so that a failing test ends
            if self.job is not None and self.job.cancel_requested():
                return
            pause.wait(0.001)


def save_as(monkeypatch: pytest.MonkeyPatch, target: str) -> list[str]:
    """The file dialog answers ``target``; returns the paths it suggested."""
    suggested: list[str] = []

    def answer(
        parent: QWidget, caption: str, folder: str, kinds: str, *args: object, **kwargs: object
    ) -> tuple[str, str]:
        suggested.append(folder)
        return target, kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested
