"""Sending records to the organisation: a bundle of what changed since the last one.

A bundle holds the records made in this vault that were created, changed or
deleted since the bundle it starts after (its ``base``), encrypted to the
organisation's public key and signed with this workstation's key. This vault
cannot read it back: only the organisation's private key opens it.

The bundle is written to a temporary file first; the vault then records it as
sent (its sequence number and where the next one starts), and only then does the
file take its name. A crash in between leaves a missing sequence number, which the
consolidation vault reports as a gap and ``--since`` fills; it never loses a change.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from counselor_app import audit, workstation
from counselor_app.errors import CounselorError, InvalidInput
from counselor_app.exchange import bundle_format
from counselor_app.exchange.bundle_format import BundleHeader
from counselor_app.exchange.bundle_records import PAYLOAD_FORMAT, PAYLOAD_VERSION
from counselor_app.exchange.orgkey import fingerprint
from counselor_app.exchange.training import is_training
from counselor_app.roles import Permission
from counselor_app.store import bundles
from counselor_app.store.db import transaction
from counselor_app.store.records import to_epoch
from counselor_app.vault.session import Session

ORG_PRIVATE_KEY = "org_private_key"  # meta key of a consolidation vault


class NoOrganisationKey(CounselorError):
    def __init__(self) -> None:
        super().__init__(
            "No organisation key: give --org-key org.pub, or set supervisor_public_key "
            "in the site settings."
        )


class ConsolidationSends(CounselorError):
    def __init__(self) -> None:
        super().__init__(
            "This is a consolidation vault: it receives bundles and does not send them."
        )


class TrainingSends(CounselorError):
    def __init__(self) -> None:
        super().__init__(
            "This is a training vault: its synthetic calls are never sent to the organisation."
        )


class BadSince(CounselorError):
    def __init__(self, since: int, last: int) -> None:
        super().__init__(
            f"--since {since}: this workstation has sent bundles 1 to {last}; "
            f"give one of them, or 0 for every record."
            if last
            else f"--since {since}: this workstation has sent no bundle yet; give 0 or nothing."
        )
        self.since = since
        self.last = last


class BadSequence(CounselorError):
    def __init__(self, sequence: int, last: int) -> None:
        super().__init__(
            f"--sequence {sequence}: this workstation's last bundle is {last}; "
            f"give a number above it."
        )
        self.sequence = sequence
        self.last = last


class BundleTooLarge(CounselorError):
    def __init__(self, records: int, size: int) -> None:
        limit = bundle_format.MAX_PAYLOAD_BYTES // 2**20
        super().__init__(
            f"{records} records would make a bundle of {size // 2**20} MiB, more than the "
            f"{limit} MiB a bundle may hold. Nothing was written; send bundles more often, "
            f"or with --since a later bundle than 0."
        )
        self.records = records
        self.size = size


class BundleFileExists(CounselorError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists; choose another file name.")
        self.path = path


@dataclass(frozen=True)
class BundleMade:
    path: Path
    workstation: str
    sequence: int
    base: int
    records: int
    notes: bool
    recipient: str  # the organisation key's fingerprint


def is_consolidation(session: Session) -> bool:
    row = session.conn.execute("SELECT 1 FROM meta WHERE key = ?", (ORG_PRIVATE_KEY,))
    return row.fetchone() is not None


def default_name(session: Session) -> str:
    """The file name a new bundle gets by default: workstation id and sequence."""
    last = bundles.last_sent(session.conn)
    sequence = 1 if last is None else last.sequence + 1
    return f"{workstation.identity(session.conn).id}-{sequence:05d}.cabundle"


def export_bundle(
    session: Session,
    out: Path,
    *,
    org_public: bytes | None = None,
    since: int | None = None,
    sequence: int | None = None,
    now: datetime | None = None,
) -> BundleMade:
    """Write the next bundle to ``out`` (which must not exist).

    ``org_public`` is the raw X25519 key (else the site settings' one); ``since``
    starts after that earlier bundle (0: every record) instead of the last one;
    ``sequence`` numbers the bundle above the next number (after this vault was restored
    from a backup older than bundles the consolidation vault already has), and then
    sends every record unless ``since`` says otherwise.
    """
    session.require(Permission.SEND_BUNDLES)
    if is_consolidation(session):
        raise ConsolidationSends()
    if is_training(session.conn):
        raise TrainingSends()
    site_key = session.settings.supervisor_public_key
    if org_public is None:
        if site_key is None:
            raise NoOrganisationKey()
        org_public = site_key.raw
    elif site_key is None or org_public != site_key.raw:
        # Whoever holds the private key of the recipient reads every record sent: only
        # those who may see every record choose another key than the site's.
        session.require(Permission.ALL_RECORDS)
    out = out.absolute()
    if out.exists() or out.is_symlink():
        raise BundleFileExists(out)
    if not out.parent.is_dir():
        raise InvalidInput(f"The folder {out.parent} does not exist.", "folder_missing")
    conn = session.conn
    me = workstation.identity(conn)
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    notes = session.settings.bundle_notes
    with transaction(conn):  # one consistent read, and the sequence taken under the lock
        last = bundles.last_sent(conn)
        last_sequence = 0 if last is None else last.sequence
        # After a restore (``sequence``), what was sent since the backup is unknown: all.
        default = last_sequence if sequence is None else 0
        base = default if since is None else since
        if not 0 <= base <= last_sequence:
            raise BadSince(base, last_sequence)
        start: int | None = None
        if base:
            earlier = bundles.sent(conn, base)
            if earlier is None:  # a number skipped with ``sequence``
                raise BadSince(base, last_sequence)
            start = earlier.changes_until
        counter = bundles.change_counter(conn)
        number = last_sequence + 1 if sequence is None else sequence
        if number <= last_sequence or number >= 2**31:
            raise BadSequence(number, last_sequence)
        records = list(bundles.changed_since(conn, start, notes=notes))
        header = BundleHeader(
            workstation=me.id,
            signing_key=me.public_key,
            sequence=number,
            base=base,
            created_at=moment,
            recipient=fingerprint(org_public),
            records=len(records),
            notes=notes,
        )
        payload = json.dumps(
            {"format": PAYLOAD_FORMAT, "version": PAYLOAD_VERSION, "records": records},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        if len(payload) > bundle_format.MAX_PAYLOAD_BYTES:
            raise BundleTooLarge(len(records), len(payload))
        sealed = bundle_format.seal(header, payload, org_public, me.private_key)
        del payload, records
        temporary = _write_temporary(out, sealed)
        try:
            bundles.add_sent(
                conn,
                bundles.SentBundle(
                    header.sequence, base, to_epoch(moment), counter, header.records
                ),
                notes=notes,
                made_by=session.user.id,
            )
            audit.record(
                conn,
                session.user.id,
                "bundle_export",
                detail=f"workstation={me.id} sequence={header.sequence} base={base} "
                f"records={header.records} notes={int(notes)} recipient={header.recipient[:16]}",
                now=moment,
            )
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    try:
        _place(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return BundleMade(out, me.id, header.sequence, base, header.records, notes, header.recipient)


def _write_temporary(out: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _place(temporary: Path, out: Path) -> None:
    """Give the file its name without replacing anything that appeared meanwhile."""
    try:
        os.link(temporary, out)
    except FileExistsError:
        raise BundleFileExists(out) from None
    except OSError:  # a file system without hard links
        if out.exists():
            raise BundleFileExists(out) from None
        os.replace(temporary, out)
        return
    temporary.unlink()
