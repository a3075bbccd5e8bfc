"""Import bundles… in the Workstations dialog: a workstation not known yet is accepted
only if the supervisor says so, once; a summary tells what each file became."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counselor_app.vault import Session
from tests.integration.bundle_support import Org
from tests.ui.bundle_driving import message_boxes, open_files
from tests.ui.bundle_hub import (
    ONE_CALLS,
    SUPERVISOR,
    TWO_CALLS,
    Sent,
    open_hub,
    record_count,
    rows,
    run_import,
    send_bundles,
    show_dialog,
)
from ui.bundles.messages import grouped
from ui.bundles.workstations import WorkstationsDialog
from ui.main_window import MainWindow


@pytest.fixture
def org(tmp_path: Path) -> Org:
    return Org(tmp_path / "org")


@pytest.fixture
def hub(tmp_path: Path, org: Org) -> Iterator[Session]:
    with open_hub(tmp_path, org) as session:
        yield session


@pytest.fixture
def dialog(qtbot: QtBot, hub: Session) -> WorkstationsDialog:
    return show_dialog(qtbot, hub)


@pytest.fixture
def sent(tmp_path: Path, org: Org) -> Sent:
    return send_bundles(tmp_path, org)


def test_accepting_a_new_workstation_imports_its_bundle_and_lists_it(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    hub: Session,
    sent: Sent,
    dialog: WorkstationsDialog,
) -> None:
    boxes = message_boxes(monkeypatch, answer=True)
    folders = open_files(monkeypatch, [sent.one_first])
    assert dialog.model.rowCount() == 0
    run_import(qtbot, dialog)

    assert len(folders) == 1
    (question,) = boxes.texts("question")
    assert f"Workstation: {sent.one}" in question
    assert grouped(sent.one_key) in question
    assert len(grouped(sent.one_key).replace(" ", "").replace("\n", "")) == 64
    assert f"Records in its bundle: {ONE_CALLS}" in question
    ((_kind, title, _text),) = boxes.shown
    assert title == "Accept a new workstation?"

    assert record_count(hub) == ONE_CALLS
    ((ws, accepted_on, accepted_by, last, last_date, records),) = rows(dialog)
    assert (ws, accepted_by, last, records) == (sent.one, SUPERVISOR, "1", str(ONE_CALLS))
    assert len(accepted_on) == len(last_date) == len("2026-03-04")
    assert dialog.summary.isVisible()
    assert dialog.summary.toPlainText() == (
        f"one-1.cabundle: bundle 1 of workstation {sent.one} imported: {ONE_CALLS} added, "
        "0 replaced, 0 unchanged, 0 on legal hold left as they were. "
        "The workstation was accepted."
    )
    assert dialog.notice.text() == "Files imported: 1 of 1."
    assert dialog.import_button.isEnabled() and dialog.close_button.text() == "&Close"


def test_refusing_imports_nothing_and_shows_the_refusal(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    hub: Session,
    sent: Sent,
    dialog: WorkstationsDialog,
) -> None:
    boxes = message_boxes(monkeypatch, answer=False)
    open_files(monkeypatch, [sent.one_first])
    run_import(qtbot, dialog)

    assert len(boxes.texts("question")) == 1
    assert record_count(hub) == 0
    assert dialog.model.rowCount() == 0
    summary = dialog.summary.toPlainText()
    assert summary.startswith("one-1.cabundle: not imported. This bundle comes from workstation ")
    assert sent.one in summary and "was not accepted" in summary
    assert dialog.notice.text() == "Files imported: 0 of 1."


def test_asked_once_a_workstation_and_its_bundles_imported_in_order(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    hub: Session,
    sent: Sent,
    dialog: WorkstationsDialog,
) -> None:
    boxes = message_boxes(monkeypatch, answer=True)
    # Chosen out of order: the second bundle of "one" before its first.
    open_files(monkeypatch, [sent.one_second, sent.two_first, sent.one_first])
    run_import(qtbot, dialog)

    questions = boxes.texts("question")
    assert len(questions) == 2
    assert f"Workstation: {sent.one}" in questions[0]
    assert "Records in its 2 bundles: " in questions[0]
    assert f"Workstation: {sent.two}" in questions[1]
    lines = dialog.summary.toPlainText().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "one-2.cabundle",
        "two-1.cabundle",
        "one-1.cabundle",
    ]
    assert all(" imported: " in line for line in lines)
    listed = {row[0]: row for row in rows(dialog)}
    assert listed[sent.one][3] == "2" and listed[sent.one][5] == str(ONE_CALLS)
    assert listed[sent.two][3] == "1" and listed[sent.two][5] == str(TWO_CALLS)
    assert dialog.notice.text() == "Files imported: 3 of 3."


def test_a_known_workstation_is_not_asked_about_again(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    hub: Session,
    sent: Sent,
    dialog: WorkstationsDialog,
) -> None:
    boxes = message_boxes(monkeypatch, answer=True)
    open_files(monkeypatch, [sent.one_first])
    run_import(qtbot, dialog)
    boxes.shown.clear()
    open_files(monkeypatch, [sent.one_second, sent.one_first])
    run_import(qtbot, dialog)

    assert boxes.texts("question") == []
    lines = dialog.summary.toPlainText().splitlines()
    assert lines[0].startswith(f"one-2.cabundle: bundle 2 of workstation {sent.one} imported: ")
    assert lines[0].endswith("left as they were.")  # accepted before, not now
    assert lines[1].startswith("one-1.cabundle: not imported. This is bundle 1 of its workstation")
    assert dialog.notice.text() == "Files imported: 1 of 2."
    assert rows(dialog)[0][3] == "2"


def test_a_file_that_is_not_a_bundle_is_refused_with_its_reason(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hub: Session,
    sent: Sent,
    dialog: WorkstationsDialog,
) -> None:
    boxes = message_boxes(monkeypatch, answer=True)
    junk = tmp_path / "sent" / "notes.cabundle"
    junk.write_text("not a bundle", encoding="utf-8")
    open_files(monkeypatch, [junk, sent.two_first])
    run_import(qtbot, dialog)

    assert len(boxes.texts("question")) == 1
    assert dialog.summary.toPlainText().splitlines() == [
        "notes.cabundle: not imported. This file is not a counselor-app bundle.",
        f"two-1.cabundle: bundle 1 of workstation {sent.two} imported: {TWO_CALLS} added, "
        "0 replaced, 0 unchanged, 0 on legal hold left as they were. "
        "The workstation was accepted.",
    ]
    assert record_count(hub) == TWO_CALLS


def test_choosing_no_file_does_nothing(
    monkeypatch: pytest.MonkeyPatch, dialog: WorkstationsDialog
) -> None:
    boxes = message_boxes(monkeypatch, answer=True)
    open_files(monkeypatch, [])
    assert dialog.import_files() is None
    assert boxes.shown == []
    assert not dialog.summary.isVisible()


def test_the_window_hears_of_an_import(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, hub: Session, sent: Sent
) -> None:
    message_boxes(monkeypatch, answer=True)
    open_files(monkeypatch, [sent.two_first])
    window = MainWindow(hub)
    qtbot.addWidget(window)
    dialog = window.bundles.show_workstations()
    assert dialog is not None
    with qtbot.waitSignal(window.bundles.imported, timeout=20_000):
        dialog.import_files()
    assert record_count(hub) == TWO_CALLS
    window.discard()
