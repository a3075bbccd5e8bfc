"""File > Send records to the organisation… (Ctrl+Shift+E), on a workstation's vault.

Asks where to save the bundle (its default name: the workstation id and the bundle's
number, in the documents folder), then writes it in a thread of its own on a
connection of its own, and says how many records went into which bundle, for which
organisation key. Without an organisation key in the site settings it only explains
that IT must set one. The core refuses a consolidation or a training vault anyway;
the action is not offered there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from counselor_app.exchange.bundle_export import (
    BundleMade,
    NoOrganisationKey,
    default_name,
    export_bundle,
)
from counselor_app.roles import Permission, Role, allows
from counselor_app.vault import Session
from ui.errors import FAILURES, describe, describe_failure
from ui.fields import plain
from ui.reports.saving import default_folder
from ui.transfer import worker as workers
from ui.transfer.worker import Steps, TransferWorker

log = logging.getLogger(__name__)

SEND_SHORTCUT = QKeySequence("Ctrl+Shift+E")
BUNDLE_SUFFIX = ".cabundle"
KEY_DIGITS = 16  # how much of the organisation key's fingerprint is shown


class SendBundleAction(QObject):
    """``action`` sends this workstation's new and changed records to the organisation.

    Emits ``sent(BundleMade)`` once a bundle is written, and ``message(text)`` for the
    window's status bar.
    """

    sent = Signal(object)
    message = Signal(str)

    def __init__(self, session: Session, window: QWidget, *, available: bool) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._available = available
        self._listening = True
        self.folder = default_folder()
        self.worker: TransferWorker | None = None
        text = self.tr("&Send records to the organisation…")
        self.action = QAction(text, window)
        self.action.setObjectName("send_bundle")
        self.action.setShortcut(SEND_SHORTCUT)
        key = SEND_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
        self.action.setToolTip(
            self.tr(
                "Write the records made or changed since the last bundle to an "
                "encrypted file for the organisation ({key})"
            ).format(key=key)
        )
        self.action.setStatusTip(plain(text))
        self.action.setWhatsThis(self.action.toolTip())
        self.action.triggered.connect(self.start)
        self.set_role(session.user.role)

    def set_role(self, role: Role) -> None:
        """Shown and enabled on a workstation's vault, for every role that may send."""
        allowed = self._available and allows(role, Permission.SEND_BUNDLES)
        self.action.setVisible(allowed)
        self.action.setEnabled(allowed and self.worker is None)

    def _title(self) -> str:
        return self.tr("Send records to the organisation")

    def start(self) -> TransferWorker | None:
        """Ask where to save the bundle, then write it in the background."""
        if not self.action.isEnabled() or self.worker is not None:
            return None
        if self._session.settings.supervisor_public_key is None:
            self._warn(describe(NoOrganisationKey()))
            return None
        try:
            name = default_name(self._session)
        except FAILURES as exc:
            self._warn(describe_failure(exc))
            return None
        path = self._ask_path(self.folder / name)
        if path is None:
            self._window.activateWindow()
            return None

        def job(session: Session, _steps: Steps) -> object:
            return export_bundle(session, path)

        worker = TransferWorker(self._session.reopen, job)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._ended)
        self.worker = worker
        self.action.setEnabled(False)
        self.message.emit(self.tr("Writing the bundle…"))
        workers.start(worker)
        return worker

    def stop(self) -> None:
        """The session is closing: no message follows. A bundle not begun yet is not
        written; one being written is finished and kept (the vault counts it as sent)."""
        self._listening = False

    def _ask_path(self, suggested: Path) -> Path | None:
        """Qt's own file dialog; a name typed without its ending gets it. No file is
        replaced: the core refuses an existing one, and the message says so."""
        chosen, _kind = QFileDialog.getSaveFileName(
            self._window,
            self._title(),
            str(suggested),
            self.tr("Record bundles (*.cabundle)"),
            options=QFileDialog.Option.DontUseNativeDialog
            | QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return None
        path = Path(chosen).expanduser()
        if path.suffix.lower() != BUNDLE_SUFFIX:
            path = path.with_name(path.name + BUNDLE_SUFFIX)
        return path

    def report(self, made: BundleMade) -> str:
        """What the person is told once the bundle is written."""
        lines = [
            self.tr(
                "{records} records went into bundle {sequence}, encrypted for the "
                "organisation key {key}."
            ).format(records=made.records, sequence=made.sequence, key=made.recipient[:KEY_DIGITS]),
            self.tr("The file: {path}").format(path=made.path),
        ]
        if made.notes:
            lines.append(self.tr("The notes are in it."))
        lines.append(
            self.tr(
                "Only the organisation can open it: hand it over as agreed with your supervisor."
            )
        )
        return "\n".join(lines)

    def _succeeded(self, made: object) -> None:
        if not self._listening or not isinstance(made, BundleMade):
            return
        self.folder = made.path.parent
        self.message.emit(self.tr("Bundle {sequence} written.").format(sequence=made.sequence))
        self.sent.emit(made)
        QMessageBox.information(self._window, self._title(), self.report(made))
        self._window.activateWindow()

    def _failed(self, exc: object) -> None:
        if not self._listening:
            return
        if isinstance(exc, FAILURES):
            text = describe_failure(exc)
        else:
            text = self.tr(
                "The bundle could not be written: an unexpected problem ({detail}). "
                "Nothing was sent."
            ).format(detail=type(exc).__name__)
        self.message.emit(self.tr("No bundle was written."))
        self._warn(text)

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self._window, self._title(), text)
        self._window.activateWindow()

    def _ended(self) -> None:
        self.worker = None
        if self._listening:
            self.set_role(self._session.user.role)
