"""The open call is kept as a draft: every few seconds, at each section, when locking;
the next login of the same user offers it back, even after the program was killed."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.drafts import Draft, load_draft, save_draft
from counselor_app.vault import open_vault
from tests.ui.call_data import open_as
from tests.ui.driving import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    Keyboard,
    Login,
)
from tests.ui.intake_driving import (
    alt_in_box,
    answer_next_box,
    escape_box,
    open_call,
    session_of,
    stored,
)
from ui.controller import AppController
from ui.main_window import MainWindow

CRASH = Path(__file__).with_name("crash_intake.py")
ROOT = Path(__file__).resolve().parents[2]


def _login_offered(
    qtbot: QtBot, controller: AppController, login: Login, name: str, password: str
) -> tuple[MainWindow, QMessageBox]:
    """Log in; the question about the draft comes up over the main window, active."""
    login.type(name, password)
    window = controller.window
    assert window is not None
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.intake_area.offer is not None)
    box = window.intake_area.offer
    assert box is not None
    qtbot.waitUntil(box.isActiveWindow)
    return window, box


def test_a_locked_call_is_offered_back_and_resumed(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    started_at = intake.started_at
    keyboard.fill("1", "1", "y")  # victim, phone, first contact
    intake.autosave()  # what the timer does every 5 seconds
    draft = load_draft(session_of(controller))
    assert draft is not None
    assert draft.answers == {"call_kind": "victim", "channel": "phone", "first_contact": "yes"}
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("i")  # heard from the internet: not yet in the draft
    assert intake.autosave_timer.interval() == 5000

    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # lock: the draft is kept
    assert controller.window is None
    assert stored_nothing(controller, login, keyboard, qtbot)

    window, box = _login_offered(qtbot, controller, login, COUNSELOR, COUNSELOR_PASSWORD)
    assert "was not saved" in box.text()
    keyboard.alt(Qt.Key.Key_R)

    resumed = window.intake_area.intake
    assert resumed is not None
    assert resumed.started_at == started_at
    assert resumed.answers() == {
        "call_kind": "victim",
        "channel": "phone",
        "first_contact": "yes",
        "heard_from": "internet",
    }
    assert resumed.panel.timer.running
    keyboard.wait_focus(resumed.form_view.rows["call_kind"].input)


def stored_nothing(
    controller: AppController, login: Login, keyboard: Keyboard, qtbot: QtBot
) -> bool:
    """Another user logging in is not offered the draft; nothing was saved as a record."""
    window = login(ADMIN, ADMIN_PASSWORD)
    assert window.intake_area.offer is None
    assert stored(session_of(controller)) == []
    controller.lock()
    return True


def test_a_draft_offered_back_can_be_discarded(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    open_call(qtbot, keyboard, window)
    keyboard.type("1")
    controller.lock()
    login(ADMIN, ADMIN_PASSWORD)  # someone else unlocked meanwhile: the call is only offered
    controller.lock()

    window, _ = _login_offered(qtbot, controller, login, COUNSELOR, COUNSELOR_PASSWORD)
    keyboard.alt(Qt.Key.Key_D)
    assert window.intake_area.intake is None
    assert window.intake_area.offer is None
    assert window.statusBar().currentMessage() == "The unsaved call was discarded."
    assert load_draft(session_of(controller)) is None


def test_changing_section_saves_the_draft(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    open_call(qtbot, keyboard, window)
    keyboard.fill("1", "1", "", "", "8", "")  # victim, phone, …, information: to "response"
    draft = load_draft(session_of(controller))
    assert draft is not None
    assert draft.section == "response"
    assert draft.answers["reason"] == "information"


def test_a_draft_survives_a_killed_program(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    result = subprocess.run(
        [sys.executable, str(CRASH), str(controller.data_dir), COUNSELOR, COUNSELOR_PASSWORD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr

    window, _ = _login_offered(qtbot, controller, login, COUNSELOR, COUNSELOR_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)  # Resume is the default
    intake = window.intake_area.intake
    assert intake is not None
    assert intake.answers() == {"call_kind": "victim", "channel": "phone", "first_contact": "yes"}


def test_quitting_with_an_open_call_asks_and_keeps_it(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    intake = open_call(qtbot, keyboard, window)
    keyboard.type("1")

    seen = answer_next_box(escape_box())
    keyboard.press(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert seen == [
        "A call is still open. It will be kept as a draft and offered back "
        "at your next login. Quit now?"
    ]
    assert controller.window is window
    keyboard.wait_focus(intake.form_view.rows["call_kind"].input)

    session = session_of(controller)
    answer_next_box(alt_in_box(Qt.Key.Key_Q))
    with qtbot.waitSignal(controller.finished, timeout=2000):
        keyboard.press(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert session.closed
    with open_vault(controller.data_dir, COUNSELOR, COUNSELOR_PASSWORD, controller.settings) as s:
        draft = load_draft(s)
    assert draft is not None and draft.answers == {"call_kind": "victim"}


def test_a_correction_of_a_record_deleted_meanwhile_is_told_not_raised(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard, vault_dir: Path
) -> None:
    settings = controller.settings
    started = datetime.now(UTC) - timedelta(hours=1)
    with open_as(vault_dir, COUNSELOR, settings) as counselor:
        answers = {"call_kind": "silent", "channel": "phone"}
        record = records.create(
            counselor,
            records.new_record(counselor, started_at=started, ended_at=started, answers=answers),
        )
        save_draft(counselor, Draft(started, dict(answers), record_id=record.id))
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as admin:
        records.delete(admin, record.id, "doublon")

    window, _ = _login_offered(qtbot, controller, login, COUNSELOR, COUNSELOR_PASSWORD)
    keyboard.alt(Qt.Key.Key_R)
    assert window.intake_area.intake is None
    assert "no longer exists" in window.intake_area.notice.text()
    assert load_draft(session_of(controller)) is None
