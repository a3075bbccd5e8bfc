"""Starting the window: ``counselor-app`` with no command calls :func:`run`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from counselor_app.config import APP_NAME, Settings
from counselor_app.vault.instance import InstanceLock, VaultInUse
from ui import i18n, look
from ui.controller import AppController

log = logging.getLogger(__name__)


def run(data_dir: Path, settings: Settings) -> int:
    """Show the first-run or login dialog, then the main window; return the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    # Locking closes the main window before the login dialog shows: that is not quitting.
    app.setQuitOnLastWindowClosed(False)
    look.apply(app)
    translators = i18n.install(app, i18n.choose_language(settings.language))
    lock = InstanceLock(data_dir)
    try:
        lock.acquire()
    except OSError:
        # No lock file can be made beside the folder (a read-only parent): run without
        # the guard rather than not at all; the vault itself is opened as usual.
        log.warning("The lock beside the vault's folder could not be made.")
    except VaultInUse:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "Counselor app"),
            QCoreApplication.translate(
                "App",
                "This vault is already open in another window of the program on this "
                "computer.\n\nUse that window, or close it before starting the program again.",
            ),
        )
        i18n.uninstall(app, translators)
        return 1
    controller = AppController(data_dir, settings)
    controller.finished.connect(app.exit)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.quit()
        i18n.uninstall(app, translators)
        controller.deleteLater()
        lock.release()
