"""The consolidation vault: it holds the organisation's private key and imports the
bundles workstations send, each one whole or not at all.

A bundle is accepted when its signature holds, its workstation is known (or is being
accepted by a supervisor, fingerprint in hand), and its sequence follows what was
imported before: ``sequence`` must be new, and its ``base`` (where its changes start)
must not lie past the last bundle imported, or changes would be missing.
"""

from __future__ import annotations

import base64
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from counselor_app import audit
from counselor_app.config import Settings
from counselor_app.errors import CounselorError
from counselor_app.exchange import bundle_format, orgkey
from counselor_app.exchange.bundle_export import ORG_PRIVATE_KEY
from counselor_app.exchange.bundle_format import BundleError, BundleHeader, SignedBundle
from counselor_app.exchange.bundle_records import IncomingRecord, RecordRefused, parse_payload
from counselor_app.roles import Permission
from counselor_app.store import bundles
from counselor_app.store.db import transaction
from counselor_app.store.records import CallRecord, RecordStore, from_epoch, to_epoch
from counselor_app.vault.session import Session, create_vault


class NotConsolidation(CounselorError):
    def __init__(self) -> None:
        super().__init__(
            "This vault is a workstation's: bundles are imported into a consolidation vault "
            "(see 'consolidate init')."
        )


class BundleRefused(CounselorError):
    """A bundle that was not imported; nothing of it was written."""

    def __init__(self, path: Path, reason: str, cause: BundleError | None = None) -> None:
        super().__init__(f"{path.name}: {reason} Nothing of it was imported.")
        self.path = path
        self.reason = reason
        self.cause = cause  # the file's own problem, when it is one (damaged, wrong key, …)


class UnknownWorkstation(BundleRefused):
    def __init__(self, path: Path, bundle: SignedBundle) -> None:
        self.workstation = bundle.header.workstation
        self.fingerprint = orgkey.fingerprint(bundle.header.signing_key)
        super().__init__(
            path,
            f"it is signed by workstation {self.workstation}, which this vault does not know "
            f"(key fingerprint {self.fingerprint}). If that is one of yours, accept it "
            f"once with --accept {self.workstation}.",
        )


class Replayed(BundleRefused):
    def __init__(self, path: Path, workstation: str, sequence: int, last: int) -> None:
        super().__init__(
            path,
            f"bundle {sequence} of workstation {workstation} was imported already "
            f"(the last imported is {last}). If that workstation was restored from a backup "
            f"since, have it send 'bundle export --sequence {last + 1}'.",
        )
        self.sequence, self.last = sequence, last


class Gap(BundleRefused):
    def __init__(self, path: Path, workstation: str, base: int, sequence: int, last: int) -> None:
        missing = f"{last + 1}" if base == last + 1 else f"{last + 1} to {base}"
        super().__init__(
            path,
            f"bundle {sequence} of workstation {workstation} follows bundle {base}, but the "
            f"last imported is {last}: bundle {missing} is missing. Import it first, or have "
            f"the workstation send 'bundle export --since {last}'.",
        )
        self.base, self.sequence, self.last = base, sequence, last


@dataclass(frozen=True)
class Imported:
    path: Path
    workstation: str
    sequence: int
    added: int
    replaced: int
    unchanged: int  # the same or an older version was here already
    held: int  # on legal hold here, so left as they are
    accepted: bool  # the workstation was accepted with this bundle
    conflicts: int = 0  # ids already here from elsewhere (this vault, another workstation)


@dataclass(frozen=True)
class Outcome:
    path: Path
    imported: Imported | None = None
    refused: CounselorError | None = None


def init_consolidation(
    data_dir: Path,
    org_key: Path,
    passphrase: str,
    admin_name: str,
    password: str,
    settings: Settings,
) -> Session:
    """A new vault holding the organisation's private key, with its first admin."""
    private = orgkey.unseal(org_key, passphrase)
    raw = base64.b64encode(orgkey.private_bytes(private)).decode("ascii")
    session = create_vault(
        data_dir, admin_name, password, settings, extra_meta={ORG_PRIVATE_KEY: raw}
    )
    with transaction(session.conn):
        audit.record(
            session.conn,
            session.user.id,
            "consolidation_init",
            detail=f"org_key={orgkey.fingerprint(orgkey.public_bytes(private))[:16]}",
        )
    return session


