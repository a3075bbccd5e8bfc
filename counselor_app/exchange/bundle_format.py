"""The file format of a bundle: records signed by a workstation, encrypted to the organisation.

Layout (lengths big-endian)::

    b"CNSLBNDL" | version (1 byte) | header length (4) | header (canonical JSON)
    | ciphertext length (8) | HPKE ciphertext of zlib(payload) | Ed25519 signature (64)

The signature covers everything before it and is checked with the header's own
signing key, so anyone can check a bundle's integrity; only the organisation's
private key opens the payload. The HPKE ``info`` holds the header, so a header
moved onto another ciphertext does not decrypt.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from counselor_app.errors import CounselorError
from counselor_app.exchange.orgkey import fingerprint, public_bytes
from counselor_app.workstation import workstation_id

MAGIC = b"CNSLBNDL"
VERSION = 1
INFO = b"counselor-app bundle v1\0"
SIGNATURE_BYTES = 64
KEY_BYTES = 32
MAX_HEADER_BYTES = 64 * 1024
MAX_PAYLOAD_BYTES = 512 * 1024 * 1024
# zlib adds at most a few bytes per 16 KiB block; HPKE adds 48 bytes.
MAX_CIPHERTEXT_BYTES = MAX_PAYLOAD_BYTES + MAX_PAYLOAD_BYTES // 1024 + 4096
MIN_CIPHERTEXT_BYTES = KEY_BYTES + 16  # the encapsulated key and the GCM tag
_PREFIX = len(MAGIC) + 1 + 4
_FIXED = _PREFIX + 8 + SIGNATURE_BYTES
MAX_BUNDLE_BYTES = _FIXED + MAX_HEADER_BYTES + MAX_CIPHERTEXT_BYTES
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


class BundleError(CounselorError):
    """A bundle that cannot be read or opened.

    ``reason``: ``unreadable``, ``not_bundle``, ``newer_version``, ``damaged``,
    ``bad_signature``, ``workstation_mismatch``, ``wrong_recipient``,
    ``undecryptable`` or ``too_large``.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _damaged(detail: str) -> BundleError:
    return BundleError(f"The bundle is damaged ({detail}).", "damaged")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class BundleHeader:
    """What a bundle says about itself, in clear; ``base`` is the sequence it follows (0: all)."""

    workstation: str
    signing_key: bytes
    sequence: int
    base: int
    created_at: datetime
    recipient: str
    records: int
    notes: bool

    def __post_init__(self) -> None:
        if not isinstance(self.workstation, str):
            raise ValueError("the workstation id is not text")
        if not isinstance(self.signing_key, bytes) or len(self.signing_key) != KEY_BYTES:
            raise ValueError("the signing key is not 32 bytes")
        if not _is_int(self.sequence) or self.sequence < 1:
            raise ValueError("the sequence is not a number from 1")
        if not _is_int(self.base) or not 0 <= self.base < self.sequence:
            raise ValueError("the base is not a number from 0 to below the sequence")
        created = self.created_at
        if not isinstance(created, datetime) or created.utcoffset() != timedelta(0):
            raise ValueError("the creation time is not in UTC")
        if created.microsecond:
            raise ValueError("the creation time is not in whole seconds")
        if not isinstance(self.recipient, str) or not _FINGERPRINT.fullmatch(self.recipient):
            raise ValueError("the recipient is not a key fingerprint")
        if not _is_int(self.records) or self.records < 0:
            raise ValueError("the record count is not a number from 0")
        if not isinstance(self.notes, bool):
            raise ValueError("the notes flag is not true or false")

    def to_bytes(self) -> bytes:
        """Canonical JSON: sorted keys, no spaces, UTF-8."""
        document = {
            "workstation": self.workstation,
            "signing_key": base64.b64encode(self.signing_key).decode("ascii"),
            "sequence": self.sequence,
            "base": self.base,
            "created_at": self.created_at.replace(tzinfo=None).isoformat() + "Z",
            "recipient": self.recipient,
            "records": self.records,
            "notes": self.notes,
        }
        text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return text.encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> BundleHeader:
        """Parse strictly; raises ValueError naming what is wrong."""
        try:
            document = json.loads(data.decode("utf-8"))
        except ValueError:  # also a number too long to convert
            raise ValueError("the header is not valid JSON") from None
        if not isinstance(document, dict) or set(document) != _FIELDS:
            raise ValueError("the header's fields are missing or unexpected")
        header = cls(
            workstation=document["workstation"],
            signing_key=_unb64(document["signing_key"]),
            sequence=document["sequence"],
            base=document["base"],
            created_at=_parse_time(document["created_at"]),
            recipient=document["recipient"],
            records=document["records"],
            notes=document["notes"],
        )
        if header.to_bytes() != data:
            raise ValueError("the header is not in canonical form")
        return header


_FIELDS = frozenset(field.name for field in fields(BundleHeader))


def _unb64(value: Any) -> bytes:
    if not isinstance(value, str):
        raise ValueError("the signing key is not text")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("the signing key is not valid base64") from None


def _parse_time(value: Any) -> datetime:
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise ValueError("the creation time is not an ISO 8601 UTC time")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("the creation time is not a valid date and time") from None


@dataclass(frozen=True)
class SignedBundle:
    """A bundle whose layout and signature were checked; the payload is still encrypted."""

    header: BundleHeader
    header_bytes: bytes
    ciphertext: bytes
    signature: bytes


