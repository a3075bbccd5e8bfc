"""The bundle file format: signed by a workstation, readable only with the organisation key."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st

from counselor_app.errors import CounselorError
from counselor_app.exchange.bundle_format import (
    INFO,
    MAGIC,
    BundleError,
    BundleHeader,
    SignedBundle,
    open_payload,
    read,
    read_file,
    seal,
)
from counselor_app.exchange.orgkey import fingerprint, public_bytes
from counselor_app.workstation import workstation_id

ORG = X25519PrivateKey.generate()
ORG_RAW = public_bytes(ORG)
SIGNER = Ed25519PrivateKey.generate()
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
CREATED = datetime(2025, 3, 1, 12, 30, 5, tzinfo=UTC)
PAYLOAD = b'{"records": [{"kind": "call", "reason": "R03"}]}'


def make_header(
    signer: Ed25519PrivateKey = SIGNER, org_raw: bytes = ORG_RAW, **changes: Any
) -> BundleHeader:
    key = signer.public_key().public_bytes_raw()
    header = BundleHeader(
        workstation=workstation_id(key),
        signing_key=key,
        sequence=3,
        base=2,
        created_at=CREATED,
        recipient=fingerprint(org_raw),
        records=1,
        notes=False,
    )
    return replace(header, **changes)


def assemble(
    header_bytes: bytes, ciphertext: bytes, signer: Ed25519PrivateKey = SIGNER, version: int = 1
) -> bytes:
    """The layout written out independently of the module: the format's specification."""
    body = (
        MAGIC
        + bytes([version])
        + len(header_bytes).to_bytes(4, "big")
        + header_bytes
        + len(ciphertext).to_bytes(8, "big")
        + ciphertext
    )
    return body + signer.sign(body)


def encrypt(header_bytes: bytes, content: bytes, org_raw: bytes = ORG_RAW) -> bytes:
    """What ``seal`` encrypts, with any content (compressed or not)."""
    public = X25519PublicKey.from_public_bytes(org_raw)
    return SUITE.encrypt(content, public, info=INFO + header_bytes)


BUNDLE = seal(make_header(), PAYLOAD, ORG_RAW, SIGNER)


def reason_of(data: bytes, org: X25519PrivateKey = ORG) -> str:
    with pytest.raises(BundleError) as caught:
        open_payload(read(data), org)
    assert isinstance(caught.value, CounselorError)
    return caught.value.reason


def test_a_sealed_bundle_reads_back_and_opens() -> None:
    bundle = read(BUNDLE)
    assert bundle.header == make_header()
    assert open_payload(bundle, ORG) == PAYLOAD


def test_the_layout_is_magic_version_header_ciphertext_signature() -> None:
    header = make_header().to_bytes()
    assert BUNDLE[:8] == b"CNSLBNDL" and BUNDLE[8] == 1
    assert int.from_bytes(BUNDLE[9:13], "big") == len(header)
    assert BUNDLE[13 : 13 + len(header)] == header
    length = int.from_bytes(BUNDLE[13 + len(header) : 21 + len(header)], "big")
    assert len(BUNDLE) == 21 + len(header) + length + 64
    assert PAYLOAD not in BUNDLE and zlib.compress(PAYLOAD) not in BUNDLE


def test_the_header_is_canonical_json() -> None:
    header = make_header()
    text = header.to_bytes().decode("utf-8")
    assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))
    document = json.loads(text)
    assert document["created_at"] == "2025-03-01T12:30:05Z"
    assert document["notes"] is False and document["sequence"] == 3 and document["base"] == 2
    assert BundleHeader.from_bytes(header.to_bytes()) == header


def test_sealing_twice_gives_different_bytes_and_the_same_payload() -> None:
    again = seal(make_header(), PAYLOAD, ORG_RAW, SIGNER)
    assert again != BUNDLE
    assert open_payload(read(again), ORG) == PAYLOAD


@pytest.mark.parametrize("payload", [b"", b"x", bytes(range(256)) * 1000])
def test_any_payload_round_trips(payload: bytes) -> None:
    assert open_payload(read(seal(make_header(), payload, ORG_RAW, SIGNER)), ORG) == payload


def test_the_workstation_id_is_the_start_of_the_key_hash_in_four_groups() -> None:
    key = bytes(32)
    ident = workstation_id(key)
    assert re.fullmatch(r"[0-9a-f]{4}(-[0-9a-f]{4}){3}", ident)
    assert ident == "6668-7aad-f862-bd77"  # SHA-256 of 32 zero bytes: 66687aadf862bd77…
    digest = hashlib.sha256(SIGNER.public_key().public_bytes_raw()).hexdigest()
    assert make_header().workstation.replace("-", "") == digest[:16]


def test_another_organisation_key_is_told_apart_by_its_fingerprint() -> None:
    other = X25519PrivateKey.generate()
    with pytest.raises(BundleError, match="made for another organisation key") as caught:
        open_payload(read(BUNDLE), other)
    assert caught.value.reason == "wrong_recipient"
    assert fingerprint(ORG_RAW)[:16] in str(caught.value)
    assert fingerprint(public_bytes(other))[:16] in str(caught.value)


