"""Legal holds from the window: the record's hold line and button, the list's marker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from counselor_app import accounts, audit, holds, records
from counselor_app.config import Settings
from counselor_app.roles import Role
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session, open_vault
from counselor_app.vault.database import DatabaseError
from tests.ui.call_data import hours_ago, open_as
from tests.ui.driving import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    Keyboard,
    answer_next_box,
    gone,
)
from ui import confirm
from ui.call_list.filters import Period
from ui.call_list.model import HELD_MARKER, CallListModel, Column
from ui.call_list.record_dialog import RecordDialog
from ui.call_list.view import CallListView

# A supervisor whose name is not ASCII: the hold line shows it as it is.
ZOE = "zoé"
ZOE_PASSWORD = "zoé-password-123"
RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=30)
OLDER = RECENT - timedelta(hours=3)
ANSWERS: dict[str, Any] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological"],
    "response": ["listening"],
    "note": "Calls back on Monday.",
}
HOLD_BUTTON_TEXTS = ("Place on legal &hold", "Lift legal &hold")
WHY_NO_DELETE = "This record is on legal hold: lift the hold before deleting it."


def log_call(session: Session, started: datetime) -> str:
    record = records.new_record(
        session,
        started_at=started,
        ended_at=started + timedelta(minutes=7),
        answers=dict(ANSWERS),
    )
    return records.create(session, record, now=hours_ago(0.1)).id


@pytest.fixture
def camille(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    """The counselor, with two calls (the recent one first in the list)."""
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as admin:
        accounts.add_user(admin, ZOE, Role.SUPERVISOR, ZOE_PASSWORD)
    with open_as(vault_dir, COUNSELOR, settings) as session:
        log_call(session, RECENT)
        log_call(session, OLDER)
        yield session


@pytest.fixture
def zoe(camille: Session, vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_vault(vault_dir, ZOE, ZOE_PASSWORD, settings) as session:
        yield session


@pytest.fixture
def admin(camille: Session, vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        yield session


def show(qtbot: QtBot, keyboard: Keyboard, session: Session) -> CallListView:
    view = CallListView(session, "en")
    qtbot.addWidget(view)
    view.filters.set_period(Period.ALL)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.table.setFocus()
    keyboard.wait_focus(view.table)
    return view


def open_row(qtbot: QtBot, keyboard: Keyboard, view: CallListView, row: int) -> RecordDialog:
    keyboard.wait_focus(view.table)
    keyboard.press(Qt.Key.Key_Home)
    for _ in range(row):
        keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Return)
    dialog = view.record_dialog
    assert dialog is not None, "Enter did not open the record"
    qtbot.waitExposed(dialog)
    keyboard.wait_focus(dialog.text)
    return dialog


def hold_entries(session: Session) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.action, e.record_id, e.user_id)
        for e in audit.entries(session.conn)
        if e.action in ("hold_placed", "hold_lifted")
    ]


def test_a_supervisor_places_and_lifts_a_hold_by_keyboard(
    qtbot: QtBot, keyboard: Keyboard, zoe: Session
) -> None:
    view = show(qtbot, keyboard, zoe)
    dialog = open_row(qtbot, keyboard, view, 0)
    record_id = dialog.record.id
    assert dialog.hold_button is not None and dialog.delete_button is not None
    assert dialog.hold_button.text() == "Place on legal &hold"
    assert dialog.hold_button.accessibleName() == "Place on legal hold"
    assert dialog.hold_line.isHidden()
    assert dialog.delete_button.isEnabled()
    assert dialog.delete_button.toolTip() == ""

    with qtbot.waitSignal(dialog.hold_changed) as changed:
        keyboard.alt(Qt.Key.Key_H)
    assert changed.args == [record_id, True]
    assert holds.is_held(zoe.conn, record_id)
    assert dialog.held
    # The list behind shows the mark at once, the whole date still readable.
    date = view.model.index(0, Column.STARTED)
    assert date.data().startswith(HELD_MARKER)
    width = view.table.fontMetrics().horizontalAdvance(date.data())
    assert view.table.columnWidth(Column.STARTED) > width
    line = dialog.hold_line.text()
    assert line.startswith("On legal hold since ")
    assert line.endswith(f"(placed by {ZOE})")
    assert dialog.hold_line.isVisible()
    assert dialog.text.accessibleDescription() == line
    assert dialog.notice.text() == "The record is on legal hold."
    assert dialog.hold_button.text() == "Lift legal &hold"
    assert dialog.hold_button.accessibleName() == "Lift legal hold"
    assert not dialog.delete_button.isEnabled()
    assert dialog.edit_button is not None and not dialog.edit_button.isEnabled()
    assert "before changing it" in dialog.edit_button.toolTip()
    assert dialog.delete_button.toolTip() == WHY_NO_DELETE
    assert dialog.delete_button.accessibleDescription() == WHY_NO_DELETE
    keyboard.wait_focus(dialog.hold_button)
    zoe_id = zoe.user.id
    assert hold_entries(zoe) == [("hold_placed", record_id, zoe_id)]

    # Lifting asks first; Alt+L answers "Lift the hold".
    seen = answer_next_box(
        lambda box: QTest.keyClick(box, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    )
    with qtbot.waitSignal(dialog.hold_changed) as changed:
        keyboard.alt(Qt.Key.Key_H)
    assert len(seen) == 1 and "Lift the legal hold on the record of the call of" in seen[0]
    assert changed.args == [record_id, False]
    assert not holds.is_held(zoe.conn, record_id)
    assert not dialog.held
    assert dialog.hold_line.isHidden()
    assert dialog.text.accessibleDescription() == ""
    assert dialog.notice.text() == "The legal hold was lifted."
    assert dialog.hold_button.text() == "Place on legal &hold"
    assert dialog.delete_button.isEnabled()
    assert dialog.delete_button.toolTip() == ""
    assert hold_entries(zoe) == [
        ("hold_placed", record_id, zoe_id),
        ("hold_lifted", record_id, zoe_id),
    ]
    keyboard.wait_focus(dialog.hold_button)

    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))


def test_lifting_is_cancelled_by_default(qtbot: QtBot, keyboard: Keyboard, zoe: Session) -> None:
    view = show(qtbot, keyboard, zoe)
    record_id = view.model.record_id(0)
    holds.place(zoe, record_id)
    dialog = open_row(qtbot, keyboard, view, 0)
    assert dialog.hold_button is not None
    assert dialog.hold_button.text() == "Lift legal &hold"
    emitted: list[Any] = []
    dialog.hold_changed.connect(lambda *args: emitted.append(args))

    def check_and_escape(box: QMessageBox) -> None:
        assert box.defaultButton() is box.escapeButton()
        QTest.keyClick(box, Qt.Key.Key_Escape)

    seen = answer_next_box(check_and_escape)
    keyboard.alt(Qt.Key.Key_H)
    qtbot.waitUntil(lambda: len(seen) == 1)
    keyboard.wait_focus(dialog.hold_button)
    assert holds.is_held(zoe.conn, record_id)
    assert dialog.held and dialog.hold_line.isVisible()
    assert dialog.hold_button.text() == "Lift legal &hold"
    assert emitted == []
    assert [action for action, _, _ in hold_entries(zoe)] == ["hold_placed"]


def test_declining_through_the_helper_changes_nothing(
    qtbot: QtBot, keyboard: Keyboard, zoe: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def decline(parent: Any, title: str, text: str, action: str) -> bool:
        asked.append(action)
        return False

    monkeypatch.setattr(confirm, "ask", decline)
    view = show(qtbot, keyboard, zoe)
    record_id = view.model.record_id(1)
    holds.place(zoe, record_id)
    dialog = open_row(qtbot, keyboard, view, 1)
    dialog.toggle_hold()
    assert asked == ["&Lift the hold"]
    assert holds.is_held(zoe.conn, record_id)


def test_a_held_record_cannot_be_deleted(qtbot: QtBot, keyboard: Keyboard, zoe: Session) -> None:
    view = show(qtbot, keyboard, zoe)
    record_id = view.model.record_id(1)
    holds.place(zoe, record_id)
    dialog = open_row(qtbot, keyboard, view, 1)
    assert dialog.delete_button is not None
    assert not dialog.delete_button.isEnabled()
    assert dialog.delete_button.toolTip() == WHY_NO_DELETE
    keyboard.alt(Qt.Key.Key_D)
    assert dialog.delete_dialog is None
    assert records.get(zoe, record_id).id == record_id


def test_a_hold_placed_while_deleting_refuses_the_deletion(
    qtbot: QtBot, keyboard: Keyboard, zoe: Session, admin: Session
) -> None:
    view = show(qtbot, keyboard, zoe)
    dialog = open_row(qtbot, keyboard, view, 0)
    keyboard.alt(Qt.Key.Key_D)
    asking = dialog.delete_dialog
    assert asking is not None
    qtbot.waitExposed(asking)
    keyboard.wait_focus(asking.reason)
    holds.place(admin, dialog.record.id)  # from another workstation
    keyboard.type("Logged twice")
    keyboard.press(Qt.Key.Key_Return)
    assert asking.notice.text().startswith("This record is on legal hold")
    assert records.get(zoe, dialog.record.id).id == dialog.record.id

    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(asking))
    assert dialog.held
    assert dialog.hold_line.text().endswith(f"(placed by {ADMIN})")
    assert dialog.delete_button is not None and not dialog.delete_button.isEnabled()


def test_the_counselor_sees_the_hold_but_no_button(
    qtbot: QtBot, keyboard: Keyboard, camille: Session, zoe: Session
) -> None:
    view = show(qtbot, keyboard, camille)
    record_id = view.model.record_id(0)
    holds.place(zoe, record_id)
    view.refresh()
    assert view.model.index(0, Column.STARTED).data().startswith(HELD_MARKER)
    dialog = open_row(qtbot, keyboard, view, 0)
    assert dialog.hold_button is None
    assert dialog.delete_button is None
    assert dialog.held
    assert dialog.hold_line.isVisible()
    assert dialog.hold_line.text().endswith(f"(placed by {ZOE})")
    assert not any(b.text() in HOLD_BUTTON_TEXTS for b in dialog.findChildren(QPushButton))

    other = view.model.record_id(1)
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))
    unheld = open_row(qtbot, keyboard, view, 1)
    assert unheld.record.id == other
    assert not unheld.held
    assert unheld.hold_line.isHidden()
    assert unheld.hold_line.text() == ""


def test_an_admin_may_place_a_hold(qtbot: QtBot, keyboard: Keyboard, admin: Session) -> None:
    view = show(qtbot, keyboard, admin)
    dialog = open_row(qtbot, keyboard, view, 0)
    assert dialog.hold_button is not None
    keyboard.alt(Qt.Key.Key_H)
    assert holds.is_held(admin.conn, dialog.record.id)
    assert dialog.hold_line.text().endswith(f"(placed by {ADMIN})")


def test_a_hold_placed_meanwhile_is_shown_after_the_click(
    qtbot: QtBot, keyboard: Keyboard, zoe: Session, admin: Session
) -> None:
    view = show(qtbot, keyboard, zoe)
    dialog = open_row(qtbot, keyboard, view, 0)
    holds.place(admin, dialog.record.id)  # from another workstation
    with qtbot.waitSignal(dialog.hold_changed) as changed:
        keyboard.alt(Qt.Key.Key_H)
    assert changed.args == [dialog.record.id, True]
    assert dialog.hold_line.text().endswith(f"(placed by {ADMIN})")
    assert [action for action, _, _ in hold_entries(zoe)] == ["hold_placed"]


def test_a_record_deleted_meanwhile_is_told_not_raised(
    qtbot: QtBot, keyboard: Keyboard, zoe: Session, admin: Session
) -> None:
    view = show(qtbot, keyboard, zoe)
    dialog = open_row(qtbot, keyboard, view, 0)
    emitted: list[Any] = []
    dialog.hold_changed.connect(lambda *args: emitted.append(args))
    records.delete(admin, dialog.record.id, "duplicate")
    keyboard.alt(Qt.Key.Key_H)
    assert dialog.notice.text() == "This record does not exist or is not yours to see."
    assert emitted == []
    assert not dialog.held
    assert dialog.isVisible()
    keyboard.wait_focus(dialog.hold_button)


def test_a_database_failure_is_told_not_raised(
    qtbot: QtBot, keyboard: Keyboard, zoe: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(session: Session, record_id: str) -> bool:
        raise DatabaseError("disk I/O error")

    view = show(qtbot, keyboard, zoe)
    dialog = open_row(qtbot, keyboard, view, 0)
    monkeypatch.setattr(holds, "place", broken)
    keyboard.alt(Qt.Key.Key_H)
    assert dialog.notice.text().startswith("The vault database could not be read or written")
    assert not holds.is_held(zoe.conn, dialog.record.id)
    assert dialog.hold_button is not None
    assert dialog.hold_button.text() == "Place on legal &hold"


def test_the_list_marks_held_calls(qtbot: QtBot, zoe: Session) -> None:
    held_id = records.list_page(zoe, ListFilter(), after=None, limit=10)[1].id
    holds.place(zoe, held_id)
    model = CallListModel(zoe, "en", filters=ListFilter())
    held = model.row_of(held_id)
    assert held == 1
    free = 0
    assert model.list_row(held).held and not model.list_row(free).held

    date = model.index(held, Column.STARTED)
    assert date.data().startswith(f"{HELD_MARKER} ")
    assert date.data(Qt.ItemDataRole.ToolTipRole).endswith("\nOn legal hold")
    assert date.data(Qt.ItemDataRole.AccessibleTextRole).endswith(", on legal hold")
    plain = model.index(free, Column.STARTED)
    assert HELD_MARKER not in plain.data()
    assert "legal hold" not in plain.data(Qt.ItemDataRole.ToolTipRole)
    assert "legal hold" not in plain.data(Qt.ItemDataRole.AccessibleTextRole)
    # The other columns read as before.
    assert HELD_MARKER not in model.index(held, Column.COUNSELOR).data()

    # A change told by the record's window shows at once, without reading again.
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_held(held_id, False)
    assert changed.args[0].row() == held and changed.args[1].row() == held
    assert HELD_MARKER not in model.index(held, Column.STARTED).data()
    model.set_held(model.record_id(free), True)
    assert model.index(free, Column.STARTED).data().startswith(HELD_MARKER)
    model.set_held("no-such-record", True)  # not loaded: nothing to show


@pytest.mark.usefixtures("french")
def test_the_list_marker_in_french(qtbot: QtBot, zoe: Session) -> None:
    held_id = records.list_page(zoe, ListFilter(), after=None, limit=10)[0].id
    holds.place(zoe, held_id)
    model = CallListModel(zoe, "fr", filters=ListFilter())
    assert model.index(0, Column.STARTED).data().startswith(f"{HELD_MARKER} ")
    assert HELD_MARKER not in model.index(1, Column.STARTED).data()