def org_private_key(session: Session) -> X25519PrivateKey:
    row = session.conn.execute("SELECT value FROM meta WHERE key = ?", (ORG_PRIVATE_KEY,))
    found = row.fetchone()
    if found is None:
        raise NotConsolidation()
    return orgkey.load_private(base64.b64decode(str(found[0])))


def org_fingerprint(session: Session) -> str:
    return orgkey.fingerprint(orgkey.public_bytes(org_private_key(session)))


def inspect(path: Path) -> SignedBundle:
    """Read and check a bundle's signature, without decrypting it (for asking first)."""
    return bundle_format.read_file(path)


@dataclass(frozen=True)
class Order:
    """Files in the order they are imported: each workstation's bundles by number."""

    paths: list[Path]  # the readable files, in that order
    headers: dict[Path, BundleHeader]
    unreadable: dict[Path, BundleError]


def order_of(paths: Sequence[Path]) -> Order:
    """Read every file's header (its signature checked); nothing is decrypted or kept."""
    headers: dict[Path, BundleHeader] = {}
    unreadable: dict[Path, BundleError] = {}
    for path in paths:
        try:
            headers[path] = inspect(path).header
        except BundleError as exc:
            unreadable[path] = exc
    ordered = sorted(headers, key=lambda path: (headers[path].workstation, headers[path].sequence))
    return Order(ordered, headers, unreadable)


def _unreadable(path: Path, exc: BundleError) -> Outcome:
    reason = str(exc).removeprefix(f"{path}: ")
    return Outcome(path, refused=BundleRefused(path, reason, exc))


def import_file(
    session: Session,
    path: Path,
    *,
    accept: Collection[str] = (),
    now: datetime | None = None,
) -> Outcome:
    """Read one bundle and import it whole, or say why not."""
    session.require(Permission.IMPORT_BUNDLES)
    private = org_private_key(session)
    try:
        bundle = inspect(path)
    except BundleError as exc:
        return _unreadable(path, exc)
    try:
        return Outcome(path, imported=import_one(session, path, bundle, private, accept, now))
    except CounselorError as exc:
        return Outcome(path, refused=exc)


def import_bundles(
    session: Session,
    paths: Sequence[Path],
    *,
    accept: Collection[str] = (),
    now: datetime | None = None,
) -> list[Outcome]:
    """Import each file in the order of its workstation's sequence; one outcome a file,
    in the order of ``paths``. ``accept`` lists the workstation ids a supervisor accepts
    with these bundles. Each file is read again when its turn comes (only the headers
    are kept meanwhile)."""
    session.require(Permission.IMPORT_BUNDLES)
    order = order_of(paths)
    outcomes = {path: _unreadable(path, exc) for path, exc in order.unreadable.items()}
    for path in order.paths:
        outcomes[path] = import_file(session, path, accept=accept, now=now)
    return [outcomes[path] for path in paths if path in outcomes]


def _follows(
    session: Session, path: Path, bundle: SignedBundle, accept: Collection[str]
) -> int | None:
    """The last sequence imported from the bundle's workstation (None: not known yet, and
    accepted now), or the refusal: an unknown signer, another key, a replay, a gap."""
    header = bundle.header
    known = bundles.workstation(session.conn, header.workstation)
    if known is None:
        if header.workstation not in accept:
            raise UnknownWorkstation(path, bundle)
        last = 0
    elif known.signing_key != base64.b64encode(header.signing_key).decode("ascii"):
        raise BundleRefused(
            path, f"workstation {header.workstation} was accepted with another key."
        )
    else:
        last = known.last_sequence
    if header.sequence <= last:
        raise Replayed(path, header.workstation, header.sequence, last)
    if header.base > last:
        raise Gap(path, header.workstation, header.base, header.sequence, last)
    return None if known is None else last


