"""On a terminal, passwords are asked for without echo (and new ones twice)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs a pty")]


def read_until(fd: int, wanted: bytes, timeout: float = 60.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def init_on_a_terminal(data_dir: Path) -> tuple[int, subprocess.Popen[bytes]]:
    """`counselor-app init` with a pseudo-terminal as its input and output."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "counselor_app",
            "--data-dir",
            str(data_dir),
            "init",
            "--admin",
            "root",
        ],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        close_fds=True,
        start_new_session=True,
    )
    os.close(terminal)
    return controller, process


def test_init_on_a_terminal_asks_twice_without_echo(tmp_path: Path) -> None:
    controller, process = init_on_a_terminal(tmp_path / "v")
    try:
        transcript = read_until(controller, b"New password for root: ")
        os.write(controller, ADMIN_PASSWORD.encode() + b"\n")
        transcript += read_until(controller, b"(again): ")
        os.write(controller, ADMIN_PASSWORD.encode() + b"\n")
        transcript += read_until(controller, b"Created a vault")
        assert process.wait(timeout=120) == 0
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
    assert b"(again)" in transcript
    assert ADMIN_PASSWORD.encode() not in transcript
    assert (tmp_path / "v" / "vault.db").is_file()


def test_end_of_input_at_a_terminal_prompt_is_one_line(tmp_path: Path) -> None:
    controller, process = init_on_a_terminal(tmp_path / "v")
    try:
        transcript = read_until(controller, b"New password for root: ")
        os.write(controller, b"\x04")  # Ctrl+D
        transcript += read_until(controller, b"No password given.")
        assert process.wait(timeout=120) == 1
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
    assert b"Traceback" not in transcript
    assert b"No password given." in transcript
    assert not (tmp_path / "v").exists()
