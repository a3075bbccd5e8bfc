"""The self-test's Qt step in the test's own application: it leaves nothing behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counselor_app import selftest
from ui import selftest_qt


def test_qt_step_draws_translates_and_cleans_up(qapp: QApplication, qtbot: QtBot) -> None:
    before = set(qapp.topLevelWidgets())
    result = selftest.check_qt()
    assert result.startswith("Qt ")
    assert "(offscreen; platform plugins: " in result
    assert "French translation loaded" in result
    # The translation is uninstalled again and the window goes away.
    assert QCoreApplication.translate("App", "Counselor app") == "Counselor app"
    qtbot.waitUntil(lambda: set(qapp.topLevelWidgets()) <= before)
    assert QApplication.instance() is qapp


def test_qt_step_fails_without_the_translation(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest_qt, "TRANSLATION_PROBE", ("App", "No such text", "Aucun texte"))
    with pytest.raises(selftest.SelfTestFailed, match="French translation did not load"):
        selftest.check_qt()
    assert QCoreApplication.translate("App", "Counselor app") == "Counselor app"
