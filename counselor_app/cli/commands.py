"""What each command does, in terms of the core. Output goes to ``out``."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TextIO

from counselor_app import accounts, audit, holds, logins, retention, selftest
from counselor_app.cli import bundles
from counselor_app.cli.passwords import PasswordReader
from counselor_app.config import Settings
from counselor_app.errors import CounselorError, InvalidInput
from counselor_app.exchange.training import create_training_vault
from counselor_app.exchange.transfer import export_file, import_file
from counselor_app.reports.model import ReportRequest
from counselor_app.reports.service import report_for, save_report
from counselor_app.roles import Permission, Role
from counselor_app.settings_report import describe, format_lines
from counselor_app.vault import Session, create_vault, keying
from counselor_app.vault.backup import make_backup, restore_backup
from counselor_app.vault.database import integrity_problems
from counselor_app.vault.instance import InstanceLock


class IntegrityFailed(CounselorError):
    pass


def _login(
    args: argparse.Namespace, data_dir: Path, settings: Settings, pw: PasswordReader
) -> Session:
    """Log in as ``--as``: recorded in the audit trail, except for ``verify``, which
    writes nothing into the vault."""
    name: str = args.as_user
    password = pw.existing(f"Password for {name}")
    if args.command == "verify":
        return logins.unlock(data_dir, name, password, settings)
    return logins.log_in(data_dir, name, password, settings, how="command")


def run(
    args: argparse.Namespace, data_dir: Path, settings: Settings, pw: PasswordReader, out: TextIO
) -> None:
    if args.command == "selftest":
        selftest.run(out)
        return
    if args.command in bundles.COMMANDS:
        bundles.run(args, data_dir, settings, pw, out)
        return
    if args.command == "config":
        _config_show(args, data_dir, out)
        return
    if args.command == "init":
        session = create_vault(
            data_dir, args.admin, pw.new(f"New password for {args.admin}"), settings
        )
        session.close()
        out.write(f"Created a vault in {data_dir} with the admin '{args.admin}'.\n")
        return
    if args.command == "demo":
        session = create_training_vault(
            data_dir,
            args.admin,
            pw.new(f"New password for {args.admin}"),
            settings,
            calls=args.calls,
            seed=args.seed,
        )
        session.close()
        out.write(f"Created a training vault in {data_dir} with {args.calls} synthetic calls.\n")
        return
    if args.command == "restore":
        name = args.as_user
        password = pw.existing(f"Password for {name} in the backup")
        with InstanceLock(data_dir):
            restored = restore_backup(args.file, data_dir, name, password, settings)
        out.write(f"Restored the backup of {restored.manifest.created_at} into {data_dir}.\n")
        if restored.moved_aside is not None:
            out.write(f"The vault that was there is now in {restored.moved_aside}.\n")
        return
    if args.command == "user" and args.user_command == "passwd":
        old = pw.existing(f"Current password for {args.name}")
        with logins.log_in(data_dir, args.name, old, settings, how="command") as session:
            accounts.change_password(session, old, pw.new(f"New password for {args.name}"))
        out.write("Password changed.\n")
        return
    with _login(args, data_dir, settings, pw) as session:
        if args.command == "verify":
            _verify(session, out)
        elif args.command == "import":
            _import(args, session, out)
        elif args.command == "report":
            _report(args, session, settings, out)
        elif args.command == "backup":
            made = make_backup(session, args.out)
            out.write(f"Wrote a backup of the vault ({made.created_at}) to {args.out}.\n")
        elif args.command == "purge":
            _purge(args, session, settings, out)
        elif args.command == "hold":
            _hold(args, session, out)
        elif args.command == "export":
            count = export_file(
                session, args.out, start=args.start, end=args.end, with_notes=args.with_notes
            )
            out.write(f"Exported {count} records to {args.out}.\n")
        else:
            _user_command(args, session, pw, out)


def _config_show(args: argparse.Namespace, data_dir: Path, out: TextIO) -> None:
    """The settings report; its warnings were already written to stderr at start."""
    out.write(format_lines(describe(), with_warnings=False))
    if args.data_dir is not None:
        out.write(f"# --data-dir {data_dir} replaces data_dir for this command\n")


def _import(args: argparse.Namespace, session: Session, out: TextIO) -> None:
    result = import_file(session, args.file, redact_notes=args.redact_notes)
    out.write(f"Imported {result.imported} records; skipped {result.skipped} already present.\n")
    lines = result.notes_with_findings
    if lines:
        shown = ", ".join(str(n) for n in lines[:50]) + (", …" if len(lines) > 50 else "")
        done = "masked" if result.redacted else "kept as they are (use --redact-notes to mask them)"
        out.write(f"{len(lines)} notes held identifying details (lines {shown}); ")
        out.write(f"the details were {done}.\n")


def _report(args: argparse.Namespace, session: Session, settings: Settings, out: TextIO) -> None:
    if args.end < args.start:
        raise InvalidInput(
            "The end of the period (--to) comes before its start (--from).", "period_reversed"
        )
    for path in (args.out, args.csv):
        if path is not None and not path.resolve().parent.is_dir():
            raise InvalidInput(f"The folder of {path} does not exist.", "folder_missing")
    if args.csv is not None and _same_file(args.out, args.csv):
        raise InvalidInput(
            f"--out and --csv both name {args.out}; give the PDF and the CSV different files.",
            "same_file",
        )
    language = args.lang or (settings.language if settings.language in ("fr", "en") else "fr")
    request = ReportRequest(args.start, args.end, workstation=args.workstation)
    report = report_for(session, request)
    save_report(report, pdf=args.out, csv=args.csv, language=language, session=session)
    calls = report.table("overview").text("calls", "value")
    written = str(args.out) + ("" if args.csv is None else f" and {args.csv}")
    station = "" if args.workstation is None else f" of workstation {args.workstation}"
    out.write(
        f"Wrote the report for {args.start.isoformat()} to {args.end.isoformat()}{station} "
        f"({calls} calls) to {written}.\n"
    )


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same once resolved, or one file by two links."""
    if first.resolve() == second.resolve():
        return True
    try:
        return first.samefile(second)
    except OSError:  # either does not exist yet
        return False


