"""The open intake's draft: one per user, kept in the encrypted vault.

The window saves it every few seconds and at each section change; after a crash
the next login of the same user offers it back. Saving or discarding the call
deletes it. Another user's login never sees it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from counselor_app.forms.expression import Answer
from counselor_app.store.db import transaction
from counselor_app.store.records import from_epoch, to_epoch
from counselor_app.vault.session import Session

DRAFT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    started_at: datetime
    answers: dict[str, Answer]
    section: str | None = None
    prompts_shown: tuple[str, ...] = ()
    record_id: str | None = None  # set when an existing record is being edited
    saved_at: datetime | None = field(default=None, compare=False)

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": DRAFT_VERSION,
                "started_at": self.started_at.astimezone(UTC).isoformat(),
                "answers": self.answers,
                "section": self.section,
                "prompts_shown": list(self.prompts_shown),
                "record_id": self.record_id,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, saved_at: datetime) -> Draft:
        data: dict[str, Any] = json.loads(text)
        if data.get("version") != DRAFT_VERSION or not isinstance(data.get("answers"), dict):
            raise ValueError("unknown draft format")
        return cls(
            started_at=datetime.fromisoformat(data["started_at"]),
            answers=data["answers"],
            section=data.get("section"),
            prompts_shown=tuple(data.get("prompts_shown", ())),
            record_id=data.get("record_id"),
            saved_at=saved_at,
        )


def save_draft(session: Session, draft: Draft, *, now: datetime | None = None) -> None:
    moment = now or datetime.now(UTC)
    with transaction(session.conn):
        session.conn.execute(
            "INSERT INTO drafts (user_id, saved_at, content) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET saved_at = excluded.saved_at, "
            "content = excluded.content",
            (session.user.id, to_epoch(moment), draft.to_json()),
        )


def load_draft(session: Session) -> Draft | None:
    """The session user's draft, or None. A draft that cannot be read is kept, not lost."""
    row = session.conn.execute(
        "SELECT saved_at, content FROM drafts WHERE user_id = ?", (session.user.id,)
    ).fetchone()
    if row is None:
        return None
    try:
        return Draft.from_json(row[1], from_epoch(row[0]))
    except (ValueError, KeyError, TypeError):
        return None


def discard_draft(session: Session) -> None:
    with transaction(session.conn):
        session.conn.execute("DELETE FROM drafts WHERE user_id = ?", (session.user.id,))
