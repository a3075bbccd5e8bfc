"""The entry point the command line calls: ``ui.app.run``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import ui.app
from counselor_app.config import Settings
from counselor_app.vault.instance import InstanceLock
from tests.ui.driving import ADMIN, ADMIN_PASSWORD
from ui import i18n
from ui.app import run
from ui.first_run import FirstRunDialog
from ui.login import LoginDialog
from ui.look import COMFORTABLE_POINT_SIZE
from ui.main_window import MainWindow

GIVE_UP_AFTER = 1000  # polls of 10 ms


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """``run`` adjusts the application; put it back for the other tests."""
    font = qapp.font()
    quit_on_last = qapp.quitOnLastWindowClosed()
    yield qapp
    qapp.setFont(font)
    qapp.setQuitOnLastWindowClosed(quit_on_last)


class Script:
    """Once ``run`` starts its event loop: for each step, wait for a window of its kind, act.

    Ends the loop with code 99 if a window never shows or the run does not end, so a
    failure cannot hang the test.
    """

    def __init__(self, steps: list[tuple[type[QWidget], Callable[[QWidget], None]]]) -> None:
        self.pending = list(steps)
        self.seen: list[str] = []
        self._polls = iter(range(GIVE_UP_AFTER))
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        if next(self._polls, None) is None:
            self.stop()
            QCoreApplication.exit(99)
            return
        if not self.pending:
            return
        kind, step = self.pending[0]
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if shown and shown[0].isActiveWindow():
            self.pending.pop(0)
            self.seen.append(shown[0].windowTitle())
            step(shown[0])

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def script() -> Iterator[Callable[..., Script]]:
    made: list[Script] = []

    def make(*steps: tuple[type[QWidget], Callable[[QWidget], None]]) -> Script:
        made.append(Script(list(steps)))
        return made[-1]

    yield make
    for each in made:
        each.stop()


def _escape(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Escape)


def _log_in(widget: QWidget) -> None:
    QTest.keyClicks(widget.focusWidget(), ADMIN)
    QTest.keyClick(widget.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClicks(widget.focusWidget(), ADMIN_PASSWORD)
    QTest.keyClick(widget.focusWidget(), Qt.Key.Key_Return)


def _quit(widget: QWidget) -> None:
    assert QApplication.font().pointSizeF() >= COMFORTABLE_POINT_SIZE
    QTest.keyClick(widget, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_login_then_quit(
    app: QApplication, script: Callable[..., Script], vault_dir: Path, settings: Settings
) -> None:
    steps = script((LoginDialog, _log_in), (MainWindow, _quit))
    assert run(vault_dir, settings) == 0
    assert steps.seen == ["Unlock counselor-app", "counselor-app"]


def test_first_run_when_there_is_no_vault(
    app: QApplication, script: Callable[..., Script], tmp_path: Path, settings: Settings
) -> None:
    steps = script((FirstRunDialog, _escape))
    assert run(tmp_path / "empty", settings) == 0
    assert steps.seen == ["Create the vault"]
    assert not (tmp_path / "empty").exists()


def test_french_setting_translates_the_run(
    app: QApplication,
    script: Callable[..., Script],
    vault_dir: Path,
    french_catalogue: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(i18n, "catalogue_path", lambda: french_catalogue)
    steps = script((LoginDialog, _escape))
    assert run(vault_dir, Settings(language="fr")) == 0
    assert steps.seen == ["Déverrouiller counselor-app"]
    # The translators are removed when the run ends.
    assert QCoreApplication.translate("LoginDialog", "&Unlock") == "&Unlock"


def test_the_command_without_arguments_opens_the_window(
    app: QApplication, script: Callable[..., Script], vault_dir: Path
) -> None:
    from counselor_app.cli import main

    steps = script((LoginDialog, _log_in), (MainWindow, _quit))
    assert main(["--data-dir", str(vault_dir)]) == 0
    assert steps.seen == ["Unlock counselor-app", "counselor-app"]


def test_a_second_copy_on_the_same_vault_says_so_and_stops(
    app: QApplication, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    vault = tmp_path / "vault"
    with InstanceLock(vault):
        assert run(vault, settings) == 1
    assert shown and "already open in another window" in shown[0]
    assert not vault.exists()  # nothing was opened or made


class _Quick(QObject):
    """Stands for the controller: ends the run at once with 7."""

    finished = Signal(int)

    def __init__(self, *args: object) -> None:
        super().__init__()

    def start(self) -> None:
        QTimer.singleShot(0, lambda: self.finished.emit(7))

    def quit(self) -> None:
        pass


def test_no_place_for_the_lock_still_runs(
    app: QApplication, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(self: InstanceLock) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path))

    shown: list[str] = []
    monkeypatch.setattr(InstanceLock, "acquire", refused)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append("shown"))
    monkeypatch.setattr(ui.app, "AppController", _Quick)
    assert run(tmp_path / "vault", settings) == 7
    assert shown == []