def test_a_workstation_without_the_organisation_key_cannot_decrypt() -> None:
    bundle = read(BUNDLE)
    guess = X25519PrivateKey.generate()
    with pytest.raises(InvalidTag):
        SUITE.decrypt(bundle.ciphertext, guess, info=INFO + bundle.header_bytes)
    # Even with the recipient check passed, a key that is not the organisation's fails.
    claimed = replace(
        bundle, header=replace(bundle.header, recipient=fingerprint(public_bytes(guess)))
    )
    with pytest.raises(BundleError, match="cannot be decrypted") as caught:
        open_payload(claimed, guess)
    assert caught.value.reason == "undecryptable"


def test_a_header_moved_onto_another_ciphertext_does_not_decrypt() -> None:
    first = read(seal(make_header(records=1), b"first", ORG_RAW, SIGNER))
    second = read(seal(make_header(records=7, notes=True), b"second", ORG_RAW, SIGNER))
    resigned = assemble(second.header_bytes, first.ciphertext)  # even by the same workstation
    assert reason_of(resigned) == "undecryptable"
    unsigned = resigned[:-64] + first.signature
    with pytest.raises(BundleError, match="signature does not match") as caught:
        read(unsigned)
    assert caught.value.reason == "bad_signature"


def test_a_signature_by_another_key_is_refused() -> None:
    other = Ed25519PrivateKey.generate()
    forged = BUNDLE[:-64] + other.sign(BUNDLE[:-64])
    with pytest.raises(BundleError, match="altered after it was signed") as caught:
        read(forged)
    assert caught.value.reason == "bad_signature"


def test_a_workstation_id_that_is_not_the_signing_keys_is_refused() -> None:
    header = make_header(workstation="0000-0000-0000-0000")
    with pytest.raises(ValueError, match="workstation id"):
        seal(header, PAYLOAD, ORG_RAW, SIGNER)
    data = assemble(header.to_bytes(), encrypt(header.to_bytes(), zlib.compress(PAYLOAD)))
    with pytest.raises(BundleError, match="workstation id does not match") as caught:
        read(data)
    assert caught.value.reason == "workstation_mismatch"


def test_sealing_refuses_a_header_for_another_key_or_signer() -> None:
    other_org = public_bytes(X25519PrivateKey.generate())
    with pytest.raises(ValueError, match="recipient"):
        seal(make_header(), PAYLOAD, other_org, SIGNER)
    with pytest.raises(ValueError, match="signing key"):
        seal(make_header(), PAYLOAD, ORG_RAW, Ed25519PrivateKey.generate())


@pytest.mark.parametrize(
    "changes",
    [
        {"sequence": 0},
        {"sequence": True},
        {"base": 3},
        {"base": -1},
        {"records": -1},
        {"notes": 1},
        {"recipient": "ABC"},
        {"signing_key": b"short"},
        {"created_at": datetime(2025, 3, 1, 12, 30)},
        {"created_at": datetime(2025, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=1)))},
        {"created_at": datetime(2025, 3, 1, 12, 30, 5, 1, tzinfo=UTC)},
    ],
)
def test_an_impossible_header_cannot_be_made(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="the "):
        make_header(**changes)


def test_everything_since_the_start_has_base_zero() -> None:
    header = make_header(sequence=1, base=0)
    assert BundleHeader.from_bytes(header.to_bytes()) == header


@pytest.mark.parametrize(
    "data", [b"", b"CNSL", b"%PDF-1.7\n", b"cnslbndl" + BUNDLE[8:], b"\0" * 200]
)
def test_other_files_are_not_bundles(data: bytes) -> None:
    with pytest.raises(BundleError, match="not a counselor-app bundle") as caught:
        read(data)
    assert caught.value.reason == "not_bundle"


def test_a_newer_format_is_refused_by_name() -> None:
    data = BUNDLE[:8] + bytes([2]) + BUNDLE[9:]
    with pytest.raises(BundleError, match="newer version of counselor-app") as caught:
        read(data)
    assert caught.value.reason == "newer_version"


def _damaged(data: bytes, detail: str) -> None:
    with pytest.raises(BundleError, match="The bundle is damaged") as caught:
        read(data)
    assert caught.value.reason == "damaged"
    assert detail in str(caught.value)


def test_a_format_version_zero_is_damage() -> None:
    _damaged(BUNDLE[:8] + bytes([0]) + BUNDLE[9:], "unknown format 0")


def test_trailing_bytes_are_damage() -> None:
    _damaged(BUNDLE + b"\0", "after the signature")


def test_a_huge_header_length_is_refused_before_reading_it() -> None:
    data = BUNDLE[:9] + (64 * 1024 + 1).to_bytes(4, "big") + BUNDLE[13:]
    _damaged(data, "header is too large")


def test_an_impossible_ciphertext_length_is_refused() -> None:
    header = make_header().to_bytes()
    at = 13 + len(header)
    _damaged(BUNDLE[:at] + (2**63).to_bytes(8, "big") + BUNDLE[at + 8 :], "impossible length")
    _damaged(BUNDLE[:at] + (3).to_bytes(8, "big") + BUNDLE[at + 8 :], "impossible length")


