"""Run as a program by the draft tests: open the window, start a call, let the draft be
saved, then die by SIGKILL, as a crash or a power cut would end the program.

Arguments: the vault folder, a user name and its password.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import signal
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from counselor_app.config import Settings
from counselor_app.vault import open_vault
from ui.intake import intake as intake_module
from ui.main_window import MainWindow

AUTOSAVE_MS = 50
GIVE_UP_MS = 20_000


def main(data_dir: Path, username: str, password: str) -> int:
    app = QApplication(sys.argv[:1])
    intake_module.AUTOSAVE_MS = AUTOSAVE_MS
    session = open_vault(data_dir, username, password, Settings(language="en"))
    window = MainWindow(session)
    window.show()
    QTest.qWaitForWindowActive(window)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = window.intake_area.intake
    assert intake is not None
    for keys in ("1", "1", "y"):  # victim, phone, first contact: yes
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClicks(focus, keys)
        QTest.keyClick(focus, Qt.Key.Key_Tab)
    # Once the timer has written the draft, die without any chance to tidy up.
    intake.draft_saved.connect(lambda: os.kill(os.getpid(), signal.SIGKILL))
    QTimer.singleShot(GIVE_UP_MS, lambda: app.exit(3))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
