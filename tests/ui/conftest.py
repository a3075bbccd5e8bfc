"""Fixtures for the window tests: offscreen Qt, isolated settings, fast real vaults."""

from __future__ import annotations

import os

# Before anything imports Qt: no screen is needed.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

# The helpers beside this file are importable whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counselor_app import accounts
from counselor_app.config import Settings
from counselor_app.resources import resource_path
from counselor_app.roles import Role
from counselor_app.vault import Session, create_vault
from counselor_app.vault.kdf import KdfParams, set_default_params
from tests.ui.call_data import SUPERVISOR, add_supervisor, open_as
from tests.ui.driving import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    MIN_LENGTH,
    Keyboard,
    Login,
)
from ui import controller as controller_module
from ui import i18n
from ui.controller import AppController
from ui.screen_lock import ScreenLock
from ui.transfer import worker


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's settings or data."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CONFIG_DIRS"):
        folder = tmp_path / "xdg" / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))


@pytest.fixture(autouse=True)
def quiet_window(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window listens to no desktop bus (a developer's screen saver must not lock a
    test's window), and the day's purge at login runs only in the tests marked for it
    (it would race with tests that count entries or place calls months ago)."""
    if request.module.__name__.rpartition(".")[2] != "test_screen_lock":
        monkeypatch.setattr(
            ScreenLock, "for_platform", classmethod(lambda cls, parent=None: cls(parent))
        )
    if request.node.get_closest_marker("daily_purge") is None:
        monkeypatch.setattr(controller_module, "start_daily_purge", lambda *_args: None)


@pytest.fixture(autouse=True)
def fast_kdf() -> Iterator[None]:
    """The cheapest Argon2id parameters the slots accept: vaults are made in milliseconds."""
    set_default_params(KdfParams(iterations=1))
    yield
    set_default_params(None)


@pytest.fixture
def settings() -> Settings:
    return Settings(language="en", min_password_length=MIN_LENGTH)


@pytest.fixture
def vault_dir(tmp_path: Path, settings: Settings) -> Path:
    """A real vault with one admin and one counselor."""
    data_dir = tmp_path / "vault"
    with create_vault(data_dir, ADMIN, ADMIN_PASSWORD, settings) as session:
        accounts.add_user(session, COUNSELOR, Role.COUNSELOR, COUNSELOR_PASSWORD)
    return data_dir


@pytest.fixture
def keyboard(qtbot: QtBot) -> Keyboard:
    return Keyboard(qtbot)


@pytest.fixture
def controller(qtbot: QtBot, vault_dir: Path, settings: Settings) -> Iterator[AppController]:
    app = AppController(vault_dir, settings)
    app.start()
    assert app.dialog is not None
    qtbot.waitExposed(app.dialog)
    yield app
    app.quit()


@pytest.fixture
def login(qtbot: QtBot, keyboard: Keyboard, controller: AppController) -> Login:
    return Login(qtbot, keyboard, controller)


@pytest.fixture(scope="session")
def french_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The French translations compiled fresh from the .ts file (never a stale .qm)."""
    source = resource_path("i18n", "counselor_app_fr.ts")
    target = tmp_path_factory.mktemp("i18n") / "counselor_app_fr.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), str(source), "-qm", str(target)], check=True, capture_output=True
    )
    return target


@pytest.fixture
def french(qapp: QApplication, french_catalogue: Path) -> Iterator[None]:
    translators = i18n.install(qapp, i18n.FRENCH, french_catalogue)
    yield
    i18n.uninstall(qapp, translators)


# Shared by the import and export tests: a supervisor, and a way to open her session
# again in a worker thread. No transfer may outlive its test.
@pytest.fixture(autouse=True)
def no_transfer_left() -> Iterator[None]:
    yield
    assert worker.stop_all(), "a transfer was still running"


@pytest.fixture
def supervisor(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    add_supervisor(vault_dir, settings)
    with open_as(vault_dir, SUPERVISOR, settings) as session:
        yield session


@pytest.fixture
def opener(supervisor: Session, vault_dir: Path, settings: Settings) -> Callable[[], Session]:
    return lambda: open_as(vault_dir, SUPERVISOR, settings)
