"""Importing a file of records through the dialog: results, refusals and Cancel."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselor_app import records
from counselor_app.exchange.jsonl import LineError
from counselor_app.exchange.transfer import ImportRejected, ImportResult, import_file
from counselor_app.privacy.scanner import REDACTION
from counselor_app.store.listing import ListFilter
from counselor_app.store.records import CallRecord
from counselor_app.vault import Session
from tests.ui.call_data import calls, write_jsonl
from tests.ui.driving import Keyboard, gone
from ui.errors import describe
from ui.transfer.import_dialog import ImportDialog, line_list

PHONE_NOTE = "Elle donne son numéro : 06 12 34 56 78."


def made(count: int, seed: int = 11) -> list[CallRecord]:
    return calls(count, ["someone-else"], seed=seed)


def with_note(record: CallRecord, note: str) -> CallRecord:
    return replace(record, answers={**record.answers, "note": note})


def show(qtbot: QtBot, keyboard: Keyboard, opener: Callable[[], Session]) -> ImportDialog:
    dialog = ImportDialog(opener)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    keyboard.wait_focus(dialog.file.edit)
    return dialog


def count(session: Session) -> int:
    return records.list_count(session, ListFilter())


def run_by_keyboard(qtbot: QtBot, keyboard: Keyboard, dialog: ImportDialog, path: Path) -> str:
    keyboard.wait_focus(dialog.file.edit)
    keyboard.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keyboard.type(str(path))
    with qtbot.waitSignal(dialog.completed, timeout=30_000) as done:
        keyboard.press(Qt.Key.Key_Return)
    return str(done.args[0])


def test_import_then_import_again(
    qtbot: QtBot,
    keyboard: Keyboard,
    supervisor: Session,
    opener: Callable[[], Session],
    tmp_path: Path,
) -> None:
    source = made(40)
    substantive = [i for i, r in enumerate(source) if "reason" in r.answers][:3]
    for i in substantive:
        source[i] = with_note(source[i], PHONE_NOTE)
    path = write_jsonl(tmp_path / "calls.jsonl", source)
    dialog = show(qtbot, keyboard, opener)
    assert dialog.mask_notes.isChecked()

    with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
        assert run_by_keyboard(qtbot, keyboard, dialog, path) == "succeeded"
    result = imported.args[0]
    assert isinstance(result, ImportResult)
    assert (result.imported, result.skipped) == (40, 0)
    assert count(supervisor) == 40
    lines = ", ".join(str(i + 1) for i in substantive)
    assert dialog.notice.text() == (
        "Imported: 40. Already in the vault, skipped: 0.\n"
        f"Identifying details were found and masked in the notes on lines {lines}."
    )
    note = records.get(supervisor, source[substantive[0]].id).note
    assert note is not None and REDACTION in note and "06 12" not in note

    # Everything is already there: a second run skips every record.
    keyboard.wait_focus(dialog.close_button)
    with qtbot.waitSignal(dialog.completed, timeout=30_000):
        keyboard.alt(Qt.Key.Key_I)
    assert dialog.notice.text().startswith("Imported: 0. Already in the vault, skipped: 40.")
    assert count(supervisor) == 40


def test_notes_kept_as_they_are_when_asked(
    qtbot: QtBot,
    keyboard: Keyboard,
    supervisor: Session,
    opener: Callable[[], Session],
    tmp_path: Path,
) -> None:
    record = next(r for r in made(10) if "reason" in r.answers)
    path = write_jsonl(tmp_path / "one.jsonl", [with_note(record, PHONE_NOTE)])
    dialog = show(qtbot, keyboard, opener)
    keyboard.alt(Qt.Key.Key_M)
    assert not dialog.mask_notes.isChecked()
    dialog.file.edit.setFocus()
    assert run_by_keyboard(qtbot, keyboard, dialog, path) == "succeeded"
    assert "The notes on lines 1 may hold identifying details" in dialog.notice.text()
    assert records.get(supervisor, record.id).note == PHONE_NOTE


def test_a_bad_line_rejects_the_whole_file(
    qtbot: QtBot,
    keyboard: Keyboard,
    supervisor: Session,
    opener: Callable[[], Session],
    tmp_path: Path,
) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", made(5))
    text = path.read_text(encoding="utf-8").splitlines()
    bad = json.loads(text[2])
    bad["answers"]["call_kind"] = "caller"
    text[2] = json.dumps(bad)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")

    dialog = show(qtbot, keyboard, opener)
    assert run_by_keyboard(qtbot, keyboard, dialog, path) == "failed"
    message = dialog.notice.text()
    assert message.startswith("The file was not imported: line 3, call_kind:")
    assert "Nothing was written to the vault" in message
    assert count(supervisor) == 0
    assert not dialog.progress.isVisible()
    assert dialog.file.edit.isEnabled()
    with pytest.raises(ImportRejected) as caught:
        import_file(supervisor, path)
    assert message == describe(caught.value)


def test_cancel_by_keyboard_imports_nothing(
    qtbot: QtBot,
    keyboard: Keyboard,
    supervisor: Session,
    opener: Callable[[], Session],
    tmp_path: Path,
) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", made(3000))
    dialog = show(qtbot, keyboard, opener)
    keyboard.type(str(path))
    with qtbot.waitSignal(dialog.completed, timeout=60_000) as done:
        keyboard.press(Qt.Key.Key_Return)
        assert dialog.is_running()
        assert dialog.close_button.text() == "&Cancel"
        keyboard.wait_focus(dialog.close_button)
        keyboard.press(Qt.Key.Key_Escape)  # Escape cancels, the dialog stays
        assert dialog.isVisible()
        assert dialog.notice.text() == "Cancelling…"
    assert done.args == ["cancelled"]
    assert dialog.notice.text() == "Cancelled. Nothing was imported."
    assert count(supervisor) == 0
    assert dialog.isVisible()
    assert dialog.close_button.text() == "&Close"

    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))


def test_a_missing_file_is_told_before_running(
    qtbot: QtBot, keyboard: Keyboard, opener: Callable[[], Session], tmp_path: Path
) -> None:
    dialog = show(qtbot, keyboard, opener)
    keyboard.type(str(tmp_path / "nowhere.jsonl"))
    keyboard.press(Qt.Key.Key_Return)
    assert dialog.notice.text() == f"There is no file {tmp_path / 'nowhere.jsonl'}."
    assert dialog.worker is None


def test_long_lists_of_lines_are_shortened() -> None:
    assert line_list([1, 2, 3]) == "1, 2, 3"
    assert line_list(list(range(1, 30))).endswith("20, …")


def test_the_file_changed_message_is_translated_text() -> None:
    error = ImportRejected(Path("x.jsonl"), LineError(2, "id", "expected a UUID as text"))
    assert describe(error) == (
        "The file was not imported: line 2, id: expected a UUID as text. Nothing was written "
        "to the vault; correct the file and import it again."
    )
