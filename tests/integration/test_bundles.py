"""Record bundles from two workstations into a consolidation vault: each bundle imported
whole and once, or refused with a message and nothing written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from counselor_app import holds, records
from counselor_app.config import Settings
from counselor_app.errors import PermissionDenied, RecordFromWorkstation
from counselor_app.exchange import bundle_format, orgkey
from counselor_app.exchange.bundle_export import (
    BadSequence,
    BadSince,
    BundleFileExists,
    BundleTooLarge,
    ConsolidationSends,
    NoOrganisationKey,
    TrainingSends,
    export_bundle,
)
from counselor_app.exchange.consolidation import (
    BundleRefused,
    Gap,
    NotConsolidation,
    Replayed,
    UnknownWorkstation,
    import_bundles,
    org_private_key,
)
from counselor_app.exchange.training import create_training_vault
from counselor_app.store import bundles
from counselor_app.vault import Session
from counselor_app.workstation import identity
from tests.integration.bundle_support import (
    PASSPHRASE,
    PASSWORD,
    Org,
    consolidation,
    edit,
    live_ids,
    log_calls,
    send,
    state,
    workstation,
)


@pytest.fixture
def org(tmp_path: Path) -> Org:
    return Org(tmp_path / "org")


@pytest.fixture
def one(tmp_path: Path) -> Session:
    return workstation(tmp_path, "one")


@pytest.fixture
def two(tmp_path: Path) -> Session:
    return workstation(tmp_path, "two")


@pytest.fixture
def hub(tmp_path: Path, org: Org) -> Session:
    return consolidation(tmp_path, org)


def accept_all(*sessions: Session) -> set[str]:
    return {identity(session.conn).id for session in sessions}


def only(outcomes: list) -> object:  # type: ignore[type-arg]
    assert len(outcomes) == 1
    return outcomes[0].imported or outcomes[0].refused


def test_two_workstations_are_consolidated(
    tmp_path: Path, org: Org, one: Session, two: Session, hub: Session
) -> None:
    first = log_calls(one, 3)
    second = log_calls(two, 2, first=10)
    a = send(one, tmp_path / "a", org)
    b = send(two, tmp_path / "b", org)
    assert (a.sequence, a.records, b.sequence, b.records) == (1, 3, 1, 2)
    assert a.workstation != b.workstation
    outcomes = import_bundles(hub, [a.path, b.path], accept=accept_all(one, two))
    assert [o.refused for o in outcomes] == [None, None]
    assert [(o.imported.added, o.imported.accepted) for o in outcomes if o.imported] == [
        (3, True),
        (2, True),
    ]
    assert live_ids(hub) == {r.id for r in first + second}
    known = {w.id: w for w in bundles.workstations(hub.conn)}
    assert set(known) == {a.workstation, b.workstation}
    assert known[a.workstation].last_sequence == 1 and known[a.workstation].records == 3
    assert known[a.workstation].accepted_by == "sup"
    rows = hub.conn.execute("SELECT workstation, count(*) FROM records GROUP BY 1").fetchall()
    assert dict(rows) == {a.workstation: 3, b.workstation: 2}
    # The records read back exactly as the workstation holds them.
    assert records.get(hub, first[0].id).answers == records.get(one, first[0].id).answers
    # Later bundles from an accepted workstation need no acceptance.
    log_calls(one, 1, first=20)
    later = send(one, tmp_path / "a2", org)
    assert only(import_bundles(hub, [later.path])).added == 1  # type: ignore[attr-defined]


def test_overlapping_and_repeated_exports_import_each_record_once(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    made = log_calls(one, 3)
    b1 = send(one, tmp_path / "b1", org)
    edited = edit(one, made[0])
    log_calls(one, 1, first=5)
    b2 = send(one, tmp_path / "b2", org)
    everything = send(one, tmp_path / "b3", org, since=0)
    assert (b2.sequence, b2.base, everything.sequence, everything.base) == (2, 1, 3, 0)
    assert b2.records >= 2 and everything.records == 4
    results = import_bundles(hub, [everything.path, b2.path, b1.path], accept=accept_all(one))
    assert [o.refused for o in results] == [None, None, None]
    by_sequence = {o.imported.sequence: o.imported for o in results if o.imported}
    assert by_sequence[1].added == 3
    assert by_sequence[2].replaced == 1 and by_sequence[2].added == 1
    assert by_sequence[3].added == by_sequence[3].replaced == 0
    assert by_sequence[3].unchanged == 4
    assert len(live_ids(hub)) == 4
    assert records.get(hub, made[0].id).answers["channel"] == "chat" == edited.answers["channel"]
    # A bundle already imported is refused and changes nothing.
    before = state(hub)
    refused = only(import_bundles(hub, [b2.path]))
    assert isinstance(refused, Replayed) and "imported already" in str(refused)
    assert state(hub) == before


def test_an_older_copy_never_replaces_a_newer_one(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    made = log_calls(one, 1)
    old = send(one, tmp_path / "old", org)
    edit(one, made[0])
    new = send(one, tmp_path / "new", org)
    import_bundles(hub, [old.path, new.path], accept=accept_all(one))
    again = send(one, tmp_path / "again", org, since=0)  # the same revision once more
    assert only(import_bundles(hub, [again.path])).unchanged == 1  # type: ignore[attr-defined]
    assert records.get(hub, made[0].id).answers["channel"] == "chat"


def test_a_deletion_travels(tmp_path: Path, org: Org, one: Session, hub: Session) -> None:
    made = log_calls(one, 2)
    first = send(one, tmp_path / "1", org)
    records.delete(one, made[1].id, "logged twice")
    second = send(one, tmp_path / "2", org)
    import_bundles(hub, [first.path, second.path], accept=accept_all(one))
    assert live_ids(hub) == {made[0].id}
    # A deleted record is never brought back by an older copy.
    stale = send(one, tmp_path / "3", org, since=0)
    import_bundles(hub, [stale.path])
    assert live_ids(hub) == {made[0].id}


@pytest.mark.parametrize("where", [0, 20, 200, -70, -1])
def test_a_flipped_byte_is_refused_and_nothing_written(
    tmp_path: Path, org: Org, one: Session, hub: Session, where: int
) -> None:
    log_calls(one, 2)
    made = send(one, tmp_path / "b", org)
    data = bytearray(made.path.read_bytes())
    data[where] ^= 0x01
    made.path.write_bytes(bytes(data))
    before = state(hub)
    refused = only(import_bundles(hub, [made.path], accept=accept_all(one)))
    assert isinstance(refused, BundleRefused)
    assert "Nothing of it was imported" in str(refused)
    assert state(hub) == before


def test_the_wrong_recipient_key_is_refused(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    other = Org(tmp_path / "other-org")
    log_calls(one, 1)
    made = send(one, tmp_path / "b", other)
    before = state(hub)
    refused = only(import_bundles(hub, [made.path], accept=accept_all(one)))
    assert isinstance(refused, BundleRefused)
    assert "another organisation key" in str(refused)
    assert state(hub) == before


def test_an_unknown_signer_is_refused_until_accepted(
    tmp_path: Path, org: Org, one: Session, two: Session, hub: Session
) -> None:
    log_calls(one, 1)
    made = send(one, tmp_path / "b", org)
    before = state(hub)
    refused = only(import_bundles(hub, [made.path], accept=accept_all(two)))
    assert isinstance(refused, UnknownWorkstation)
    assert refused.workstation == made.workstation and refused.workstation in str(refused)
    assert len(refused.fingerprint) == 64 and refused.fingerprint in str(refused)
    assert state(hub) == before
    assert only(import_bundles(hub, [made.path], accept={made.workstation})).added == 1  # type: ignore[attr-defined]


def test_a_gap_is_refused_and_filled_with_since(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    log_calls(one, 1)
    b1 = send(one, tmp_path / "1", org)
    log_calls(one, 1, first=2)
    send(one, tmp_path / "2", org)  # lost on the way
    log_calls(one, 1, first=4)
    b3 = send(one, tmp_path / "3", org)
    import_bundles(hub, [b1.path], accept=accept_all(one))
    before = state(hub)
    refused = only(import_bundles(hub, [b3.path]))
    assert isinstance(refused, Gap) and "bundle 2 is missing" in str(refused)
    assert "--since 1" in str(refused)
    assert state(hub) == before
    refill = send(one, tmp_path / "4", org, since=1)
    assert only(import_bundles(hub, [refill.path])).added == 2  # type: ignore[attr-defined]
    assert len(live_ids(hub)) == 3
    assert bundles.workstations(hub.conn)[0].last_sequence == 4


def test_an_invalid_record_rejects_the_whole_bundle(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    """Signed by a real workstation, yet one record breaks its form: nothing is imported."""
    log_calls(one, 3)
    one.conn.execute(
        "UPDATE records SET answers = json_set(answers, '$.channel', 'pigeon') "
        "WHERE rowid = (SELECT max(rowid) FROM records)"
    )
    made = send(one, tmp_path / "b", org)
    before = state(hub)
    refused = only(import_bundles(hub, [made.path], accept=accept_all(one)))
    assert isinstance(refused, BundleRefused)
    assert "record 3, channel" in str(refused)
    assert state(hub) == before


def test_the_workstation_cannot_read_its_own_bundle(tmp_path: Path, org: Org, one: Session) -> None:
    marker = "MARKER-bundle-5521"
    log_calls(one, 2, note=marker)
    one.settings = Settings(bundle_notes=True)
    made = send(one, tmp_path / "b", org)
    data = made.path.read_bytes()
    for encoding in ("utf-8", "utf-16-le"):
        assert marker.encode(encoding) not in data
    # It holds no organisation private key, and no other key opens the bundle.
    with pytest.raises(NotConsolidation):
        org_private_key(one)
    with pytest.raises(NotConsolidation):
        import_bundles(one, [made.path])
    stranger = Org(tmp_path / "stranger")
    signed = bundle_format.read_file(made.path)
    with pytest.raises(bundle_format.BundleError):
        bundle_format.open_payload(signed, orgkey.unseal(stranger.keys.private_path, PASSPHRASE))


@pytest.mark.parametrize("allowed", [False, True])
def test_notes_travel_only_when_the_site_allows(
    tmp_path: Path, org: Org, hub: Session, allowed: bool
) -> None:
    station = workstation(tmp_path, "notes", Settings(bundle_notes=allowed))
    made = log_calls(station, 1, note="Rappelle demain.")
    out = send(station, tmp_path / "b", org)
    assert out.notes is allowed
    import_bundles(hub, [out.path], accept=accept_all(station))
    assert ("note" in records.get(hub, made[0].id).answers) is allowed


def test_a_held_record_is_left_as_it_is(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    made = log_calls(one, 1)
    first = send(one, tmp_path / "1", org)
    import_bundles(hub, [first.path], accept=accept_all(one))
    holds.place(hub, made[0].id)
    edit(one, made[0])
    second = send(one, tmp_path / "2", org)
    assert only(import_bundles(hub, [second.path])).held == 1  # type: ignore[attr-defined]
    assert records.get(hub, made[0].id).answers["channel"] == "phone"


def test_refusals_of_export(tmp_path: Path, org: Org, one: Session, hub: Session) -> None:
    with pytest.raises(NoOrganisationKey):
        export_bundle(one, tmp_path / "b")
    with pytest.raises(BadSince):
        send(one, tmp_path / "b", org, since=1)
    (tmp_path / "taken").write_bytes(b"keep")
    with pytest.raises(BundleFileExists):
        send(one, tmp_path / "taken", org)
    assert (tmp_path / "taken").read_bytes() == b"keep"
    assert bundles.last_sent(one.conn) is None  # no sequence number used up
    with pytest.raises(ConsolidationSends):
        send(hub, tmp_path / "c", org)
    training = create_training_vault(
        tmp_path / "training", "t", PASSWORD, Settings(), calls=3, seed=1
    )
    with pytest.raises(TrainingSends):
        send(training, tmp_path / "t", org)
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_only_supervisors_import(tmp_path: Path, org: Org, one: Session, hub: Session) -> None:
    from counselor_app import accounts
    from counselor_app.logins import log_in
    from counselor_app.roles import Role

    accounts.add_user(hub, "cora", Role.COUNSELOR, PASSWORD)
    log_calls(one, 1)
    made = send(one, tmp_path / "b", org)
    with (
        log_in(hub.paths.data_dir, "cora", PASSWORD, Settings(), how="command") as cora,
        pytest.raises(PermissionDenied),
    ):
        import_bundles(cora, [made.path], accept=accept_all(one))


def test_a_header_can_be_read_without_the_key(tmp_path: Path, org: Org, one: Session) -> None:
    log_calls(one, 2)
    made = send(one, tmp_path / "b", org)
    header = bundle_format.read_file(made.path).header
    assert (header.workstation, header.sequence, header.records) == (made.workstation, 1, 2)


def test_after_a_restore_the_sequence_is_moved_past_the_imported_ones(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    from counselor_app.logins import log_in
    from counselor_app.vault.backup import make_backup, restore_backup

    log_calls(one, 1)
    b1 = send(one, tmp_path / "1", org)
    make_backup(one, tmp_path / "backup")
    log_calls(one, 1, first=3)
    b2 = send(one, tmp_path / "2", org)
    import_bundles(hub, [b1.path, b2.path], accept=accept_all(one))
    data_dir = one.paths.data_dir
    one.close()
    restore_backup(tmp_path / "backup", data_dir, "one", PASSWORD, Settings())
    with log_in(data_dir, "one", PASSWORD, Settings(), how="command") as restored:
        latest = log_calls(restored, 1, first=6)
        again = send(restored, tmp_path / "again", org)
        assert again.sequence == 2
        refused = only(import_bundles(hub, [again.path]))
        assert isinstance(refused, Replayed) and "--sequence 3" in str(refused)
        with pytest.raises(BadSequence):
            send(restored, tmp_path / "low", org, sequence=2)
        moved = send(restored, tmp_path / "moved", org, sequence=3)
    done = only(import_bundles(hub, [moved.path]))
    assert done.sequence == 3 and done.added == 1  # type: ignore[attr-defined]
    assert latest[0].id in live_ids(hub) and len(live_ids(hub)) == 3


def test_an_imported_record_is_changed_on_its_workstation_only(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    made = log_calls(one, 1)
    sent = send(one, tmp_path / "1", org)
    import_bundles(hub, [sent.path], accept=accept_all(one))
    copy = records.get(hub, made[0].id)
    assert copy.workstation == sent.workstation and not records.may_edit(hub, copy)
    with pytest.raises(RecordFromWorkstation) as refused:
        records.update(hub, made[0].id, answers={**copy.answers, "channel": "chat"})
    assert sent.workstation in str(refused.value)
    assert records.may_edit(one, records.get(one, made[0].id))


def test_a_bundle_too_large_is_refused_before_anything_is_written(
    tmp_path: Path, org: Org, one: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_calls(one, 5)
    monkeypatch.setattr(bundle_format, "MAX_PAYLOAD_BYTES", 2000)
    with pytest.raises(BundleTooLarge) as refused:
        send(one, tmp_path / "big", org)
    assert refused.value.records == 5 and "--since" in str(refused.value)
    assert not list(tmp_path.iterdir()) or not (tmp_path / "big").exists()
    assert bundles.last_sent(one.conn) is None


def test_a_clock_ahead_at_one_export_loses_no_later_change(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    made = log_calls(one, 1)
    ahead = datetime.now(UTC) + timedelta(hours=2)
    first = send(one, tmp_path / "1", org, now=ahead)
    edit(one, made[0])  # at the right time again, before the time of the first bundle
    second = send(one, tmp_path / "2", org)
    assert second.records == 1
    import_bundles(hub, [first.path, second.path], accept=accept_all(one))
    assert records.get(hub, made[0].id).answers["channel"] == "chat"


def test_a_change_made_after_a_restore_replaces_the_older_one(
    tmp_path: Path, org: Org, one: Session, hub: Session
) -> None:
    from counselor_app.logins import log_in
    from counselor_app.vault.backup import make_backup, restore_backup

    made = log_calls(one, 1)
    first = send(one, tmp_path / "1", org)
    make_backup(one, tmp_path / "backup")
    edit(one, made[0], "chat")
    second = send(one, tmp_path / "2", org)
    import_bundles(hub, [first.path, second.path], accept=accept_all(one))
    data_dir = one.paths.data_dir
    one.close()
    restore_backup(tmp_path / "backup", data_dir, "one", PASSWORD, Settings())
    with log_in(data_dir, "one", PASSWORD, Settings(), how="command") as restored:
        edit(restored, records.get(restored, made[0].id), "interpreter")
        after = send(restored, tmp_path / "3", org, sequence=3)
    assert after.base == 0  # what was sent since the backup is unknown: everything
    assert only(import_bundles(hub, [after.path])).replaced == 1  # type: ignore[attr-defined]
    assert records.get(hub, made[0].id).answers["channel"] == "interpreter"


def test_only_supervisors_choose_another_key_than_the_site(
    tmp_path: Path, org: Org, one: Session
) -> None:
    from counselor_app import accounts, audit
    from counselor_app.config import SupervisorKey
    from counselor_app.logins import log_in
    from counselor_app.roles import Role

    accounts.add_user(one, "cora", Role.COUNSELOR, PASSWORD)
    log_calls(one, 1)
    site = Settings(supervisor_public_key=SupervisorKey(org.keys.public_path, org.public))
    mine = Org(tmp_path / "cora's own key")
    with log_in(one.paths.data_dir, "cora", PASSWORD, site, how="command") as cora:
        with pytest.raises(PermissionDenied):
            send(cora, tmp_path / "leak", mine)
        assert not (tmp_path / "leak").exists()
        made = send(cora, tmp_path / "fine", org)  # the site's key, given explicitly
    assert made.sequence == 1
    one.settings = site
    send(one, tmp_path / "admin", mine)  # an admin may
    details = [e.detail or "" for e in audit.entries(one.conn) if e.action == "bundle_export"]
    assert [d.split("recipient=")[1] for d in details] == [
        made.recipient[:16],
        orgkey.fingerprint(mine.public)[:16],
    ]


def _forged(tmp_path: Path, org: Org, payload: bytes, name: str) -> tuple[Path, str]:
    """A bundle signed by a fresh key (anyone can make one with org.pub) holding ``payload``."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from counselor_app.workstation import workstation_id

    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes_raw()
    header = bundle_format.BundleHeader(
        workstation=workstation_id(raw),
        signing_key=raw,
        sequence=1,
        base=0,
        created_at=datetime(2026, 12, 1, tzinfo=UTC),
        recipient=orgkey.fingerprint(org.public),
        records=1,
        notes=False,
    )
    path = tmp_path / name
    path.write_bytes(bundle_format.seal(header, payload, org.public, key))
    return path, header.workstation


