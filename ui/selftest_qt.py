"""The Qt step of ``counselor-app selftest`` (see :mod:`counselor_app.selftest`)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel

from counselor_app.resources import resource_path
from counselor_app.selftest import SelfTestFailed
from ui import i18n

# A text of the window and its French translation (resources/i18n/counselor_app_fr.ts).
TRANSLATION_PROBE = ("App", "Counselor app", "Application d’écoute")
# The Qt platform plugin a window needs on each system, besides offscreen.
NATIVE_PLATFORM = {"win32": "qwindows", "darwin": "qcocoa"}


def check_qt() -> str:
    """Qt starts, its platform plugins are there, the window's code and the French
    translation load, and a window with the program's icon can be drawn."""
    importlib.import_module("ui.app")  # the window's code loads

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    platforms = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    available = sorted(
        path.stem.removeprefix("lib").removeprefix("q")
        for path in platforms.glob("*")
        if path.suffix in (".so", ".dll", ".dylib")
    )
    native = NATIVE_PLATFORM.get(sys.platform, "qxcb").removeprefix("q")
    if native not in available:
        raise SelfTestFailed(
            "Qt", f"the {native} platform plugin is missing from {platforms} (found: {available})"
        )

    translators = i18n.install(app, "fr")
    try:
        context, source, expected = TRANSLATION_PROBE
        shown = QCoreApplication.translate(context, source)
        if shown != expected:
            raise SelfTestFailed("Qt", "the French translation did not load")
        label = QLabel(shown)
        label.setWindowIcon(QIcon(str(resource_path("icons", "counselor-app.svg"))))
        label.show()
        app.processEvents()
        drawn = label.grab()
        icon = label.windowIcon().pixmap(48, 48)
        label.close()
        label.deleteLater()
        if drawn.isNull() or icon.isNull():
            raise SelfTestFailed("Qt", "a window or the program's icon could not be drawn")
    finally:
        i18n.uninstall(app, translators)
    return (
        f"Qt {pyside_version} started ({app.platformName()}; platform plugins: "
        f"{', '.join(available)}), French translation loaded, a window drawn"
    )
