"""Exporting records through the dialog: a file, a period, notes or not, in the background."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.periods import period_bounds
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session
from tests.ui.call_data import (
    SUPERVISOR,
    add_supervisor,
    calls,
    insert,
    open_as,
    user_ids,
)
from tests.ui.driving import ADMIN, COUNSELOR, Keyboard, gone
from ui import confirm
from ui.transfer.export_dialog import ExportDialog

COUNT = 300
TODAY = date.today()
NOTE = "Rappeler mardi."


@pytest.fixture
def session(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    add_supervisor(vault_dir, settings)
    with open_as(vault_dir, ADMIN, settings) as admin:
        ids = user_ids(admin)
        made = calls(COUNT, [ids[ADMIN], ids[COUNSELOR]], days=90)
        made = [
            replace(r, answers={**r.answers, "note": NOTE}) if "reason" in r.answers else r
            for r in made
        ]
        insert(admin, made)
        yield admin


def factory(vault_dir: Path, settings: Settings, name: str) -> Callable[[], Session]:
    return lambda: open_as(vault_dir, name, settings)


def show(qtbot: QtBot, keyboard: Keyboard, opener: Callable[[], Session]) -> ExportDialog:
    dialog = ExportDialog(opener)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    keyboard.wait_focus(dialog.file.edit)
    return dialog


def whole_quarter(dialog: ExportDialog) -> tuple[date, date]:
    first = date.fromordinal(TODAY.toordinal() - 120)
    dialog.start.setDate(QDate(first.year, first.month, first.day))
    return first, TODAY


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_to_a_file_chosen_with_browse(
    qtbot: QtBot,
    keyboard: Keyboard,
    session: Session,
    vault_dir: Path,
    settings: Settings,
    tmp_path: Path,
) -> None:
    dialog = show(qtbot, keyboard, factory(vault_dir, settings, SUPERVISOR))
    first, last = whole_quarter(dialog)
    out = tmp_path / "out"
    out.mkdir()
    dialog.file.folder = out

    # Not keyboard.alt: the file dialog shows its view mode as a button held down.
    keyboard.press(Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.file.browser is not None)
    browser = dialog.file.browser
    assert isinstance(browser, QFileDialog)
    qtbot.waitExposed(browser)
    name_field = browser.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name_field, QLineEdit)
    keyboard.wait_focus(name_field)
    keyboard.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keyboard.type("march")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(browser))
    keyboard.wait_focus(dialog.file.edit)
    target = out / "march.jsonl"
    assert dialog.file.text() == str(target)

    with qtbot.waitSignal(dialog.completed, timeout=20_000) as done:
        keyboard.alt(Qt.Key.Key_E)
    assert done.args == ["succeeded"]
    low, high = period_bounds(first, last)
    expected = records.list_count(session, ListFilter(start=low, end=high))
    assert expected > 0
    exported = lines(target)
    assert len(exported) == expected
    assert not any("note" in line["answers"] for line in exported)  # type: ignore[operator]
    assert dialog.notice.text() == f"{expected} records were written to {target}."
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.close_button.text() == "&Close"
    assert [p.name for p in out.iterdir()] == ["march.jsonl"]

    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))


def test_notes_only_when_asked(
    qtbot: QtBot,
    keyboard: Keyboard,
    session: Session,
    vault_dir: Path,
    settings: Settings,
    tmp_path: Path,
) -> None:
    dialog = show(qtbot, keyboard, factory(vault_dir, settings, ADMIN))
    whole_quarter(dialog)
    target = tmp_path / "with-notes.jsonl"
    keyboard.type(str(target))
    keyboard.alt(Qt.Key.Key_N)
    assert dialog.with_notes.isChecked()
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as exported:
        keyboard.alt(Qt.Key.Key_E)
    qtbot.waitUntil(lambda: not dialog.is_running())
    count = exported.args[0]
    assert count == len(lines(target)) > 0
    assert any(line["answers"].get("note") == NOTE for line in lines(target))  # type: ignore[attr-defined]
    assert "The notes are in it" in dialog.notice.text()


def test_a_counselor_may_not_export(
    qtbot: QtBot,
    keyboard: Keyboard,
    session: Session,
    vault_dir: Path,
    settings: Settings,
    tmp_path: Path,
) -> None:
    dialog = show(qtbot, keyboard, factory(vault_dir, settings, COUNSELOR))
    target = tmp_path / "mine.jsonl"
    keyboard.type(str(target))
    with qtbot.waitSignal(dialog.completed, timeout=20_000) as done:
        keyboard.press(Qt.Key.Key_Return)
    assert done.args == ["failed"]
    assert dialog.notice.text() == (
        "Your role (Counselor) does not allow you to see and change every counselor's records."
    )
    assert not target.exists()
    assert list(tmp_path.glob("*mine*")) == []


def test_the_file_is_checked_before_anything_runs(
    qtbot: QtBot,
    keyboard: Keyboard,
    session: Session,
    vault_dir: Path,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = show(qtbot, keyboard, factory(vault_dir, settings, ADMIN))
    keyboard.press(Qt.Key.Key_Return)
    assert dialog.notice.text() == "Choose where to save the file (a full path, or Browse…)."
    assert dialog.worker is None
    keyboard.wait_focus(dialog.file.edit)

    keyboard.type(str(tmp_path / "missing" / "calls.jsonl"))
    keyboard.press(Qt.Key.Key_Return)
    assert dialog.notice.text() == f"The folder {tmp_path / 'missing'} does not exist."

    existing = tmp_path / "kept.jsonl"
    existing.write_text("precious\n", encoding="utf-8")
    asked: list[str] = []

    def refuse(parent: QWidget, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(confirm, "ask", refuse)
    dialog.file.edit.setText(str(existing))
    keyboard.press(Qt.Key.Key_Return)
    assert asked == [f"{existing} already exists. Replace it?"]
    assert dialog.notice.text() == "Choose another file name."
    assert existing.read_text(encoding="utf-8") == "precious\n"
    assert dialog.worker is None
