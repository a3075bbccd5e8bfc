"""Choosing the language and installing the translations.

Source strings are English; French comes from ``resources/i18n/counselor_app_fr.qm``
(built from the ``.ts`` file) and from Qt's own ``qtbase_fr.qm`` for its dialogs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from counselor_app.resources import resource_path

log = logging.getLogger(__name__)

FRENCH = "fr"
ENGLISH = "en"
CATALOGUE = "counselor_app_fr.qm"


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """``fr`` or ``en`` as set; ``auto`` follows the system locale (French or else English)."""
    if setting in (FRENCH, ENGLISH):
        return setting
    locale = system if system is not None else QLocale.system()
    return FRENCH if locale.language() == QLocale.Language.French else ENGLISH


def catalogue_path() -> Path:
    """Where the program's compiled French translations are expected."""
    return resource_path("i18n", CATALOGUE)


def install(
    app: QCoreApplication, language: str, catalogue: Path | None = None
) -> list[QTranslator]:
    """Install the translators for ``language``; return them for :func:`uninstall`.

    A missing catalogue is logged and the program stays in English.
    """
    if language != FRENCH:
        return []
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load("qtbase_fr", qt_folder) and app.installTranslator(qt):
        installed.append(qt)
    ours = QTranslator(app)
    try:
        path = catalogue if catalogue is not None else catalogue_path()
    except FileNotFoundError:
        path = None
    if path is not None and ours.load(str(path)) and app.installTranslator(ours):
        installed.append(ours)
    else:
        log.warning("French translations not found (%s); showing English.", path)
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