def import_one(
    session: Session,
    path: Path,
    bundle: SignedBundle,
    private: X25519PrivateKey,
    accept: Collection[str] = (),
    now: datetime | None = None,
) -> Imported:
    session.require(Permission.IMPORT_BUNDLES)
    header = bundle.header
    # Who sent it and in what order is settled before anything is decrypted.
    _follows(session, path, bundle, accept)
    try:
        payload = bundle_format.open_payload(bundle, private)
        records = parse_payload(payload, notes=header.notes, expected=header.records)
    except BundleError as exc:
        raise BundleRefused(path, str(exc), exc) from None
    except RecordRefused as exc:
        raise BundleRefused(path, f"{exc}.") from None
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    conn = session.conn
    with transaction(conn):
        accepted = _follows(session, path, bundle, accept) is None  # again, under the lock
        if accepted:
            key_text = base64.b64encode(header.signing_key).decode("ascii")
            bundles.accept(conn, header.workstation, key_text, session.user.id, to_epoch(moment))
            audit.record(
                conn,
                session.user.id,
                "workstation_accepted",
                detail=f"workstation={header.workstation} "
                f"key={orgkey.fingerprint(header.signing_key)}",
                now=moment,
            )
        counts = _store_records(session, header.workstation, header.sequence, records, moment)
        bundles.advance(
            conn, header.workstation, header.sequence, to_epoch(header.created_at), to_epoch(moment)
        )
        added, replaced, unchanged, held, conflicts = counts
        audit.record(
            conn,
            session.user.id,
            "bundle_import",
            detail=f"workstation={header.workstation} sequence={header.sequence} "
            f"added={added} replaced={replaced} unchanged={unchanged} held={held} "
            f"conflicts={conflicts}",
            now=moment,
        )
    return Imported(
        path,
        header.workstation,
        header.sequence,
        added,
        replaced,
        unchanged,
        held,
        accepted,
        conflicts,
    )


def _store_records(
    session: Session,
    workstation: str,
    sequence: int,
    records: list[IncomingRecord],
    moment: datetime,
) -> tuple[int, int, int, int, int]:
    conn = session.conn
    store = RecordStore(conn)
    who = session.user.id
    why = f"bundle {sequence} of workstation {workstation}"
    added = replaced = unchanged = held = conflicts = 0
    for incoming in records:
        found = bundles.existing(conn, incoming.id)
        if found is not None and found.workstation != workstation:
            # The same id made here or brought by another workstation (a JSON Lines import
            # keeps ids): neither copy overwrites the other.
            conflicts += 1
            continue
        if found is not None and (incoming.revision <= found.revision or found.deleted):
            unchanged += 1
            continue
        if found is not None and found.held:
            held += 1
            continue
        record = _call_record(incoming, who)
        if found is None:
            rowid = store.insert(record, moment)
            store.add_history(rowid, who, "create", record.answers, moment, reason=why)
            added += 1
        else:
            rowid = found.rowid
            if incoming.deleted_at is None:
                store.update(rowid, record, moment)
                store.add_history(rowid, who, "update", record.answers, moment, reason=why)
            replaced += 1
        if incoming.deleted_at is not None:
            store.mark_deleted(rowid, who, f"deleted on {why}", from_epoch(incoming.deleted_at))
            store.add_history(rowid, who, "delete", (), moment, reason=why)
        bundles.set_origin(conn, rowid, workstation, incoming.revision)
    return added, replaced, unchanged, held, conflicts


def _call_record(incoming: IncomingRecord, counselor_id: str) -> CallRecord:
    return CallRecord(
        id=incoming.id,
        form=incoming.form,
        form_version=incoming.form_version,
        started_at=from_epoch(incoming.started_at),
        ended_at=from_epoch(incoming.ended_at),
        counselor_id=counselor_id,
        answers=incoming.answers,
        prompts_shown=incoming.prompts_shown,
        findings_confirmed=incoming.findings_confirmed,
    )
