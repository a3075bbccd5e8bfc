"""Where to save a report: Qt's own file dialog, a name from the period, a folder that exists."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui import confirm
from ui.action_dialog import Refusal


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def ask_path(parent: QWidget, suggested: Path, kinds: str, title: str | None = None) -> Path | None:
    """The file to write, chosen from ``suggested``; None when the person chose none.

    The file dialog (titled ``title``, else "Save the report") asks before replacing a
    file; a Refusal for a folder, or a missing one.
    """
    chosen, _kind = QFileDialog.getSaveFileName(
        parent,
        title or QCoreApplication.translate("ReportSaving", "Save the report"),
        str(suggested),
        kinds,
        options=QFileDialog.Option.DontUseNativeDialog,
    )
    if not chosen:
        return None
    path = Path(chosen).expanduser()
    suffix = suggested.suffix
    if path.suffix.lower() != suffix:
        # Typed without its ending: add it, and ask here since the file dialog could not.
        path = path.with_name(path.name + suffix)
        if path.exists() and not confirm.ask(
            parent,
            QCoreApplication.translate("ReportSaving", "Replace the file"),
            QCoreApplication.translate("ReportSaving", "{path} already exists. Replace it?").format(
                path=path
            ),
            QCoreApplication.translate("ReportSaving", "&Replace"),
        ):
            return None
    # os.path.isdir: False, not an error, for a name too long (the writing will say so).
    if os.path.isdir(path):
        raise Refusal(
            QCoreApplication.translate(
                "ReportSaving", "{path} is a folder. Choose a file name."
            ).format(path=path)
        )
    if not os.path.isdir(path.parent):
        raise Refusal(
            QCoreApplication.translate(
                "ReportSaving", "The folder {folder} does not exist. Choose another folder."
            ).format(folder=path.parent)
        )
    return path
