"""Choosing the language and showing the window in French."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counselor_app.config import Settings
from counselor_app.resources import resource_path
from counselor_app.roles import Role
from ui import i18n
from ui.login import LoginDialog
from ui.roles import role_name


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("fr", QLocale.Language.English, "fr"),
        ("en", QLocale.Language.French, "en"),
        ("auto", QLocale.Language.French, "fr"),
        ("auto", QLocale.Language.English, "en"),
        ("auto", QLocale.Language.German, "en"),
    ],
)
def test_choose_language(setting: str, system: QLocale.Language, expected: str) -> None:
    assert i18n.choose_language(setting, QLocale(system)) == expected


def test_auto_reads_the_system_locale() -> None:
    expected = "fr" if QLocale.system().language() == QLocale.Language.French else "en"
    assert i18n.choose_language("auto") == expected


def test_the_catalogue_is_a_resource() -> None:
    assert i18n.catalogue_path() == resource_path("i18n", "counselor_app_fr.qm")


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert i18n.install(qapp, "en") == []


def test_french_installs_ours_and_qts(qapp: QApplication, french_catalogue: Path) -> None:
    translators = i18n.install(qapp, "fr", french_catalogue)
    try:
        assert any(t.filePath() == str(french_catalogue) for t in translators)
        assert QCoreApplication.translate("Roles", "Counselor") == "Écoutant·e"
    finally:
        i18n.uninstall(qapp, translators)
    assert QCoreApplication.translate("Roles", "Counselor") == "Counselor"


def test_missing_catalogue_keeps_english(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        translators = i18n.install(qapp, "fr", tmp_path / "missing.qm")
    try:
        assert role_name(Role.ADMIN) == "Admin"
        assert "French translations not found" in caplog.text
    finally:
        i18n.uninstall(qapp, translators)


@pytest.mark.usefixtures("french")
def test_login_dialog_in_french(qtbot: QtBot, vault_dir: Path, settings: Settings) -> None:
    dialog = LoginDialog(vault_dir, settings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Déverrouiller counselor-app"
    assert dialog.intro.text() == (
        "Saisissez votre nom d’utilisateur et votre mot de passe pour ouvrir le journal des appels."
    )
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
    assert labels == ["Nom d’&utilisateur\u00a0:", "&Mot de passe\u00a0:"]
    assert dialog.ok_button is not None and dialog.ok_button.text() == "&Déverrouiller"
    assert dialog.cancel_button is not None and dialog.cancel_button.text() == "&Quitter"
    assert dialog.username.accessibleName() == "Nom d’utilisateur"
    assert dialog.password.accessibleName() == "Mot de passe"
