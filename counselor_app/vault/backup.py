"""Backups: one file holding a copy of the encrypted database and the key slots.

The copy is made by SQLCipher itself (``sqlcipher_export`` into an attached
database under the same key), never by copying the live file, then opened and
checked before the backup file takes its name. The backup is a ZIP archive with
no compression: ``manifest.json`` (what it is, which vault, when, which schema),
``keyslots.json`` and ``vault.db``, the database still encrypted, so the file is
as safe as the vault's own folder. Restoring needs the password of an admin whose
slot is in the backup.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from counselor_app import __version__, audit
from counselor_app.config import Settings
from counselor_app.errors import CounselorError
from counselor_app.roles import Permission
from counselor_app.store import migrations
from counselor_app.store.db import transaction
from counselor_app.vault import database
from counselor_app.vault.paths import DATABASE_NAME, KEYSLOTS_NAME, VaultPaths
from counselor_app.vault.session import Session, open_vault

FORMAT = "counselor-app-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class BackupFailed(CounselorError):
    pass


class UpgradeBackupFailed(CounselorError):
    """The vault needs an upgrade, and the backup made first could not be written."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            f"This version of the program must upgrade the vault, and first backs it up "
            f"into {folder}; the backup could not be written ({reason}). Nothing was "
            "changed. Make room there or set backup_dir, then log in again."
        )
        self.folder = folder
        self.reason = reason


class BackupUnreadable(CounselorError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} is not a backup this program can restore: {reason}.")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Manifest:
    vault_id: str
    created_at: str  # UTC, ISO 8601
    schema_version: int
    program_version: str


def _copy_database(session: Session, target: Path) -> None:
    """An encrypted copy of the live database at ``target``, made by SQLCipher."""
    key = session.data_key
    conn = session.conn
    conn.execute(f"ATTACH DATABASE ? AS backup KEY {database.key_literal(key)}", (str(target),))
    try:
        conn.execute("SELECT sqlcipher_export('backup')").fetchall()
        version = migrations.schema_version(conn)
        conn.execute(f"PRAGMA backup.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE backup")


def _check_copy(path: Path, key: bytes, vault_id: str) -> None:
    conn = database.connect(path, key)
    try:
        problems = database.integrity_problems(conn)
        found = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if found is None or found[0] != vault_id:
            problems.append("the copy does not hold this vault")
        if problems:
            raise BackupFailed(f"The copy of the vault did not pass its check ({problems[0]}).")
    finally:
        conn.close()


def make_backup(session: Session, target: Path, *, now: datetime | None = None) -> Manifest:
    """Write a backup of the vault to ``target`` (replacing a file there), whole or not."""
    session.require(Permission.MANAGE_USERS)
    return _write_backup(session, target, now, "backup")


def _write_backup(
    session: Session, target: Path, now: datetime | None, action: str | None
) -> Manifest:
    target = target.resolve()
    if not target.parent.is_dir():
        raise BackupFailed(f"The folder {target.parent} does not exist.")
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    manifest = Manifest(
        vault_id=session.vault_id,
        created_at=moment.isoformat(timespec="seconds"),
        schema_version=migrations.schema_version(session.conn),
        program_version=__version__,
    )
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=target.parent) as work:
        copy = Path(work) / DATABASE_NAME
        _copy_database(session, copy)
        _check_copy(copy, session.data_key, session.vault_id)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive:
                    archive.writestr(
                        MANIFEST,
                        json.dumps(
                            {"format": FORMAT, "version": FORMAT_VERSION, **manifest.__dict__}
                        ),
                    )
                    archive.write(session.paths.keyslots, KEYSLOTS_NAME)
                    archive.write(copy, DATABASE_NAME)
                handle.flush()
                os.fsync(handle.fileno())
            if action is not None:
                with transaction(session.conn):
                    audit.record(session.conn, session.user.id, action, detail=manifest.created_at)
            os.replace(name, target)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
    return manifest


AUTOMATIC_PREFIX = "vault-"
AUTOMATIC_SUFFIX = ".backup"
AUTOMATIC_EVERY = timedelta(days=1)


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in ``folder``, oldest first (their names sort by time)."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name.startswith(AUTOMATIC_PREFIX) and p.name.endswith(AUTOMATIC_SUFFIX)
    )