@pytest.mark.parametrize(
    ("header_bytes", "detail"),
    [
        (b"not json", "not valid JSON"),
        (b"\xff", "not valid JSON"),
        (b'{"records":' + b"9" * 5000 + b"}", "not valid JSON"),
        (b"[]", "missing or unexpected"),
        (b'{"workstation": "x"}', "missing or unexpected"),
        (
            make_header().to_bytes().replace(b'"records":1', b'"records":"1"'),
            "record count",
        ),
        (make_header().to_bytes().replace(b'"notes":false', b'"notes":0'), "notes flag"),
        (make_header().to_bytes().replace(b':05Z"', b':05+00:00"'), "ISO 8601"),
        (make_header().to_bytes().replace(b"2025-03-01", b"2025-02-30"), "valid date"),
        (make_header().to_bytes().replace(b",", b", "), "canonical"),
        (make_header().to_bytes().replace(b'"base":2', b'"base":2.0'), "base"),
        (make_header().to_bytes().replace(b'"signing_key":"', b'"signing_key":"!'), "base64"),
    ],
)
def test_a_signed_but_malformed_header_is_damage(header_bytes: bytes, detail: str) -> None:
    _damaged(assemble(header_bytes, encrypt(header_bytes, zlib.compress(PAYLOAD))), detail)


def _open_content(content: bytes, max_size: int | None = None) -> bytes:
    header_bytes = make_header().to_bytes()
    bundle = read(assemble(header_bytes, encrypt(header_bytes, content)))
    if max_size is None:
        return open_payload(bundle, ORG)
    return open_payload(bundle, ORG, max_size=max_size)


@pytest.mark.parametrize(
    "content",
    [PAYLOAD, zlib.compress(PAYLOAD)[:-3], zlib.compress(PAYLOAD) + b"extra", b""],
    ids=["not-compressed", "cut-short", "extra-bytes", "empty"],
)
def test_signed_content_that_is_not_one_zlib_stream_is_damage(content: bytes) -> None:
    with pytest.raises(BundleError, match="The bundle is damaged") as caught:
        _open_content(content)
    assert caught.value.reason == "damaged"


def test_a_zip_bomb_is_refused_at_the_size_cap() -> None:
    bomb = zlib.compress(b"\0" * (8 * 1024 * 1024), 9)
    assert len(bomb) < 16 * 1024
    with pytest.raises(BundleError, match="larger than 1048576 bytes") as caught:
        _open_content(bomb, max_size=1024 * 1024)
    assert caught.value.reason == "too_large"


def test_the_size_cap_is_inclusive() -> None:
    data = b"a" * 1000
    assert _open_content(zlib.compress(data), max_size=1000) == data
    with pytest.raises(BundleError) as caught:
        _open_content(zlib.compress(data + b"a"), max_size=1000)
    assert caught.value.reason == "too_large"


def test_read_file_names_the_file(tmp_path: Path) -> None:
    good = tmp_path / "3.bundle"
    good.write_bytes(BUNDLE)
    assert read_file(good) == read(BUNDLE)
    with pytest.raises(BundleError, match=re.escape(str(tmp_path / "none"))) as missing:
        read_file(tmp_path / "none")
    assert missing.value.reason == "unreadable"
    bad = tmp_path / "bad.bundle"
    bad.write_bytes(BUNDLE[:-1])
    with pytest.raises(BundleError, match=re.escape(str(bad))) as damaged:
        read_file(bad)
    assert damaged.value.reason == "damaged"


def test_every_single_bit_flip_is_refused() -> None:
    for index in range(len(BUNDLE)):
        for bit in (0x01, 0x80):
            damaged = bytearray(BUNDLE)
            damaged[index] ^= bit
            with pytest.raises(BundleError):
                open_payload(read(bytes(damaged)), ORG)


@settings(deadline=None)
@given(data=st.data())
def test_any_changed_byte_is_refused(data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(BUNDLE) - 1))
    mask = data.draw(st.integers(1, 255))
    damaged = bytearray(BUNDLE)
    damaged[index] ^= mask
    with pytest.raises(BundleError):
        open_payload(read(bytes(damaged)), ORG)


@settings(deadline=None)
@given(length=st.integers(0, len(BUNDLE) - 1))
def test_any_truncation_is_refused(length: int) -> None:
    with pytest.raises(BundleError):
        read(BUNDLE[:length])


@settings(deadline=None)
@given(extra=st.binary(min_size=1, max_size=100))
def test_any_appended_bytes_are_refused(extra: bytes) -> None:
    with pytest.raises(BundleError):
        read(BUNDLE + extra)


def test_a_signed_bundle_keeps_the_parts_it_was_checked_with() -> None:
    bundle = read(BUNDLE)
    assert isinstance(bundle, SignedBundle)
    assert bundle.header_bytes == make_header().to_bytes()
    assert BUNDLE.endswith(bundle.signature) and len(bundle.signature) == 64
    assert bundle.ciphertext in BUNDLE
