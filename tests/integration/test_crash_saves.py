"""A process killed with SIGKILL while saving calls loses no call it acknowledged."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from counselor_app import audit, records
from counselor_app.config import Settings
from counselor_app.vault import Session, open_vault
from counselor_app.vault.database import integrity_problems
from counselor_app.vault.keying import slot_problems
from tests.conftest import ADMIN, ADMIN_PASSWORD

ROUNDS = 30


def kill_while_saving(vault: Path, after: float) -> list[str]:
    """Start the saver, kill it ``after`` seconds into its saves; the ids it acknowledged."""
    saver = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.saver", str(vault), ADMIN],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert saver.stdin is not None and saver.stdout is not None
    saver.stdin.write(ADMIN_PASSWORD + "\n")
    saver.stdin.close()
    assert saver.stdout.readline().strip() == "open"
    acknowledged: list[str] = []
    out = saver.stdout
    reader = threading.Thread(target=lambda: acknowledged.extend(line.strip() for line in out))
    reader.start()
    time.sleep(after)
    saver.send_signal(signal.SIGKILL)
    saver.wait()
    reader.join()
    return [a for a in acknowledged if a]


def test_every_acknowledged_save_survives_a_kill(
    admin_session: Session, settings: Settings
) -> None:
    vault = admin_session.paths.data_dir
    admin_session.close()
    chance = random.Random(20261128)
    saved: list[str] = []
    for _ in range(ROUNDS):
        saved += kill_while_saving(vault, chance.uniform(0.0, 0.4))
        with open_vault(vault, ADMIN, ADMIN_PASSWORD, settings) as session:
            for record_id in saved:
                records.get(session, record_id)
            assert integrity_problems(session.conn) == []
            assert slot_problems(session.conn, session.paths) == []
            assert audit.first_broken(session.conn) is None
    assert len(saved) > ROUNDS  # the kills did land in the middle of saving
