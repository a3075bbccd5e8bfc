"""The Audit trail dialog: for admins only, filters, pages, the altered chain, Export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselor_app import audit, audit_view
from counselor_app.config import Settings
from counselor_app.store.db import transaction
from counselor_app.vault import Session
from tests.ui.audit_driving import WAIT_MS, at, column, make_trail, numbers, show
from tests.ui.call_data import open_as, user_ids
from tests.ui.driving import ADMIN, COUNSELOR, Keyboard
from tests.ui.report_driving import save_as
from ui.audit.dialog import AuditDialog
from ui.audit.model import Column
from ui.call_list.display import to_qdate
from ui.call_list.filters import Period
from ui.main_window import MainWindow


@pytest.fixture
def admin(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_as(vault_dir, ADMIN, settings) as session:
        yield session


@pytest.fixture
def trail(admin: Session) -> dict[str, int]:
    return make_trail(admin)


def mine(dialog: AuditDialog, trail: dict[str, int]) -> list[int]:
    """The numbers shown of the test's own entries (the program may record others)."""
    return [n for n in numbers(dialog) if n in trail.values()]


def test_the_action_is_for_admins_only(
    qtbot: QtBot, admin: Session, supervisor: Session, vault_dir: Path, settings: Settings
) -> None:
    window = MainWindow(admin)
    qtbot.addWidget(window)
    action = window.audit.action
    assert action.isVisible() and action.isEnabled()
    assert action in window.admin_menu.actions()
    assert action.shortcut().toString() == "Ctrl+T"
    assert action.text() == "Audit &trail…"
    with open_as(vault_dir, COUNSELOR, settings) as counselor:
        for session in (supervisor, counselor):
            window = MainWindow(session)
            qtbot.addWidget(window)
            assert not window.audit.action.isVisible()
            assert not window.audit.action.isEnabled()
            assert window.audit.show() is None


def test_the_core_refuses_a_supervisor_even_in_the_dialog(
    qtbot: QtBot, keyboard: Keyboard, supervisor: Session
) -> None:
    dialog = show(qtbot, keyboard, supervisor)
    assert dialog.model.rowCount() == 0
    expected = "Your role (Supervisor) does not allow you to view the audit trail."
    assert dialog.notice.text() == expected
    assert expected in dialog.banner.text()


def test_entries_newest_first_in_words_and_local_time(
    qtbot: QtBot, keyboard: Keyboard, admin: Session, trail: dict[str, int]
) -> None:
    dialog = show(qtbot, keyboard, admin)
    assert mine(dialog, trail) == sorted(trail.values(), reverse=True)
    row = numbers(dialog).index(trail["created"])
    model = dialog.model
    assert model.index(row, Column.TIME).data() == "2024-01-10 23:30:00"
    assert model.index(row, Column.USER).data() == COUNSELOR
    assert model.index(row, Column.ACTION).data() == "Record created"
    assert model.index(row, Column.RECORD).data() == "rec-1"
    assert model.index(row, Column.OUTCOME).data() == "Succeeded"
    spoken = model.index(row, Column.TIME).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith("at 23:30:00") and "2024" in spoken
    detail = model.index(row, Column.DETAIL)
    assert detail.data() == "" and detail.data(Qt.ItemDataRole.ToolTipRole) is None
    assert detail.data(Qt.ItemDataRole.AccessibleTextRole) == "Empty"
    odd = numbers(dialog).index(trail["odd"])
    assert model.index(odd, Column.ACTION).data() == "shredded"  # unknown: as it is
    assert model.index(odd, Column.DETAIL).data() == "=1+1"
    assert dialog.count_label.text() == f"Entries found: {model.rowCount()}"
    assert dialog.chain_label.text() == "Chain of entries: intact"
    assert dialog.banner.text() == ""


def test_filters_change_the_rows(
    qtbot: QtBot, keyboard: Keyboard, admin: Session, trail: dict[str, int]
) -> None:
    dialog = show(qtbot, keyboard, admin)
    filters = dialog.filters
    filters.set_period(Period.CUSTOM)
    filters.start.setDate(to_qdate(date(2024, 1, 11)))
    filters.end.setDate(to_qdate(date(2024, 1, 11)))
    assert numbers(dialog) == [trail["report"], trail["edited"]]  # from local midnight
    assert dialog.count_label.text() == "Entries found: 2"
    filters.start.setDate(to_qdate(date(2024, 1, 1)))
    filters.end.setDate(to_qdate(date(2024, 1, 10)))
    assert numbers(dialog) == [trail["created"], trail["old_login"]]

    # The user, chosen by keyboard: Alt+U, then the counselor's name.
    keyboard.alt(Qt.Key.Key_U)
    keyboard.wait_focus(filters.user)
    keyboard.type(COUNSELOR)
    assert filters.user.currentText() == COUNSELOR
    assert column(dialog, Column.USER) == [COUNSELOR, COUNSELOR]
    filters.set_period(Period.ALL)
    assert mine(dialog, trail) == [trail["edited"], trail["created"], trail["old_login"]]
    assert set(column(dialog, Column.USER)) == {COUNSELOR}

    action = filters.action
    action.setCurrentIndex(action.findData("record_edited"))
    assert action.currentText() == "Record edited"
    assert numbers(dialog) == [trail["edited"]]
    filters.user.setCurrentIndex(0)
    action.setCurrentIndex(action.findData("shredded"))
    assert numbers(dialog) == [trail["odd"]]
    assert dialog.count_label.text() == "Entries found: 1"
    filters.set_period(Period.TODAY)  # 2024-01-15: nothing
    assert dialog.model.rowCount() == 0
    assert dialog.count_label.text() == "Entries found: 0"
    assert not dialog.export_button.isEnabled()


