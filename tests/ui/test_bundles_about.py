"""Help > About names the vault's workstation, and the organisation key of a
consolidation vault: what IT and supervisors compare when a workstation is accepted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.vault import Session, open_vault
from counselor_app.workstation import identity
from tests.integration.bundle_support import Org, consolidation
from tests.ui.driving import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    Keyboard,
    Login,
)
from ui.about_dialog import AboutDialog
from ui.controller import AppController


def _about(qtbot: QtBot, session: Session) -> AboutDialog:
    dialog = AboutDialog(session)
    qtbot.addWidget(dialog)
    return dialog


def test_f1_shows_the_workstation_of_the_open_vault(
    qtbot: QtBot, controller: AppController, login: Login, keyboard: Keyboard
) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    assert controller.session is not None
    expected = f"Workstation: {identity(controller.session.conn).id}"
    keyboard.press(Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None)
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    assert expected in dialog.version_lines()
    assert expected in dialog.versions.toPlainText()
    assert not any(line.startswith("Consolidation") for line in dialog.version_lines())
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_the_workstation_id_has_four_groups_of_four_digits(
    qtbot: QtBot, vault_dir: Path, settings: Settings
) -> None:
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        lines = _about(qtbot, session).version_lines()
    (line,) = [line for line in lines if line.startswith("Workstation: ")]
    groups = line.removeprefix("Workstation: ").split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]


def test_a_consolidation_vault_also_shows_the_organisation_key(
    qtbot: QtBot, tmp_path: Path
) -> None:
    org = Org(tmp_path / "org")
    with consolidation(tmp_path, org) as hub:
        dialog = _about(qtbot, hub)
        lines = dialog.version_lines()
        assert f"Workstation: {identity(hub.conn).id}" in lines
        assert lines[-1] == (f"Consolidation vault; organisation key {org.keys.fingerprint[:16]}")
        assert lines[-1] in dialog.versions.toPlainText()
