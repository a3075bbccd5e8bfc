"""Reading and atomically writing ``keyslots.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counselor_app.errors import KeySlotsDamaged
from counselor_app.store.users import name_key
from counselor_app.vault.atomic import write_atomically
from counselor_app.vault.keyslots import KeySlot

FILE_FORMAT = "counselor-app-keyslots"
FILE_VERSION = 1


@dataclass
class SlotFile:
    vault_id: str
    slots: list[KeySlot] = field(default_factory=list)

    def find(self, username: str) -> list[KeySlot]:
        """The slots under this name: one, or two while a password is being changed."""
        wanted = name_key(username)
        return [s for s in self.slots if name_key(s.username) == wanted]

    def for_user(self, user_id: str) -> list[KeySlot]:
        return [s for s in self.slots if s.user_id == user_id]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "vault_id": self.vault_id,
            "slots": [slot.to_json() for slot in self.slots],
        }


def load(path: Path) -> SlotFile:
    """Read the slot file; any problem is reported as KeySlotsDamaged, never repaired."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeySlotsDamaged(path, "the file is missing") from None
    except OSError as exc:
        raise KeySlotsDamaged(path, exc.strerror or "it cannot be read") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
            raise ValueError("not a key-slot file")
        if data.get("version") != FILE_VERSION:
            raise ValueError(f"unknown version {data.get('version')!r}")
        vault_id = data.get("vault_id")
        slots = data.get("slots")
        if not isinstance(vault_id, str) or not isinstance(slots, list):
            raise ValueError("vault id or slot list missing")
        parsed = [KeySlot.from_json(item) for item in slots]
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise KeySlotsDamaged(path, "it is not valid JSON") from None
    except ValueError as exc:
        raise KeySlotsDamaged(path, str(exc)) from None
    if len({s.slot_id for s in parsed}) != len(parsed):
        raise KeySlotsDamaged(path, "two slots have the same id")
    owners: dict[str, str] = {}
    for slot in parsed:
        if owners.setdefault(name_key(slot.username), slot.user_id) != slot.user_id:
            raise KeySlotsDamaged(path, "two users' slots have the same user name")
    per_user = [s.user_id for s in parsed]
    if any(per_user.count(user) > 2 for user in set(per_user)):
        raise KeySlotsDamaged(path, "a user has more than two slots")
    return SlotFile(vault_id=vault_id, slots=parsed)


def save(path: Path, slot_file: SlotFile) -> None:
    """Write atomically: a temporary file in the same folder, fsync, rename, fsync the folder."""
    data = json.dumps(slot_file.to_json(), indent=2, sort_keys=True).encode("utf-8") + b"\n"
    write_atomically(path, data)
