"""File > Send records to the organisation…: a bundle the consolidation vault imports,
offered on a workstation's vault only, and explained when no organisation key is set."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.exchange.bundle_export import default_name
from counselor_app.exchange.consolidation import import_bundles
from counselor_app.exchange.training import create_training_vault
from counselor_app.vault import Session, create_vault, open_vault
from counselor_app.workstation import identity
from tests.integration.bundle_support import Org, consolidation, log_calls
from tests.ui.bundle_driving import message_boxes, save_as, settings_with_key
from tests.ui.driving import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Keyboard, Login
from ui.bundles.send import SendBundleAction
from ui.main_window import MainWindow

CALLS = 3


@pytest.fixture
def org(tmp_path: Path) -> Org:
    return Org(tmp_path / "org")


@pytest.fixture
def settings(org: Org) -> Settings:
    """This module's vaults are workstations of an organisation whose key IT has set."""
    return settings_with_key(org)


@pytest.fixture
def logged(vault_dir: Path, settings: Settings) -> str:
    """Calls logged by the counselor; the workstation's id."""
    with open_vault(vault_dir, COUNSELOR, COUNSELOR_PASSWORD, settings) as session:
        log_calls(session, CALLS)
        return identity(session.conn).id


def _window(qtbot: QtBot, session: Session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _wait_for_box(qtbot: QtBot, send: SendBundleAction, boxes: Sequence[object]) -> None:
    qtbot.waitUntil(lambda: bool(boxes) and send.worker is None, timeout=20_000)


def test_every_role_finds_it_in_the_file_menu(login: Login) -> None:
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    action = window.bundles.send.action
    assert action in window.file_menu.actions()
    assert action.isVisible() and action.isEnabled()
    assert action.text() == "&Send records to the organisation…"
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    assert "organisation" in action.toolTip()
    assert window.bundles.workstations_action not in window.file_menu.actions()


def test_ctrl_shift_e_writes_a_bundle_the_consolidation_vault_imports(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    org: Org,
    logged: str,
    login: Login,
    keyboard: Keyboard,
) -> None:
    boxes = message_boxes(monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    suggested = save_as(monkeypatch, out / "week")  # typed without its ending
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    send = window.bundles.send

    keyboard.press(
        Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    _wait_for_box(qtbot, send, boxes.shown)

    assert [Path(s).name for s in suggested] == [f"{logged}-00001.cabundle"]
    written = out / "week.cabundle"
    assert written.is_file()
    assert boxes.texts("warning") == []
    (text,) = boxes.texts("information")
    assert text.startswith(
        f"{CALLS} records went into bundle 1, encrypted for the organisation key "
        f"{org.keys.fingerprint[:16]}.\n"
    )
    assert str(written) in text
    assert window.statusBar().currentMessage() == "Bundle 1 written."
    assert send.action.isEnabled()
    assert send.folder == out  # the next bundle is suggested beside this one

    with consolidation(tmp_path, org) as hub:
        (outcome,) = import_bundles(hub, [written], accept={logged})
    assert outcome.imported is not None
    assert (outcome.imported.workstation, outcome.imported.sequence) == (logged, 1)
    assert outcome.imported.added == CALLS


def test_the_next_bundle_follows_the_last(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    vault_dir: Path,
    settings: Settings,
    logged: str,
) -> None:
    boxes = message_boxes(monkeypatch)
    with open_vault(vault_dir, COUNSELOR, COUNSELOR_PASSWORD, settings) as session:
        window = _window(qtbot, session)
        send = window.bundles.send
        save_as(monkeypatch, tmp_path / "first.cabundle")
        send.action.trigger()
        _wait_for_box(qtbot, send, boxes.shown)
        assert default_name(session) == f"{logged}-00002.cabundle"
        boxes.shown.clear()
        suggested = save_as(monkeypatch, tmp_path / "second.cabundle")
        send.action.trigger()
        _wait_for_box(qtbot, send, boxes.shown)
        window.discard()
    assert suggested == [str(tmp_path / f"{logged}-00002.cabundle")]
    (text,) = boxes.texts("information")
    # Records changed in the second the first bundle was made go again (the hub keeps
    # one copy): the count is the core's business, the number is what follows here.
    assert " records went into bundle 2, encrypted for the organisation key " in text


def test_alt_f_then_s_opens_it_and_cancelling_writes_nothing(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    login: Login,
    keyboard: Keyboard,
) -> None:
    boxes = message_boxes(monkeypatch)
    suggested = save_as(monkeypatch, None)
    window = login(COUNSELOR, COUNSELOR_PASSWORD)
    keyboard.press(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu is window.file_menu
    QTest.keyClick(menu, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: len(suggested) == 1)
    assert window.bundles.send.worker is None
    assert boxes.shown == []
    assert not list(tmp_path.rglob("*.cabundle"))


def test_an_existing_file_is_never_replaced(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    vault_dir: Path,
    settings: Settings,
    logged: str,
) -> None:
    boxes = message_boxes(monkeypatch)
    there = tmp_path / "there.cabundle"
    there.write_bytes(b"keep me")
    save_as(monkeypatch, there)
    with open_vault(vault_dir, COUNSELOR, COUNSELOR_PASSWORD, settings) as session:
        window = _window(qtbot, session)
        window.bundles.send.action.trigger()
        _wait_for_box(qtbot, window.bundles.send, boxes.shown)
        assert default_name(session) == f"{logged}-00001.cabundle"  # nothing was sent
        window.discard()
    (text,) = boxes.texts("warning")
    assert text == (
        f"{there} already exists: a bundle never replaces a file. Choose another file name."
    )
    assert there.read_bytes() == b"keep me"


def test_without_an_organisation_key_it_says_that_it_must_set_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = message_boxes(monkeypatch)
    suggested = save_as(monkeypatch, tmp_path / "never.cabundle")
    unset = settings_with_key(None)
    with create_vault(tmp_path / "plain", ADMIN, ADMIN_PASSWORD, unset) as session:
        window = _window(qtbot, session)
        action = window.bundles.send.action
        assert action in window.file_menu.actions() and action.isEnabled()
        assert window.bundles.send.start() is None
        window.discard()
    assert suggested == []
    (text,) = boxes.texts("warning")
    assert "IT must set supervisor_public_key" in text
    assert not (tmp_path / "never.cabundle").exists()


def test_not_offered_in_a_consolidation_vault(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, org: Org
) -> None:
    suggested = save_as(monkeypatch, tmp_path / "never.cabundle")
    with consolidation(tmp_path, org) as hub:
        window = _window(qtbot, hub)
        send = window.bundles.send.action
        assert send not in window.file_menu.actions()
        assert not send.isVisible() and not send.isEnabled()
        assert window.bundles.workstations_action in window.file_menu.actions()
        window.activateWindow()
        QTest.keyClick(
            window,
            Qt.Key.Key_E,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert window.bundles.send.start() is None
        window.discard()
    assert suggested == []


def test_not_offered_in_a_training_vault(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    suggested = save_as(monkeypatch, tmp_path / "never.cabundle")
    session = create_training_vault(
        tmp_path / "training", "trainer", ADMIN_PASSWORD, settings, calls=5, seed=2
    )
    with session:
        window = _window(qtbot, session)
        send = window.bundles.send.action
        assert send not in window.file_menu.actions()
        assert not send.isVisible() and not send.isEnabled()
        assert window.bundles.workstations_action not in window.file_menu.actions()
        assert window.bundles.send.start() is None
        window.discard()
    assert suggested == []


def test_locking_while_a_bundle_is_written_shows_no_message(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    vault_dir: Path,
    settings: Settings,
    logged: str,
) -> None:
    boxes = message_boxes(monkeypatch)
    save_as(monkeypatch, tmp_path / "late.cabundle")
    with open_vault(vault_dir, COUNSELOR, COUNSELOR_PASSWORD, settings) as session:
        window = _window(qtbot, session)
        send = window.bundles.send
        worker = send.start()
        assert worker is not None
        window.before_session_closes()  # as the controller does when the window locks
        qtbot.waitUntil(lambda: send.worker is None, timeout=20_000)
        window.discard()
        next_name = default_name(session)
    assert boxes.shown == []
    # Stopped before it began, or written whole: the vault and the folder agree.
    written = (tmp_path / "late.cabundle").is_file()
    assert next_name == f"{logged}-{2 if written else 1:05d}.cabundle"