def test_a_long_trail_is_read_a_page_at_a_time(
    qtbot: QtBot, keyboard: Keyboard, admin: Session
) -> None:
    me = admin.user.id
    with transaction(admin.conn):
        for second in range(10_000):
            audit.record(admin.conn, me, "login", now=at(3) + timedelta(seconds=second))
    dialog = show(qtbot, keyboard, admin, page_size=100)
    model = dialog.model
    assert model.rowCount() == 100
    assert model.canFetchMore()
    total = audit_view.count(admin, audit_view.AuditFilter())
    assert dialog.count_label.text() == f"Entries found: {total}"
    dialog.table.setFocus()
    keyboard.press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the last row
    qtbot.waitUntil(lambda: model.rowCount() >= 200)
    assert numbers(dialog) == sorted(numbers(dialog), reverse=True)
    assert len(set(numbers(dialog))) == model.rowCount()


def test_a_changed_entry_shows_the_altered_banner(
    qtbot: QtBot, keyboard: Keyboard, admin: Session, trail: dict[str, int]
) -> None:
    changed = trail["edited"]
    admin.conn.execute("UPDATE audit SET detail = 'nothing to see' WHERE id = ?", (changed,))
    dialog = show(qtbot, keyboard, admin)
    assert dialog.banner.isVisible()
    assert dialog.banner.text().startswith(
        f"The audit trail has been altered from entry {changed} on"
    )
    assert dialog.chain_label.text() == "Chain of entries: altered"
    assert changed in numbers(dialog)  # the entries are still shown


def test_export_through_the_file_dialog(
    qtbot: QtBot,
    keyboard: Keyboard,
    admin: Session,
    trail: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = show(qtbot, keyboard, admin)
    filters = dialog.filters
    filters.user.setCurrentIndex(filters.user.findData(user_ids(admin)[COUNSELOR]))
    filters.set_period(Period.CUSTOM)
    filters.start.setDate(to_qdate(date(2024, 1, 1)))
    target = tmp_path / "trail.csv"
    suggested = save_as(monkeypatch, str(target))
    dialog.export_button.setFocus()
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        keyboard.press(Qt.Key.Key_Space)
    assert Path(suggested[0]).name == "audit-trail-2024-01-15.csv"
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["id", "at", "user", "action", "record_id", "outcome", "detail"]
    assert [int(r[0]) for r in rows[1:]] == [trail["old_login"], trail["created"], trail["edited"]]
    created = at(10, 23, 30).isoformat(timespec="seconds")
    assert rows[2][1:] == [created, COUNSELOR, "record_created", "rec-1", "ok", ""]
    assert dialog.notice.text() == f"3 entries were written to {target}."
    last = audit.entries(admin.conn)[-1]
    assert (last.action, last.user_id) == ("audit_exported", admin.user.id)
    assert last.detail is not None and last.detail.endswith("entries=3")
    # The export is an entry of its own, in the list once the filter lets it in.
    filters.user.setCurrentIndex(0)
    filters.set_period(Period.ALL)
    assert numbers(dialog)[0] == last.id
    assert column(dialog, Column.ACTION)[0] == "Audit trail exported"
    assert filters.action.findData("audit_exported") > 0


def test_a_failed_export_is_told_and_leaves_no_file(
    qtbot: QtBot,
    keyboard: Keyboard,
    admin: Session,
    trail: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = show(qtbot, keyboard, admin)
    target = tmp_path / "out" / "trail.csv"
    target.parent.mkdir()
    save_as(monkeypatch, str(target))

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr("counselor_app.reports.files.os.replace", refuse)
    assert dialog.export() is None
    assert dialog.notice.text() == (
        f"A file could not be read or written: {target} (Permission denied). No file was written."
    )
    assert list(target.parent.iterdir()) == []
    save_as(monkeypatch, str(tmp_path / "missing" / "trail.csv"))
    assert dialog.export() is None
    assert "does not exist" in dialog.notice.text()
    assert dialog.isVisible()
