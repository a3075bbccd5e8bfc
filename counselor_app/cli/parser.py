"""The command-line grammar of ``counselor-app``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from counselor_app import __version__
from counselor_app.roles import Role

EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message} (see --help)\n")
        sys.exit(EXIT_USAGE)


def _as_user(parser: argparse.ArgumentParser, who: str = "the user") -> None:
    parser.add_argument(
        "--as",
        dest="as_user",
        required=True,
        metavar="USER",
        help=f"{who} running the command; the password is read from standard input",
    )


def build_parser() -> Parser:
    roles = [r.value for r in Role]
    parser = Parser(
        prog="counselor-app",
        description=(
            "Anonymous call log for helplines. Without a command, opens the window. "
            "Passwords are read from standard input, one per line "
            "(asked without echo on a terminal)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"counselor-app {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="the vault's folder (default: the configured or the platform's user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    init = commands.add_parser(
        "init", help="create a vault and its first admin (stdin: the admin's password)"
    )
    init.add_argument("--admin", required=True, metavar="NAME", help="the first admin's name")

    user = commands.add_parser("user", help="manage user accounts")
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", parser_class=Parser)
    user_commands.required = True

    add = user_commands.add_parser(
        "add", help="add a user (stdin: admin password, then the new user's password)"
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=roles)
    _as_user(add, "the admin")

    list_ = user_commands.add_parser("list", help="list users, one 'name role' a line")
    _as_user(list_, "the admin")

    passwd = user_commands.add_parser(
        "passwd", help="change your own password (stdin: old password, then new password)"
    )
    passwd.add_argument("name", metavar="NAME")

    reset = user_commands.add_parser(
        "reset", help="set another user's password (stdin: admin password, then new password)"
    )
    reset.add_argument("name", metavar="NAME")
    _as_user(reset, "the admin")

    role = user_commands.add_parser("role", help="change a user's role (stdin: admin password)")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", choices=roles)
    _as_user(role, "the admin")

    remove = user_commands.add_parser(
        "remove", help="remove a user and rekey the vault (stdin: admin password)"
    )
    remove.add_argument("name", metavar="NAME")
    _as_user(remove, "the admin")

    verify = commands.add_parser(
        "verify", help="check the vault's integrity (stdin: your password)"
    )
    _as_user(verify)
    return parser
