"""The Audit trail dialog by keyboard and screen reader, in English and in French."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.vault import Session
from tests.ui.access import mnemonics, unnamed_inputs
from tests.ui.audit_driving import make_trail, numbers, show
from tests.ui.call_data import open_as
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, Keyboard, Login, gone
from ui.audit.dialog import AuditDialog
from ui.audit.model import Column
from ui.call_list.filters import Period
from ui.controller import AppController


@pytest.fixture
def admin(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    with open_as(vault_dir, ADMIN, settings) as session:
        yield session


def _stops(keyboard: Keyboard, first: QWidget) -> list[str]:
    """The object names Tab visits, once round."""
    stops = [first]
    for _ in range(30):
        keyboard.press(Qt.Key.Key_Tab)
        if keyboard.focus() is first:
            break
        if keyboard.focus() is not stops[-1]:
            stops.append(keyboard.focus())
    return [w.objectName() for w in stops]


def test_opened_used_and_closed_by_keyboard_alone(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard, admin: Session
) -> None:
    make_trail(admin)  # entries to export: the Export button is in the round
    window = login(ADMIN, ADMIN_PASSWORD)
    keyboard.press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AuditDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, AuditDialog)
    keyboard.wait_focus(dialog.filters.period)
    qtbot.waitUntil(lambda: dialog.worker is None)
    assert _stops(keyboard, dialog.filters.period) == [
        "period",
        "user",
        "action",
        "audit_entries",
        "export",
        "close",
    ]
    # Chosen dates (the last period) bring the two dates into the round.
    keyboard.press(Qt.Key.Key_End)
    assert dialog.filters.current_period() is Period.CUSTOM
    keyboard.press(Qt.Key.Key_Tab)
    assert keyboard.focus() is dialog.filters.start
    for _ in range(3):  # Tab goes through the parts of a date first
        keyboard.press(Qt.Key.Key_Tab)
        if keyboard.focus() is not dialog.filters.start:
            break
    assert keyboard.focus() is dialog.filters.end
    keyboard.alt(Qt.Key.Key_P)
    keyboard.wait_focus(dialog.filters.period)
    keyboard.press(Qt.Key.Key_Home)
    assert dialog.filters.current_period() is Period.ALL
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_inputs_are_named_and_mnemonics_unique(
    request: pytest.FixtureRequest, qtbot: QtBot, keyboard: Keyboard, admin: Session, language: str
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    dialog = show(qtbot, keyboard, admin, language)
    dialog.filters.set_period(Period.CUSTOM)
    assert unnamed_inputs(dialog) == []
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    assert dialog.table.accessibleName()
    assert dialog.count_label.accessibleName() == dialog.count_label.text()
    assert dialog.chain_label.accessibleName() == dialog.chain_label.text()


@pytest.mark.usefixtures("french")
def test_in_french(qtbot: QtBot, keyboard: Keyboard, admin: Session) -> None:
    trail = make_trail(admin)
    admin.conn.execute("UPDATE audit SET detail = 'x' WHERE id = ?", (trail["report"],))
    dialog = show(qtbot, keyboard, admin, "fr")
    assert dialog.windowTitle() == "Journal d’audit"
    assert dialog.filters.period_label.text() == "&Période\u00a0:"
    assert dialog.filters.period.currentText() == "Toutes les dates"
    assert dialog.filters.user.itemText(0) == "Tous les comptes"
    assert dialog.export_button.text() == "E&xporter…"
    assert dialog.close_button.text() == "&Fermer"
    model = dialog.model
    row = numbers(dialog).index(trail["created"])
    assert model.index(row, Column.ACTION).data() == "Fiche créée"
    assert model.index(row, Column.OUTCOME).data() == "Réussi"
    assert model.headerData(Column.TIME, Qt.Orientation.Horizontal) == "Date et heure"
    odd = numbers(dialog).index(trail["odd"])
    assert model.index(odd, Column.ACTION).data() == "shredded"
    assert dialog.count_label.text() == f"Entrées trouvées\u00a0: {model.rowCount()}"
    assert dialog.banner.text().startswith(
        f"Le journal d’audit a été modifié à partir de l’entrée {trail['report']}"
    )
