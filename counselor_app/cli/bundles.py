"""The commands of several workstations: ``org keygen``, ``bundle export|import``,
``consolidate init`` and ``workstation list``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from counselor_app import logins, workstation
from counselor_app.cli.passwords import PasswordReader
from counselor_app.config import Settings, public_key_bytes
from counselor_app.errors import CounselorError, InvalidInput
from counselor_app.exchange import orgkey
from counselor_app.exchange.bundle_export import export_bundle, is_consolidation
from counselor_app.exchange.consolidation import Imported, import_bundles, init_consolidation
from counselor_app.roles import Permission
from counselor_app.store import bundles
from counselor_app.store.records import from_epoch
from counselor_app.vault.session import Session

COMMANDS = ("org", "bundle", "consolidate", "workstation")


class SomeRefused(CounselorError):
    def __init__(self, refused: int, total: int) -> None:
        super().__init__(f"{refused} of {total} bundles were not imported (see above).")


def add_parsers(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    as_user: Callable[[argparse.ArgumentParser, str], None],
    parser_class: type[argparse.ArgumentParser],
) -> None:
    org = commands.add_parser("org", help="the organisation's key pair")
    org_commands = org.add_subparsers(
        dest="org_command", metavar="ACTION", parser_class=parser_class
    )
    org_commands.required = True
    keygen = org_commands.add_parser(
        "keygen",
        help="make the organisation's key pair: DIR/org.pub for the site settings, DIR/org.key "
        "sealed with a passphrase (stdin: the passphrase; asked twice on a terminal)",
    )
    keygen.add_argument("--out", type=Path, required=True, metavar="DIR")

    bundle = commands.add_parser("bundle", help="record bundles between workstations")
    bundle_commands = bundle.add_subparsers(
        dest="bundle_command", metavar="ACTION", parser_class=parser_class
    )
    bundle_commands.required = True
    export = bundle_commands.add_parser(
        "export",
        help="write the records created, changed or deleted since the last bundle, encrypted "
        "to the organisation and signed by this workstation (stdin: your password)",
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument(
        "--org-key",
        type=Path,
        metavar="org.pub",
        help="the organisation's public key (default: supervisor_public_key of the settings)",
    )
    export.add_argument(
        "--since",
        type=int,
        metavar="N",
        help="start after bundle N instead of the last one (0: every record), to replace "
        "bundles that were lost",
    )
    export.add_argument(
        "--sequence",
        type=int,
        metavar="N",
        help="number the bundle N, above the next number, and send every record unless "
        "--since is given (after restoring this vault from a backup, when the "
        "consolidation vault says the bundle was imported already)",
    )
    as_user(export, "the user")
    import_ = bundle_commands.add_parser(
        "import",
        help="import bundles into a consolidation vault, each whole or not at all "
        "(supervisor or admin; stdin: your password)",
    )
    import_.add_argument("files", nargs="+", type=Path, metavar="FILE")
    import_.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="WORKSTATION",
        help="accept this new workstation (its id as the refusal names it), once",
    )
    as_user(import_, "the supervisor or admin")

    consolidate = commands.add_parser("consolidate", help="the organisation's consolidation vault")
    consolidate_commands = consolidate.add_subparsers(
        dest="consolidate_command", metavar="ACTION", parser_class=parser_class
    )
    consolidate_commands.required = True
    init = consolidate_commands.add_parser(
        "init",
        help="make a consolidation vault holding the organisation's private key "
        "(stdin: the key's passphrase, then the new admin's password)",
    )
    init.add_argument("--org-key", type=Path, required=True, metavar="org.key")
    init.add_argument("--admin", required=True, metavar="NAME", help="the first admin's name")

    station = commands.add_parser("workstation", help="workstation identities")
    station_commands = station.add_subparsers(
        dest="workstation_command", metavar="ACTION", parser_class=parser_class
    )
    station_commands.required = True
    listing = station_commands.add_parser(
        "list",
        help="this vault's workstation id; in a consolidation vault, the accepted workstations, "
        "one 'id last-sequence last-bundle records accepted-by' a line (stdin: your password)",
    )
    as_user(listing, "the user")


def run(
    args: argparse.Namespace, data_dir: Path, settings: Settings, pw: PasswordReader, out: TextIO
) -> None:
    if args.command == "org":
        keys = orgkey.keygen(args.out, pw.new("Passphrase for the organisation's private key"))
        out.write(
            f"Wrote {keys.public_path} (for supervisor_public_key in the site settings) and "
            f"{keys.private_path} (sealed; keep it offline).\n"
            f"Fingerprint: {keys.fingerprint}\n"
        )
        return
    if args.command == "consolidate":
        passphrase = pw.existing(f"Passphrase of {args.org_key}")
        password = pw.new(f"New password for {args.admin}")
        init_consolidation(
            data_dir, args.org_key, passphrase, args.admin, password, settings
        ).close()
        out.write(f"Created a consolidation vault in {data_dir} with the admin '{args.admin}'.\n")
        return
    password = pw.existing(f"Password for {args.as_user}")
    with logins.log_in(data_dir, args.as_user, password, settings, how="command") as session:
        if args.command == "bundle" and args.bundle_command == "export":
            org_public = None if args.org_key is None else _read_public(args.org_key)
            made = export_bundle(
                session, args.out, org_public=org_public, since=args.since, sequence=args.sequence
            )
            out.write(
                f"Wrote bundle {made.sequence} of workstation {made.workstation} to {made.path}: "
                f"{made.records} records{' with notes' if made.notes else ''}, for the "
                f"organisation key {made.recipient[:16]}.\n"
            )
        elif args.command == "bundle":
            outcomes = import_bundles(session, args.files, accept=set(args.accept))
            for outcome in outcomes:
                if outcome.imported is not None:
                    out.write(_imported_line(outcome.imported))
                else:
                    out.write(f"refused: {outcome.refused}\n")
            refused = sum(outcome.refused is not None for outcome in outcomes)
            if refused:
                raise SomeRefused(refused, len(outcomes))
        else:
            _list(session, out)


def _imported_line(done: Imported) -> str:
    accepted = " (workstation accepted)" if done.accepted else ""
    conflicts = (
        f", {done.conflicts} left as they were (the same ids already here from elsewhere)"
        if done.conflicts
        else ""
    )
    return (
        f"{done.path.name}: bundle {done.sequence} of workstation {done.workstation}{accepted}: "
        f"{done.added} added, {done.replaced} replaced, {done.unchanged} unchanged, "
        f"{done.held} on hold here{conflicts}.\n"
    )


def _read_public(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: {exc.strerror or exc}.", "org_key") from None
    try:
        return public_key_bytes(data)
    except ValueError as exc:
        raise InvalidInput(f"{path}: {exc}.", "org_key") from None


def _day(seconds: int | None) -> str:
    return "-" if seconds is None else from_epoch(seconds).strftime("%Y-%m-%dT%H:%MZ")


def _list(session: Session, out: TextIO) -> None:
    me = workstation.identity(session.conn)
    if not is_consolidation(session):
        last = bundles.last_sent(session.conn)
        sent = (
            "no bundle sent yet"
            if last is None
            else (f"last bundle sent: {last.sequence} on {_day(last.made_at)}")
        )
        out.write(
            f"This workstation: {me.id} ({sent}).\n"
            f"Key fingerprint: {orgkey.fingerprint(me.public_key)}\n"
        )
        return
    session.require(Permission.IMPORT_BUNDLES)
    for station in bundles.workstations(session.conn):
        out.write(
            f"{station.id} {station.last_sequence} {_day(station.last_made_at)} "
            f"{station.records} {station.accepted_by}\n"
        )
