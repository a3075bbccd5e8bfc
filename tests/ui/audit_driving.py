"""Helpers for the Audit trail dialog tests: entries at chosen times, the dialog shown."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pytestqt.qtbot import QtBot

from counselor_app import audit
from counselor_app.store.db import transaction
from counselor_app.vault import Session
from tests.ui.call_data import user_ids
from tests.ui.driving import ADMIN, COUNSELOR, Keyboard
from ui.audit.dialog import AuditDialog
from ui.audit.model import Column

TODAY = date(2024, 1, 15)
WAIT_MS = 20_000


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    """A moment of January 2024 in the workstation's local time."""
    return datetime(2024, 1, day, hour, minute).astimezone(UTC)


def add(
    session: Session,
    action: str,
    moment: datetime,
    user_id: str | None,
    *,
    record_id: str | None = None,
    detail: str | None = None,
) -> int:
    with transaction(session.conn):
        return audit.record(
            session.conn, user_id, action, record_id=record_id, detail=detail, now=moment
        ).id


def make_trail(admin: Session) -> dict[str, int]:
    """A few entries of the admin and the counselor in January 2024, by name."""
    ids = user_ids(admin)
    me, them = ids[ADMIN], ids[COUNSELOR]
    return {
        "old_login": add(admin, "login", at(2, 9), them),
        "created": add(admin, "record_created", at(10, 23, 30), them, record_id="rec-1"),
        "edited": add(admin, "record_edited", at(11, 0, 30), them, record_id="rec-1"),
        "report": add(admin, "report", at(11, 15), me, detail="2023-12-01..2023-12-31"),
        "odd": add(admin, "shredded", at(14, 8), me, detail="=1+1"),
    }


def show(
    qtbot: QtBot, keyboard: Keyboard, session: Session, language: str = "en", page_size: int = 200
) -> AuditDialog:
    """The dialog shown, focused, once its chain check is done."""
    dialog = AuditDialog(
        session, session.reopen, language, today=lambda: TODAY, page_size=page_size
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=WAIT_MS)
    keyboard.wait_focus(dialog.filters.period)
    return dialog


def column(dialog: AuditDialog, which: Column) -> list[str]:
    model = dialog.model
    return [str(model.index(row, which).data()) for row in range(model.rowCount())]


def numbers(dialog: AuditDialog) -> list[int]:
    return [int(n) for n in column(dialog, Column.NUMBER)]