@pytest.mark.parametrize(
    "payload",
    [b'{"format": "counselor-app records", "version": 1, "records": [' + b"9" * 5000 + b"]}",
     b"[" * 100_000 + b"]" * 100_000],
    ids=["a number too long", "nesting too deep"],
)  # fmt: skip
def test_a_payload_json_cannot_read_refuses_its_bundle_only(
    tmp_path: Path, org: Org, one: Session, hub: Session, payload: bytes
) -> None:
    forged, forged_id = _forged(tmp_path, org, payload, "forged")
    log_calls(one, 1)
    good = send(one, tmp_path / "good", org)
    outcomes = import_bundles(hub, [forged, good.path], accept={forged_id, good.workstation})
    assert isinstance(outcomes[0].refused, BundleRefused)
    assert "not JSON text" in str(outcomes[0].refused)
    assert outcomes[1].imported is not None and outcomes[1].imported.added == 1
    assert {w.id for w in bundles.workstations(hub.conn)} == {good.workstation}


def test_an_unknown_signer_is_refused_before_its_bundle_is_opened(
    tmp_path: Path, org: Org, hub: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    forged, _ = _forged(tmp_path, org, b"{}", "forged")

    def never(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("decrypted")

    monkeypatch.setattr(bundle_format, "open_payload", never)
    refused = only(import_bundles(hub, [forged]))
    assert isinstance(refused, UnknownWorkstation)


def test_an_id_already_here_from_elsewhere_is_left_alone(
    tmp_path: Path, org: Org, one: Session, two: Session, hub: Session
) -> None:
    """Records moved between vaults as JSON Lines keep their ids: neither copy wins."""
    from counselor_app.exchange.transfer import export_file, import_file

    made = log_calls(one, 2)
    export_file(one, tmp_path / "moved.jsonl")
    import_file(hub, tmp_path / "moved.jsonl")  # made here, before bundles existed
    import_file(two, tmp_path / "moved.jsonl")
    edit(two, records.get(two, made[0].id))
    a = send(one, tmp_path / "a", org)
    b = send(two, tmp_path / "b", org)
    outcomes = import_bundles(hub, [a.path, b.path], accept=accept_all(one, two))
    done = [o.imported for o in outcomes]
    assert [(d.added, d.conflicts) for d in done if d] == [(0, 2), (0, 2)]
    assert records.get(hub, made[0].id).answers["channel"] == "phone"
    # Later bundles from both still import.
    log_calls(one, 1, first=9)
    later = send(one, tmp_path / "a2", org)
    assert only(import_bundles(hub, [later.path])).added == 1  # type: ignore[attr-defined]
