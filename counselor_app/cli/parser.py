"""The command-line grammar of ``counselor-app``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

from counselor_app import __version__
from counselor_app.cli import bundles
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


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date YYYY-MM-DD") from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of calls from 0 to 10000000")
    return value


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

    import_ = commands.add_parser(
        "import", help="import records from a JSON Lines file (stdin: your password)"
    )
    import_.add_argument("file", type=Path, metavar="FILE.jsonl")
    import_.add_argument(
        "--redact-notes",
        action="store_true",
        help="replace identifying details found in notes by [masqué] before storing them",
    )
    _as_user(import_)

    export = commands.add_parser(
        "export",
        help="export records to a JSON Lines file (supervisor or admin; stdin: your password)",
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE.jsonl")
    export.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--with-notes", action="store_true", help="include the notes")
    _as_user(export)

    report = commands.add_parser(
        "report",
        help="write the statistics report of a period as PDF, and its tables as CSV "
        "(supervisor or admin; stdin: your password)",
    )
    report.add_argument("--from", dest="start", type=_date, required=True, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=_date, required=True, metavar="YYYY-MM-DD")
    report.add_argument("--out", type=Path, required=True, metavar="REPORT.pdf")
    report.add_argument("--csv", type=Path, metavar="TABLES.csv", help="also write the tables")
    report.add_argument(
        "--lang", choices=("fr", "en"), help="the report's language (default: the setting, or fr)"
    )
    report.add_argument(
        "--workstation",
        metavar="ID",
        help="in a consolidation vault, only the records imported from this workstation "
        "(see 'workstation list')",
    )
    _as_user(report)

    backup = commands.add_parser(
        "backup",
        help="write an encrypted backup of the vault to one file (admin; stdin: your password)",
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FILE")
    _as_user(backup, "the admin")

    restore = commands.add_parser(
        "restore",
        help="restore a backup into the data folder, moving any vault there aside "
        "(stdin: the admin's password in the backup)",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    _as_user(restore, "an admin of the backup")

    purge = commands.add_parser(
        "purge",
        help="shred notes and delete records past the retention periods of the settings, "
        "except those on legal hold (admin; stdin: your password)",
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="only say what would be removed; change nothing"
    )
    _as_user(purge, "the admin")

    hold = commands.add_parser(
        "hold", help="legal holds, which keep records from the retention rules (supervisor)"
    )
    hold_commands = hold.add_subparsers(dest="hold_command", metavar="ACTION", parser_class=Parser)
    hold_commands.required = True
    for action, words in (
        ("add", "put records on legal hold"),
        ("remove", "lift the legal hold of records"),
    ):
        changing = hold_commands.add_parser(action, help=f"{words} (stdin: your password)")
        changing.add_argument("ids", nargs="+", metavar="RECORD_ID")
        _as_user(changing, "the supervisor or admin")
    listing = hold_commands.add_parser(
        "list", help="list the records on hold, one 'id call-start placed-by' a line"
    )
    _as_user(listing, "the supervisor or admin")

    demo = commands.add_parser(
        "demo",
        help="create a training vault filled with synthetic calls (stdin: new admin password)",
    )
    demo.add_argument("--calls", type=_count, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=0, metavar="S")
    demo.add_argument("--admin", required=True, metavar="NAME", help="the first admin's name")

    verify = commands.add_parser(
        "verify", help="check the vault's integrity (stdin: your password)"
    )
    _as_user(verify)

    bundles.add_parsers(commands, _as_user, Parser)

    config = commands.add_parser("config", help="the settings in effect")
    config_commands = config.add_subparsers(
        dest="config_command", metavar="ACTION", parser_class=Parser
    )
    config_commands.required = True
    config_commands.add_parser(
        "show",
        help="print each setting's effective value and where it came from (the default, "
        "the site file or the user file); no password, no vault",
    )

    commands.add_parser(
        "selftest",
        help="check that this installation works, in a temporary vault that is then deleted "
        "(no password; touches no vault of yours)",
    )
    return parser
