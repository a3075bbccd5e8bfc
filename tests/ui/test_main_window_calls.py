"""The main window puts the intake, the call list and import/export together."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.exchange.training import create_training_vault
from counselor_app.forms.expression import Answer
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from ui.controller import AppController
from ui.intake.intake import Intake
from ui.main_window import MainWindow

VICTIM: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological"],
    "response": ["listening"],
}


def test_a_one_key_call_appears_in_the_list(qtbot: QtBot, login: Login, keyboard: Keyboard) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    assert window.call_list.model.rowCount() == 0
    keyboard.press(Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.call_list.model.rowCount() == 1)


def test_a_saved_call_is_corrected_from_the_list(
    qtbot: QtBot, login: Login, keyboard: Keyboard, controller: AppController
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    session = controller.session
    assert session is not None
    started = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=20)
    saved = records.create(
        session,
        records.new_record(
            session, started_at=started, ended_at=started + timedelta(minutes=9), answers=VICTIM
        ),
    )
    window.call_list.refresh()
    qtbot.waitUntil(lambda: window.call_list.model.rowCount() == 1)
    window.call_list.edit_requested.emit(saved.id)
    intake = window.intake_area.intake
    assert isinstance(intake, Intake)
    assert intake.record_id == saved.id
    assert intake.answers()["reason"] == "domestic_violence"
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.intake_area.intake is None)
    again = records.get(session, saved.id)
    assert (again.started_at, again.ended_at) == (saved.started_at, saved.ended_at)
    assert session.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 1
    actions = [r[0] for r in session.conn.execute("SELECT action FROM record_history")]
    assert actions == ["create", "update"]


def test_supervisors_get_import_and_export_in_the_file_menu(login: Login) -> None:
    window = login(ADMIN, ADMIN_PASSWORD)
    names = [a.objectName() for a in window.file_menu.actions()]
    assert "import" in " ".join(names) and "export" in " ".join(names)


def test_counselors_do_not(login: Login) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    names = " ".join(a.objectName() for a in window.file_menu.actions() if a.isVisible())
    assert "import" not in names and "export" not in names


def test_a_training_vault_says_so_in_the_title(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    session = create_training_vault(
        tmp_path / "training", "trainer", ADMIN_PASSWORD, settings, calls=30, seed=2
    )
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert "training vault" in window.windowTitle()
    window.discard()
    QApplication.processEvents()
    session.close()