def automatic_backup(
    session: Session, folder: Path, keep: int, *, now: datetime | None = None
) -> Path | None:
    """At the end of a session: a backup into ``folder`` unless one was made in the last
    day, then only the newest ``keep`` automatic backups are kept (files of other names
    are never touched). Returns the new file, or None when none was due."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    folder.mkdir(parents=True, exist_ok=True)
    existing = automatic_backups(folder)
    if existing:
        newest = datetime.fromtimestamp(existing[-1].stat().st_mtime, UTC)
        if moment - newest < AUTOMATIC_EVERY:
            return None
    target = folder / f"{AUTOMATIC_PREFIX}{moment.strftime('%Y%m%d-%H%M%S')}{AUTOMATIC_SUFFIX}"
    _write_backup(session, target, moment, "backup_automatic")
    for old in automatic_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
    return target


UPGRADE_PREFIX = "before-upgrade-"


def upgrade_backup(session: Session, *, now: datetime | None = None) -> Path:
    """Before migrating the vault: a backup of it as it is, into the backup folder,
    named ``before-upgrade-schema<N>-<UTC time>.backup`` (the automatic backups'
    rotation never removes it). The upgrade records it in the audit trail."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    folder = session.settings.backup_folder(session.paths.data_dir.resolve())
    version = migrations.schema_version(session.conn)
    target = folder / f"{UPGRADE_PREFIX}schema{version}-{moment.strftime('%Y%m%d-%H%M%S')}.backup"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_backup(session, target, moment, None)
    except OSError as exc:
        raise UpgradeBackupFailed(folder, exc.strerror or str(exc)) from None
    except (BackupFailed, database.DatabaseError) as exc:
        raise UpgradeBackupFailed(folder, str(exc)) from None
    return target


def read_manifest(source: Path) -> Manifest:
    try:
        with zipfile.ZipFile(source) as archive:
            data = json.loads(archive.read(MANIFEST))
            names = set(archive.namelist())
    except FileNotFoundError:
        raise BackupUnreadable(source, "the file does not exist") from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BackupUnreadable(source, f"it cannot be read ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupUnreadable(source, "it is not a counselor-app backup")
    if data.get("version") != FORMAT_VERSION:
        raise BackupUnreadable(source, f"it was written in format {data.get('version')}")
    if not {KEYSLOTS_NAME, DATABASE_NAME} <= names:
        raise BackupUnreadable(source, "a part of it is missing")
    try:
        return Manifest(
            str(data["vault_id"]),
            str(data["created_at"]),
            int(data["schema_version"]),
            str(data["program_version"]),
        )
    except (KeyError, TypeError, ValueError):
        raise BackupUnreadable(source, "its description is damaged") from None


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    moved_aside: Path | None  # where the vault that was there went


def restore_backup(
    source: Path,
    data_dir: Path,
    username: str,
    password: str,
    settings: Settings,
    *,
    now: datetime | None = None,
) -> Restored:
    """Restore ``source`` into ``data_dir``: an empty or new folder, or over the vault
    there after moving that vault aside (never deleting it). The backup is unpacked and
    opened with the admin's password in a folder beside ``data_dir`` first; nothing is
    moved unless it opens and passes its checks."""
    manifest = read_manifest(source)
    data_dir = data_dir.resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}-restore-", dir=data_dir.parent))
    try:
        with zipfile.ZipFile(source) as archive:
            for name in (KEYSLOTS_NAME, DATABASE_NAME):
                with archive.open(name) as part, (staging / name).open("wb") as out:
                    shutil.copyfileobj(part, out)
                (staging / name).chmod(0o600)
        with open_vault(staging, username, password, settings) as session:
            session.require(Permission.MANAGE_USERS)
            problems = database.integrity_problems(session.conn)
            if problems:
                raise BackupFailed(f"The backup's database is damaged ({problems[0]}).")
        aside = _clear_place(data_dir, now or datetime.now(UTC))
        os.replace(staging, data_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    with open_vault(data_dir, username, password, settings) as session, transaction(session.conn):
        audit.record(session.conn, session.user.id, "restore", detail=manifest.created_at)
    return Restored(manifest, aside)


def _clear_place(data_dir: Path, moment: datetime) -> Path | None:
    """Make ``data_dir`` free for the restored vault; return where its vault went."""
    if not data_dir.exists():
        return None
    if not any(data_dir.iterdir()):
        data_dir.rmdir()
        return None
    paths = VaultPaths(data_dir)
    leftovers = {p.name for p in data_dir.iterdir()} - {paths.login_failures.name}
    if not paths.anything_present() and leftovers:
        raise BackupFailed(
            f"The folder {data_dir} holds files that are not a vault; "
            "restore into an empty folder or the vault's own folder."
        )
    stamp = moment.astimezone().strftime("%Y%m%d-%H%M%S")
    aside = data_dir.with_name(f"{data_dir.name}-before-restore-{stamp}")
    os.replace(data_dir, aside)
    return aside
