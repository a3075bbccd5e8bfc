"""The import and export dialogs, by keyboard and screen reader, in English and French."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.vault import Session
from tests.ui.access import mnemonics, unnamed_inputs
from tests.ui.call_data import SUPERVISOR, add_supervisor, open_as
from tests.ui.driving import Keyboard
from ui.transfer.export_dialog import ExportDialog
from ui.transfer.import_dialog import ImportDialog
from ui.transfer.transfer_dialog import TransferDialog

Opener = Callable[[], Session]
DIALOGS: dict[str, Callable[[Opener], TransferDialog]] = {
    "export": ExportDialog,
    "import": ImportDialog,
}


@pytest.fixture
def opener(vault_dir: Path, settings: Settings) -> Opener:
    add_supervisor(vault_dir, settings)
    return lambda: open_as(vault_dir, SUPERVISOR, settings)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_inputs_are_named_and_mnemonics_unique(
    request: pytest.FixtureRequest, qtbot: QtBot, opener: Opener, name: str, language: str
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    dialog = DIALOGS[name](opener)
    qtbot.addWidget(dialog)
    assert unnamed_inputs(dialog) == []
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    dialog.close_button.setText(dialog.tr("&Cancel"))  # the label while it runs
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_tab_goes_through_the_fields_then_the_buttons(
    qtbot: QtBot, keyboard: Keyboard, opener: Opener, name: str
) -> None:
    dialog = DIALOGS[name](opener)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    first = keyboard.focus()
    stops = [first]
    for _ in range(20):
        keyboard.press(Qt.Key.Key_Tab)
        if keyboard.focus() is first:
            break
        if keyboard.focus() is not stops[-1]:
            stops.append(keyboard.focus())
    names = [w.objectName() for w in stops]
    assert names[-2:] == ["run", "close"]
    assert names[0].endswith("_file") and names[1].endswith("_file_browse")