def seal(
    header: BundleHeader, payload: bytes, org_public_raw: bytes, signer: Ed25519PrivateKey
) -> bytes:
    """Compress, encrypt to the organisation key and sign; the bundle's bytes."""
    if header.recipient != fingerprint(org_public_raw):
        raise ValueError("the header's recipient is not the fingerprint of this public key")
    if header.signing_key != signer.public_key().public_bytes_raw():
        raise ValueError("the header's signing key is not the signer's public key")
    if header.workstation != workstation_id(header.signing_key):
        raise ValueError("the header's workstation id does not match its signing key")
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ValueError("the payload is too large for a bundle")
    header_bytes = header.to_bytes()
    if len(header_bytes) > MAX_HEADER_BYTES:
        raise ValueError("the header is too large")
    ciphertext = _SUITE.encrypt(
        zlib.compress(payload),
        X25519PublicKey.from_public_bytes(org_public_raw),
        info=INFO + header_bytes,
    )
    lengths = len(header_bytes).to_bytes(4, "big"), len(ciphertext).to_bytes(8, "big")
    body = MAGIC + bytes([VERSION]) + lengths[0] + header_bytes + lengths[1] + ciphertext
    return body + signer.sign(body)


def read(data: bytes) -> SignedBundle:
    """Check the layout, the header and the signature; raises BundleError."""
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise BundleError("This is not a counselor-app bundle.", "not_bundle")
    if len(data) < _FIXED:
        raise _damaged("it is cut short")
    version = data[len(MAGIC)]
    if version > VERSION:
        raise BundleError(
            f"This bundle was written by a newer version of counselor-app (format {version}; "
            f"this version reads up to {VERSION}). Install the newer version to read it.",
            "newer_version",
        )
    if version != VERSION:
        raise _damaged(f"unknown format {version}")
    header_length = int.from_bytes(data[len(MAGIC) + 1 : _PREFIX], "big")
    if header_length > MAX_HEADER_BYTES:
        raise _damaged("the header is too large")
    header_end = _PREFIX + header_length
    if len(data) < header_end + 8 + SIGNATURE_BYTES:
        raise _damaged("it is cut short")
    cipher_length = int.from_bytes(data[header_end : header_end + 8], "big")
    if not MIN_CIPHERTEXT_BYTES <= cipher_length <= MAX_CIPHERTEXT_BYTES:
        raise _damaged("the encrypted part has an impossible length")
    cipher_end = header_end + 8 + cipher_length
    expected = cipher_end + SIGNATURE_BYTES
    if len(data) < expected:
        raise _damaged("it is cut short")
    if len(data) > expected:
        raise _damaged("unexpected bytes after the signature")
    header_bytes = data[_PREFIX:header_end]
    try:
        header = BundleHeader.from_bytes(header_bytes)
    except ValueError as exc:
        raise _damaged(str(exc)) from None
    signature = data[cipher_end:]
    try:
        Ed25519PublicKey.from_public_bytes(header.signing_key).verify(signature, data[:cipher_end])
    except (InvalidSignature, ValueError):
        raise BundleError(
            "The bundle's signature does not match: it was altered after it was signed.",
            "bad_signature",
        ) from None
    expected_id = workstation_id(header.signing_key)
    if header.workstation != expected_id:
        raise BundleError(
            f"The bundle's workstation id does not match its signing key (expected {expected_id}); "
            "it was not made by counselor-app.",
            "workstation_mismatch",
        )
    return SignedBundle(
        header, bytes(header_bytes), bytes(data[header_end + 8 : cipher_end]), signature
    )


def read_file(path: Path) -> SignedBundle:
    """``read`` of a file's bytes; every problem is a BundleError naming the file."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BUNDLE_BYTES + 1)
    except OSError as exc:
        raise BundleError(
            f"The bundle {path} cannot be read ({exc.strerror or exc}).", "unreadable"
        ) from None
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError(f"{path}: the file is too large to be a bundle.", "too_large")
    try:
        return read(data)
    except BundleError as exc:
        raise BundleError(f"{path}: {exc}", exc.reason) from None


def open_payload(
    bundle: SignedBundle, org_private: X25519PrivateKey, *, max_size: int = MAX_PAYLOAD_BYTES
) -> bytes:
    """Decrypt and decompress the payload with the organisation's private key."""
    ours = fingerprint(public_bytes(org_private))
    if bundle.header.recipient != ours:
        raise BundleError(
            "This bundle was made for another organisation key "
            f"(bundle: {bundle.header.recipient[:16]}, this key: {ours[:16]}).",
            "wrong_recipient",
        )
    try:
        compressed = _SUITE.decrypt(bundle.ciphertext, org_private, info=INFO + bundle.header_bytes)
    except (InvalidTag, ValueError):
        raise BundleError(
            "The bundle cannot be decrypted: it is damaged or its header was changed.",
            "undecryptable",
        ) from None
    return _decompress(compressed, max_size)


def _decompress(data: bytes, max_size: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(data, max_size + 1)
    except zlib.error:
        raise _damaged("its content cannot be decompressed") from None
    if len(payload) > max_size or inflater.unconsumed_tail:
        raise BundleError(
            f"The bundle's content is larger than {max_size} bytes once decompressed; "
            "it was refused.",
            "too_large",
        )
    if not inflater.eof or inflater.unused_data:
        raise _damaged("its compressed content is incomplete or has extra bytes")
    return payload
