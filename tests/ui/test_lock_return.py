"""Unlocking puts the user who locked back where she was; anyone else starts afresh.

Where she was: the open call (reopened from her draft without asking, its timer still
counting from the call's start), the call list's choices, selected call, scrolling
and the record she was reading, the window's size and the split between call and list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.drafts import discard_draft, load_draft
from counselor_app.vault import open_vault
from tests.ui.call_data import (
    PASSWORDS,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    add_supervisor,
    calls,
    insert,
    open_as,
    user_ids,
)
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from tests.ui.intake_driving import open_call
from tests.ui.lock_driving import marker, to_note
from ui.call_list.filters import Period
from ui.controller import AppController
from ui.main_window import MainWindow

VICTIM_BY_PHONE = {"call_kind": "victim", "channel": "phone", "first_contact": "yes"}


@pytest.fixture
def ids(vault_dir: Path, settings: Settings) -> dict[str, str]:
    """A supervisor, and 600 calls of the last 60 days, half of them camille's."""
    add_supervisor(vault_dir, settings)
    with open_as(vault_dir, ADMIN, settings) as admin:
        found = user_ids(admin)
        insert(admin, calls(600, [found[COUNSELOR], found[SUPERVISOR]]))
    return found


def unlock(qtbot: QtBot, controller: AppController, login: Login, name: str) -> MainWindow:
    """Log in again (the window may open under a dialog it reopened)."""
    login.type(name, PASSWORDS[name])
    window = controller.window
    assert window is not None, "the window did not open"
    qtbot.waitExposed(window)
    return window


def lock(keyboard: Keyboard, controller: AppController) -> None:
    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.window is None


def test_she_unlocks_where_she_was(
    qtbot: QtBot,
    controller: AppController,
    login: Login,
    keyboard: Keyboard,
    ids: dict[str, str],
) -> None:
    window = login(SUPERVISOR, SUPERVISOR_PASSWORD)
    assert window.size() != QSize(800, 700)
    window.resize(800, 700)  # the offscreen screen is 800 pixels wide
    view, bar = window.call_list, window.call_list.filters
    assert bar.counselor is not None
    bar.set_period(Period.ALL)
    bar.counselor.setCurrentIndex(bar.counselor.findData(ids[COUNSELOR]))
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert view.model.rowCount() > 200  # more than the first page
    row = view.model.rowCount() - 30
    view.table.setCurrentIndex(view.model.index(row, 0))
    selected = view.selected_record_id()
    window.splitter.setSizes([250, 450])
    scrollbar = view.table.verticalScrollBar()
    qtbot.waitUntil(lambda: scrollbar.maximum() > 0)
    scrollbar.setValue(scrollbar.maximum() // 2)  # the selected call is out of sight, further down
    scroll = scrollbar.value()
    assert scroll > 0
    choices, sizes, size = bar.choices(), window.splitter.sizes(), window.size()
    intake = open_call(qtbot, keyboard, window)
    keyboard.fill("1", "1", "y")  # victim, by phone, first contact
    started, seconds = intake.started_at, intake.panel.timer.seconds()
    reading = view.open_record(row)  # a record read over the open call
    assert reading is not None
    qtbot.waitExposed(reading)

    lock(keyboard, controller)
    place = controller.place
    assert place is not None and place.user_id == ids[SUPERVISOR]
    window = unlock(qtbot, controller, login, SUPERVISOR)

    assert controller.place is None
    assert window.intake_area.offer is None  # not asked: the call is simply there
    resumed = window.intake_area.intake
    assert resumed is not None
    assert resumed.started_at == started
    assert resumed.answers() == VICTIM_BY_PHONE
    assert resumed.panel.timer.running and resumed.panel.timer.seconds() >= seconds
    view = window.call_list
    assert view.filters.choices() == choices
    assert view.selected_record_id() == selected
    assert (window.size(), window.splitter.sizes()) == (size, sizes)
    qtbot.waitUntil(lambda: view.table.verticalScrollBar().value() == scroll)
    reading = view.record_dialog
    assert reading is not None and reading.record.id == selected
    qtbot.waitExposed(reading)
    keyboard.wait_focus(reading.text)


def test_a_correction_is_open_again_and_her_place_holds_no_content(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    notes = [marker(), marker()]
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    to_note(keyboard, open_call(qtbot, keyboard, window))
    keyboard.type(notes[0])
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.intake_area.intake is None
    bar = window.call_list.filters
    bar.kind.setCurrentIndex(bar.kind.findData("relative"))
    window.call_list.table.setFocus()
    keyboard.press(Qt.Key.Key_Return)
    reading = window.call_list.record_dialog
    assert reading is not None
    record_id = reading.record.id
    qtbot.waitExposed(reading)
    keyboard.wait_focus(reading.text)
    keyboard.alt(Qt.Key.Key_E)  # Edit
    intake = window.intake_area.intake
    assert intake is not None and intake.record_id == record_id and intake.note is not None
    intake.note.setFocus()
    keyboard.press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    keyboard.type(f" {notes[1]}")

    lock(keyboard, controller)
    place = controller.place
    assert place is not None and place.call_open and place.editing_id == record_id
    assert not [n for n in notes if n in repr(place)]  # ids and choices only
    window = unlock(qtbot, controller, login, COUNSELOR)

    intake = window.intake_area.intake
    assert intake is not None and intake.record_id == record_id
    assert intake.note is not None
    assert intake.note.toPlainText() == f"{notes[0]} {notes[1]}"
    assert window.intake_area.offer is None
    assert window.call_list.filters.kind.currentData() == "relative"
    assert window.call_list.record_dialog is None  # it had given way to the correction


def test_another_user_gets_her_own_window_and_the_call_stays_the_first_ones(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    window.call_list.filters.set_period(Period.ALL)
    open_call(qtbot, keyboard, window)
    keyboard.type("1")
    lock(keyboard, controller)

    window = login(ADMIN, ADMIN_PASSWORD)
    assert controller.place is None  # camille's place is gone, never shown to another
    assert window.intake_area.intake is None and window.intake_area.offer is None
    assert window.call_list.filters.current_period() is Period.TODAY
    lock(keyboard, controller)

    window = unlock(qtbot, controller, login, COUNSELOR)
    # Her call is still hers, offered as after any login, since someone else came between.
    qtbot.waitUntil(lambda: window.intake_area.offer is not None)
    assert window.intake_area.intake is None
    assert window.call_list.filters.current_period() is Period.TODAY
    box = window.intake_area.offer
    assert box is not None
    qtbot.waitUntil(box.isActiveWindow)

    # Locked again with the question unanswered: it is asked again, not taken as a yes.
    lock(keyboard, controller)
    window = unlock(qtbot, controller, login, COUNSELOR)
    qtbot.waitUntil(lambda: window.intake_area.offer is not None)
    assert window.intake_area.intake is None


def test_a_draft_removed_meanwhile_leaves_the_welcome(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    window.call_list.filters.set_period(Period.WEEK)
    open_call(qtbot, keyboard, window)
    keyboard.type("1")
    lock(keyboard, controller)
    with open_vault(controller.data_dir, COUNSELOR, COUNSELOR_PASSWORD, controller.settings) as s:
        assert load_draft(s) is not None
        discard_draft(s)

    window = unlock(qtbot, controller, login, COUNSELOR)
    assert window.intake_area.intake is None and window.intake_area.offer is None
    assert window.call_list.filters.current_period() is Period.WEEK
    keyboard.wait_focus(window.welcome)
