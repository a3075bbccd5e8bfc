"""Opening a call from the list with Enter: its answers, Edit within 24 hours, Delete…."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt, QTime
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.errors import RecordNotFound
from counselor_app.forms.catalogue import default_form
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session
from tests.ui.call_data import SUPERVISOR, add_supervisor, hours_ago, open_as, timezone
from tests.ui.driving import COUNSELOR, Keyboard, gone
from ui.call_list.display import display_locale
from ui.call_list.filters import Period
from ui.call_list.record_dialog import RecordDialog
from ui.call_list.view import CallListView

NOTE = "She will call back tomorrow evening."
ANSWERS: dict[str, Any] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "25_34",
    "author_relation": "spouse",
    "violence_types": ["psychological", "physical"],
    "response": ["listening", "rights_info"],
    "has_children": "yes",
    "children_minor_count": 2,
    "note": NOTE,
}
# Newest first in the list: the recent call, then the one saved 25 hours ago.
RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=30)
OLD = RECENT - timedelta(hours=26)


def log_call(session: Session, started: datetime, saved: datetime, **extra: Any) -> str:
    record = records.new_record(
        session,
        started_at=started,
        ended_at=started + timedelta(minutes=12, seconds=5),
        answers={**ANSWERS, **extra},
    )
    return records.create(session, record, now=saved).id


@pytest.fixture
def camille(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    add_supervisor(vault_dir, settings)
    with open_as(vault_dir, COUNSELOR, settings) as session:
        log_call(session, RECENT, saved=hours_ago(0.2))
        log_call(session, OLD, saved=hours_ago(25), children_minor_count=0)
        yield session


@pytest.fixture
def supervisor(camille: Session, vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_as(vault_dir, SUPERVISOR, settings) as session:
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


@pytest.fixture
def paris() -> Iterator[None]:
    with timezone("Europe/Paris"):
        yield


@pytest.mark.usefixtures("paris")
def test_enter_opens_the_record_with_every_answer(
    qtbot: QtBot, keyboard: Keyboard, camille: Session
) -> None:
    view = show(qtbot, keyboard, camille)
    assert view.model.rowCount() == 2
    dialog = open_row(qtbot, keyboard, view, 0)
    text = dialog.text.toPlainText()
    form = default_form()
    for code, value in ANSWERS.items():
        field = form.field(code)
        assert field is not None
        assert field.label.en in text, code
        if field.options:
            for item in value if isinstance(value, list) else [value]:
                option = field.option(item)
                assert option is not None
                assert option.label.en in text, (code, item)
    assert "Who is calling?\nVictim" in text
    assert "Psychological; Physical" in text
    assert NOTE in text
    assert "12:05" in text  # the duration
    assert COUNSELOR in text
    local = RECENT.astimezone(ZoneInfo("Europe/Paris"))
    assert local.hour != RECENT.hour
    locale = display_locale("en")
    shown = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    assert shown.replace("\u202f", " ") in text  # the text view shows spaces as spaces
    assert dialog.text.accessibleName().startswith("Record of the call of ")

    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))
    keyboard.wait_focus(view.table)


def test_a_counselor_may_edit_for_24_hours_only(
    qtbot: QtBot, keyboard: Keyboard, camille: Session
) -> None:
    view = show(qtbot, keyboard, camille)
    recent_id = view.model.record_id(0)
    dialog = open_row(qtbot, keyboard, view, 0)
    assert dialog.edit_button is not None and dialog.edit_button.isVisible()
    assert dialog.delete_button is None
    with qtbot.waitSignal(view.edit_requested) as asked:
        keyboard.alt(Qt.Key.Key_E)
    assert asked.args == [recent_id]
    qtbot.waitUntil(lambda: gone(dialog))

    old = open_row(qtbot, keyboard, view, 1)
    assert not records.may_edit(camille, old.record)
    assert old.edit_button is None
    assert old.delete_button is None
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(old))


def test_a_supervisor_deletes_with_a_reason(
    qtbot: QtBot, keyboard: Keyboard, supervisor: Session
) -> None:
    view = show(qtbot, keyboard, supervisor)
    before = records.list_count(supervisor, ListFilter())
    dialog = open_row(qtbot, keyboard, view, 1)
    record_id = dialog.record.id
    assert dialog.edit_button is not None  # supervisors may always edit
    assert dialog.delete_button is not None
    keyboard.alt(Qt.Key.Key_D)
    asking = dialog.delete_dialog
    assert asking is not None
    qtbot.waitExposed(asking)
    keyboard.wait_focus(asking.reason)

    keyboard.press(Qt.Key.Key_Return)  # no reason yet
    assert asking.notice.text() == "Give a reason."
    assert asking.isVisible()
    assert records.get(supervisor, record_id).id == record_id

    keyboard.type("Test call logged by mistake")
    with qtbot.waitSignal(view.record_deleted) as deleted:
        keyboard.press(Qt.Key.Key_Return)
    assert deleted.args == [record_id]
    qtbot.waitUntil(lambda: gone(asking) and gone(dialog))
    with pytest.raises(RecordNotFound):
        records.get(supervisor, record_id)
    assert records.list_count(supervisor, ListFilter()) == before - 1
    assert view.model.rowCount() == before - 1
    assert view.model.row_of(record_id) is None
    assert view.count_label.text() == f"Calls: {before - 1}"
    last = records.history(supervisor, record_id)[-1]
    assert (last.action, last.reason) == ("delete", "Test call logged by mistake")


def test_refresh_shows_a_new_call_and_keeps_the_selection(
    qtbot: QtBot, keyboard: Keyboard, camille: Session
) -> None:
    view = show(qtbot, keyboard, camille)
    keyboard.press(Qt.Key.Key_Down)
    selected = view.selected_record_id()
    assert selected == view.model.record_id(1)
    new_id = log_call(camille, RECENT + timedelta(minutes=5), saved=datetime.now(UTC))
    view.refresh()
    assert view.model.rowCount() == 3
    assert view.model.record_id(0) == new_id
    assert view.selected_record_id() == selected
    assert view.count_label.text() == "Calls: 3"


def test_a_record_deleted_meanwhile_is_told_not_opened(
    qtbot: QtBot, keyboard: Keyboard, camille: Session, supervisor: Session
) -> None:
    view = show(qtbot, keyboard, camille)
    records.delete(supervisor, view.model.record_id(0), "duplicate")
    assert view.open_record(0) is None
    assert view.notice.text() == "This record does not exist or is not yours to see."
    assert view.model.rowCount() == 1
