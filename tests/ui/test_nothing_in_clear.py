"""Nothing typed into a call is ever found in clear on disk or in the log.

Calls are logged through the window with unique markers in the note and in the
département search; the window is locked (which also makes the day's automatic
backup); a report (PDF and CSV) and a backup are made. Then every file under the
data folder, the backups, the temporary folder, the user's home and config
folders is searched for the markers, in UTF-8 and UTF-16, and so is the log.
"""

from __future__ import annotations

import logging
import os
import secrets
import string
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselor_app.reports.model import ReportRequest
from counselor_app.reports.service import report_for, save_report
from counselor_app.vault import open_vault
from counselor_app.vault.backup import make_backup
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from tests.ui.intake_driving import open_call, session_of, stored
from ui.controller import AppController
from ui.login import LoginDialog


def marker() -> str:
    return "zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(14))


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder of this test's own, so that all of it can be searched."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def log_victim_call(keyboard: Keyboard, search: str, note: str) -> None:
    def answer(keys: str, *then: Qt.Key) -> None:
        keyboard.type(keys)
        for key in then:
            keyboard.press(key)
        keyboard.press(Qt.Key.Key_Tab)

    space = Qt.Key.Key_Space
    for keys in ("1", "1", "y", "i", "1", "w", "3"):  # victim … age band
        answer(keys)
    keyboard.type(search)  # a search that finds nothing, typed then wiped
    for _ in search:
        keyboard.press(Qt.Key.Key_Backspace)
    answer("gironde")
    for keys in ("1", "n", "n", "2", "1", "y", "4"):  # employment … author's age
        answer(keys)
    answer("1", space)  # violence_types: psychological
    for keys in ("", "2", "n"):  # danger signs (none), since, children
        answer(keys)
    answer("")  # steps_taken
    answer("y")  # wants_to_leave
    answer("1", space)  # response: listening
    keyboard.type(note)
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def hits(folders: list[Path], markers: list[str]) -> list[str]:
    needles = [m.encode(codec) for m in markers for codec in ("utf-8", "utf-16-le", "utf-16-be")]
    found: list[str] = []
    for folder in folders:
        for root, _, files in os.walk(folder):
            for name in files:
                path = Path(root) / name
                data = path.read_bytes()
                found += [f"{path}: {n!r}" for n in needles if n in data]
    return found


def test_no_marker_is_ever_in_clear(
    qtbot: QtBot,
    controller: AppController,
    login: Login,
    keyboard: Keyboard,
    tmp_path: Path,
    temporary: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    searches = [marker() for _ in range(2)]
    notes = [marker() for _ in range(2)]
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    for search, note in zip(searches, notes, strict=True):
        intake = open_call(qtbot, keyboard, window)
        log_victim_call(keyboard, search, f"Elle rappellera. {note}")
        assert window.intake_area.intake is None, intake.notice.text()
    saved = stored(session_of(controller))
    assert sorted(r.note or "" for r in saved) == sorted(f"Elle rappellera. {n}" for n in notes)

    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # lock
    assert isinstance(controller.dialog, LoginDialog)
    backups = controller.settings.backup_folder(controller.data_dir.resolve())
    assert any(backups.iterdir())  # the day's automatic backup, at the lock

    out = tmp_path / "out"
    out.mkdir()
    with open_vault(controller.data_dir, ADMIN, ADMIN_PASSWORD, controller.settings) as admin:
        today = date.today()
        report = report_for(admin, ReportRequest(today - timedelta(days=7), today))
        save_report(report, pdf=out / "r.pdf", csv=out / "r.csv", language="fr", session=admin)
        make_backup(admin, out / "vault.backup")

    markers = searches + notes
    folders = [tmp_path, temporary, Path(os.environ["HOME"])]
    assert hits(folders, markers) == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not [m for m in markers if m in logged]
