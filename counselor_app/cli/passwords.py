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
            return getpass.getpass(prompt + ": ", stream=self._prompts)
        return self._read_line()

    def new(self, prompt: str) -> str:
        """A new password: asked twice on a terminal, one line otherwise."""
        if not self._interactive:
            return self._read_line()
        first = getpass.getpass(prompt + ": ", stream=self._prompts)
        second = getpass.getpass(prompt + " (again): ", stream=self._prompts)
        if first != second:
            raise InvalidInput("The two passwords differ.", "passwords_differ")
        return first

    def _read_line(self) -> str:
        line = self._stream.readline()
        if not line:
            raise CounselorError("Expected a password on standard input, one per line.")
        return line.rstrip("\r\n")