def _moment(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")


def _purge(args: argparse.Namespace, session: Session, settings: Settings, out: TextIO) -> None:
    policy = retention.Policy.from_settings(settings)
    result = retention.purge(session, policy, dry_run=args.dry_run)
    verb = "would be" if args.dry_run else "were"
    if result.notes_before is None:
        out.write("Notes: kept as long as their records (note_retention_days = 0).\n")
    else:
        out.write(
            f"Notes of calls before {_moment(result.notes_before)}: "
            f"{result.notes_shredded} {verb} shredded.\n"
        )
    if result.records_before is None:
        out.write("Records: kept until deleted by hand (record_retention_months = 0).\n")
    else:
        out.write(
            f"Records of calls before {_moment(result.records_before)}: "
            f"{result.records_deleted} {verb} deleted"
            f" ({result.tombstones_deleted} of them already deleted by hand).\n"
        )
    out.write(f"Unsaved drafts {verb} removed: {result.drafts_removed}.\n")
    out.write(f"Records kept because of a legal hold: {result.held_kept}.\n")
    if not result.file_rewritten:
        out.write(
            "Another program was reading the vault: the space freed will be overwritten "
            "by the next purge, or when the last program using the vault closes it.\n"
        )


def _hold(args: argparse.Namespace, session: Session, out: TextIO) -> None:
    if args.hold_command == "list":
        for hold in holds.holds(session):
            out.write(f"{hold.record_id} {hold.started_at.isoformat()} {hold.placed_by}\n")
        return
    for record_id in args.ids:
        if args.hold_command == "add":
            changed = holds.place(session, record_id)
            out.write(f"{record_id}: {'on hold' if changed else 'was already on hold'}.\n")
        else:
            changed = holds.lift(session, record_id)
            out.write(f"{record_id}: {'hold lifted' if changed else 'was not on hold'}.\n")


def _verify(session: Session, out: TextIO) -> None:
    session.require(Permission.VERIFY_VAULT)
    problems = integrity_problems(session.conn) + keying.slot_problems(session.conn, session.paths)
    broken = audit.first_broken(session.conn)
    if broken is not None:
        problems.append(f"the audit trail does not fit its chain from entry {broken} on")
    if problems:
        shown = "; ".join(problems[:3])
        raise IntegrityFailed(
            f"The vault is damaged: {shown}. It was not changed; restore it from a backup."
        )
    out.write("Vault integrity: ok.\n")


def _user_command(
    args: argparse.Namespace, session: Session, pw: PasswordReader, out: TextIO
) -> None:
    action = args.user_command
    if action == "list":
        for user in accounts.list_users(session):
            out.write(f"{user.username} {user.role.value}\n")
    elif action == "add":
        session.require(Permission.MANAGE_USERS)
        password = pw.new(f"Password for the new user {args.name}")
        user = accounts.add_user(session, args.name, Role(args.role), password)
        out.write(f"Added '{user.username}' as {user.role.value}.\n")
    elif action == "reset":
        session.require(Permission.MANAGE_USERS)
        accounts.reset_password(session, args.name, pw.new(f"New password for {args.name}"))
        out.write(f"Password of '{args.name}' reset.\n")
    elif action == "role":
        user = accounts.set_role(session, args.name, Role(args.role))
        out.write(f"'{user.username}' is now {user.role.value}.\n")
    elif action == "remove":
        accounts.remove_user(session, args.name)
        out.write(f"Removed '{args.name}'; the vault was rekeyed.\n")
