"""Training vaults: a new vault, marked as such, filled with synthetic calls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from counselor_app.config import Settings
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.store.db import Connection, transaction
from counselor_app.store.records import RecordStore
from counselor_app.vault.session import Session, create_vault

TRAINING = "training"
BATCH = 5000


def is_training(conn: Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (TRAINING,)).fetchone()
    return row is not None and row[0] == "1"


def create_training_vault(
    data_dir: Path,
    admin: str,
    password: str,
    settings: Settings,
    *,
    calls: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
) -> Session:
    """Create the vault, mark it as training, and log ``calls`` synthetic calls as its admin."""
    session = create_vault(data_dir, admin, password, settings)
    try:
        with transaction(session.conn):
            session.conn.execute("INSERT INTO meta (key, value) VALUES (?, '1')", (TRAINING,))
        store = RecordStore(session.conn)
        now = datetime.now(UTC)
        generated = synthetic_calls(default_form(), calls, seed=seed, counselors=[session.user.id])
        done = 0
        while done < calls:
            with transaction(session.conn):
                for record in generated:
                    store.insert(record, now)
                    done += 1
                    if done % BATCH == 0:
                        break
            if progress is not None:
                progress(done)
    except BaseException:
        session.close()
        raise
    return session
