"""A consolidation vault and the bundles of two workstations, for the Workstations tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pytestqt.qtbot import QtBot

from counselor_app import accounts
from counselor_app.config import Settings
from counselor_app.exchange import orgkey
from counselor_app.roles import Role
from counselor_app.vault import Session, open_vault
from counselor_app.workstation import identity
from tests.integration.bundle_support import (
    PASSWORD,
    Org,
    consolidation,
    edit,
    log_calls,
    send,
    workstation,
)
from tests.ui.driving import COUNSELOR
from ui.bundles.workstations import WorkstationsDialog
from ui.bundles.workstations_model import Column

SUPERVISOR = "sam"
ONE_CALLS, TWO_CALLS = 3, 2


@dataclass
class Sent:
    """Bundle files of two workstations: one sent two bundles, two sent one."""

    one: str  # workstation ids
    two: str
    one_key: str  # the full fingerprints of their keys
    two_key: str
    one_first: Path
    one_second: Path
    two_first: Path


def send_bundles(folder: Path, org: Org) -> Sent:
    out = folder / "sent"
    out.mkdir()
    with workstation(folder, "one") as one, workstation(folder, "two") as two:
        made = log_calls(one, ONE_CALLS)
        log_calls(two, TWO_CALLS)
        one_first = send(one, out / "one-1.cabundle", org).path
        edit(one, made[0])
        one_second = send(one, out / "one-2.cabundle", org).path
        two_first = send(two, out / "two-1.cabundle", org).path
        ids = identity(one.conn), identity(two.conn)
    return Sent(
        ids[0].id,
        ids[1].id,
        orgkey.fingerprint(ids[0].public_key),
        orgkey.fingerprint(ids[1].public_key),
        one_first,
        one_second,
        two_first,
    )


@contextmanager
def open_hub(folder: Path, org: Org, name: str = SUPERVISOR) -> Iterator[Session]:
    """The consolidation vault (with a supervisor and a counselor), opened by ``name``."""
    with consolidation(folder, org) as admin:
        accounts.add_user(admin, SUPERVISOR, Role.SUPERVISOR, PASSWORD)
        accounts.add_user(admin, COUNSELOR, Role.COUNSELOR, PASSWORD)
    with open_vault(folder / "consolidation", name, PASSWORD, Settings()) as session:
        yield session


def show_dialog(qtbot: QtBot, hub: Session) -> WorkstationsDialog:
    shown = WorkstationsDialog(hub, hub.reopen, "en")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def run_import(qtbot: QtBot, dialog: WorkstationsDialog) -> None:
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        assert dialog.import_files() is not None


def rows(dialog: WorkstationsDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [str(model.data(model.index(row, column))) for column in Column]
        for row in range(model.rowCount())
    ]


def record_count(session: Session) -> int:
    return int(session.conn.execute("SELECT count(*) FROM records").fetchone()[0])
