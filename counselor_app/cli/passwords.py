"""Reading passwords: one per line from standard input, or asked without echo on a terminal."""

from __future__ import annotations

import getpass
from typing import TextIO

from counselor_app.errors import CounselorError, InvalidInput


class PasswordReader:
    def __init__(self, stream: TextIO, *, prompt_stream: TextIO) -> None:
        self._stream = stream
        self._prompts = prompt_stream
        self._interactive = bool(getattr(stream, "isatty", lambda: False)())

    def existing(self, prompt: str) -> str:
        """A password the user already has."""
        if self._interactive:
            return self._ask(prompt + ": ")
        return self._read_line()

    def new(self, prompt: str) -> str:
        """A new password: asked twice on a terminal, one line otherwise."""
        if not self._interactive:
            return self._read_line()
        first = self._ask(prompt + ": ")
        second = self._ask(prompt + " (again): ")
        if first != second:
            raise InvalidInput("The two passwords differ.", "passwords_differ")
        return first

    def _ask(self, prompt: str) -> str:
        try:
            return _checked(getpass.getpass(prompt, stream=self._prompts))
        except EOFError:
            raise CounselorError("No password given.") from None

    def _read_line(self) -> str:
        try:
            line = self._stream.readline()
        except UnicodeDecodeError:
            raise CounselorError(NOT_TEXT) from None
        if not line:
            raise CounselorError("Expected a password on standard input, one per line.")
        return _checked(line.rstrip("\r\n"))


NOT_TEXT = "A password on standard input is not UTF-8 text."


def _checked(password: str) -> str:
    """Refuse text that cannot be encoded (bytes that were not UTF-8 on the way in)."""
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        raise CounselorError(NOT_TEXT) from None
    return password
