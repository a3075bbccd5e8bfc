"""The ``counselor-app`` command: the window without a command, tools with one."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from counselor_app.cli.commands import run
from counselor_app.cli.parser import build_parser
from counselor_app.cli.passwords import PasswordReader
from counselor_app.config import load_settings
from counselor_app.errors import CounselorError
from counselor_app.vault.database import DatabaseError

EXIT_OK = 0
EXIT_FAILED = 1


def display_available() -> bool:
    """On Linux and other X11/Wayland systems, whether a window can be shown at all."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        return _run(args, stdin, stdout, stderr)
    except CounselorError as exc:
        stderr.write(f"counselor-app: {exc}\n")
    except DatabaseError as exc:
        stderr.write(f"counselor-app: {database_message(exc)}\n")
    except OSError as exc:
        stderr.write(f"counselor-app: {exc.strerror or exc} ({exc.filename or 'file'}).\n")
    except KeyboardInterrupt:
        stderr.write("counselor-app: interrupted.\n")
    except Exception as exc:  # the last resort: one line, never a traceback
        stderr.write(f"counselor-app: unexpected error ({type(exc).__name__}: {exc}).\n")
    return EXIT_FAILED


def database_message(exc: Exception) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return "The vault is in use by another copy of the program; try again when it is closed."
    return (
        f"The vault database could not be read ({text}). It was not changed; "
        "if this happens again, restore it from a backup."
    )


def _run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    settings = load_settings()
    for warning in settings.warnings:
        stderr.write(f"counselor-app: warning: {warning}\n")
    data_dir = args.data_dir if args.data_dir is not None else settings.resolved_data_dir()
    if args.command is None:
        if not display_available():
            stderr.write(
                "counselor-app: no screen to open the window on (DISPLAY and WAYLAND_DISPLAY "
                "are not set). Run it in a desktop session, or give a command (see --help).\n"
            )
            return EXIT_FAILED
        # The window lives in the ui package; the core only hands over to it.
        window = importlib.import_module("ui.app")
        return int(window.run(data_dir, settings))
    run(args, data_dir, settings, PasswordReader(stdin, prompt_stream=stderr), stdout)
    return EXIT_OK
