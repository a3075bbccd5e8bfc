"""Rules for user names and passwords."""

from __future__ import annotations

import unicodedata

from counselor_app.errors import InvalidInput, PasswordTooShort

MAX_USERNAME = 64


def check_username(name: str) -> str:
    """Return the name, trimmed, or raise InvalidInput."""
    cleaned = unicodedata.normalize("NFC", name.strip())
    if not cleaned:
        raise InvalidInput("The user name is empty.", "username_empty")
    if len(cleaned) > MAX_USERNAME:
        raise InvalidInput(
            f"The user name is longer than {MAX_USERNAME} characters.", "username_too_long"
        )
    if any(unicodedata.category(ch).startswith(("C", "Z")) and ch != " " for ch in cleaned):
        raise InvalidInput(
            "The user name contains a control or separator character.", "username_characters"
        )
    return cleaned


def check_password(password: str, minimum: int) -> None:
    """Counted as it is stretched: in NFC (an accent typed apart counts once with its letter)."""
    if len(unicodedata.normalize("NFC", password)) < minimum:
        raise PasswordTooShort(minimum)
