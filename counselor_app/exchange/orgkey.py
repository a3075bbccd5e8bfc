"""The organisation's X25519 key pair: bundles are encrypted to its public key.

``org.pub`` is a PEM public key, handed to every workstation. ``org.key`` holds
the private key sealed with a passphrase (Argon2id, then AES-256-GCM with the
format, version and public key as associated data); it stays off the workstations.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from counselor_app.errors import CounselorError, InvalidInput
from counselor_app.vault.atomic import write_atomically
from counselor_app.vault.kdf import KdfParams, default_params, derive

FORMAT = "counselor-app org key"
VERSION = 1
PUBLIC_FILE = "org.pub"
PRIVATE_FILE = "org.key"
MIN_PASSPHRASE = 12
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
MAX_FILE_BYTES = 64 * 1024  # the document is about 400 bytes
_FIELDS = frozenset({"format", "version", "kdf", "salt", "nonce", "sealed", "public_key"})


class OrgKeyError(CounselorError):
    """The organisation key cannot be made or opened.

    ``reason``: ``exists``, ``write_failed``, ``missing``, ``unreadable``, ``not_org_key``,
    ``wrong_passphrase`` (or a damaged file: the two look the same), ``mismatch``
    or ``damaged`` (a stored raw key of the wrong size).
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class OrgKeyFiles:
    public_path: Path
    private_path: Path
    fingerprint: str


def fingerprint(raw_public: bytes) -> str:
    """SHA-256 of the raw 32-byte public key in hex, as ``SupervisorKey.fingerprint``."""
    if len(raw_public) != KEY_BYTES:
        raise ValueError("an X25519 public key has 32 bytes")
    return hashlib.sha256(raw_public).hexdigest()


def public_bytes(key: X25519PrivateKey) -> bytes:
    """The raw 32-byte public key of a private key."""
    return key.public_key().public_bytes_raw()


def private_bytes(key: X25519PrivateKey) -> bytes:
    """The raw 32-byte private key, to be stored inside an encrypted vault."""
    return key.private_bytes_raw()


def load_private(raw: bytes) -> X25519PrivateKey:
    """The private key from its raw 32 bytes (as ``private_bytes`` gives them)."""
    if len(raw) != KEY_BYTES:
        raise OrgKeyError(
            "The stored organisation private key is damaged "
            f"(expected 32 bytes, found {len(raw)}).",
            "damaged",
        )
    return X25519PrivateKey.from_private_bytes(raw)


def _aad(public_raw: bytes) -> bytes:
    return f"{FORMAT}\0v{VERSION}\0".encode() + public_raw


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _seal(private_raw: bytes, public_raw: bytes, passphrase: str, params: KdfParams) -> bytes:
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(derive(passphrase, salt, params)).encrypt(nonce, private_raw, _aad(public_raw))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": params.to_json(),
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "sealed": _b64(sealed),
        "public_key": _b64(public_raw),
    }
    return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def seal_bytes(key: X25519PrivateKey, passphrase: str) -> bytes:
    """The ``org.key`` document for this key, sealed with the passphrase."""
    check_passphrase(passphrase)
    return _seal(private_bytes(key), public_bytes(key), passphrase, default_params())


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            f"The passphrase must have at least {MIN_PASSPHRASE} characters.",
            "passphrase_too_short",
        )


def keygen(out_dir: Path, passphrase: str) -> OrgKeyFiles:
    """Make a key pair and write ``org.pub`` and ``org.key`` in ``out_dir``; never overwrites."""
    check_passphrase(passphrase)
    public_path = out_dir / PUBLIC_FILE
    private_path = out_dir / PRIVATE_FILE
    for path in (public_path, private_path):
        if path.exists() or path.is_symlink():
            raise OrgKeyError(f"{path} already exists; nothing was written.", "exists")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OrgKeyError(
            f"The folder {out_dir} cannot be created ({exc.strerror or exc}).", "write_failed"
        ) from None
    key = X25519PrivateKey.generate()
    pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    sealed = seal_bytes(key, passphrase)
    try:
        write_atomically(private_path, sealed)  # mode 0600 from its temporary file
        try:
            write_atomically(public_path, pem)
            if os.name == "posix":
                public_path.chmod(0o644)  # public: meant to be copied to every workstation
        except BaseException:
            private_path.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OrgKeyError(
            f"The key files cannot be written in {out_dir} ({exc.strerror or exc}).",
            "write_failed",
        ) from None
    return OrgKeyFiles(public_path, private_path, fingerprint(public_bytes(key)))


def unseal(path: Path, passphrase: str) -> X25519PrivateKey:
    """The private key of an ``org.key`` file."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise OrgKeyError(f"The organisation key file {path} does not exist.", "missing") from None
    except OSError as exc:
        raise OrgKeyError(
            f"The organisation key file {path} cannot be read ({exc.strerror or exc}).",
            "unreadable",
        ) from None
    return _unseal(data, passphrase, f"The organisation key file {path}")


def unseal_bytes(data: bytes, passphrase: str) -> X25519PrivateKey:
    """The private key of an ``org.key`` document's bytes."""
    return _unseal(data, passphrase, "The organisation key")


def _unb64(value: Any, length: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise ValueError("a field is not text")
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("a field is not valid base64") from None
    if length is not None and len(data) != length:
        raise ValueError("a field has the wrong length")
    return data


def _parse(data: bytes) -> tuple[KdfParams, bytes, bytes, bytes, bytes]:
    if len(data) > MAX_FILE_BYTES:
        raise ValueError("too large")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("not valid JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("wrong format name")
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        raise ValueError(f"unknown version {version!r}")
    if set(document) != _FIELDS:
        raise ValueError("fields missing or unexpected")
    return (
        KdfParams.from_json(document["kdf"]),
        _unb64(document["salt"], SALT_BYTES),
        _unb64(document["nonce"], NONCE_BYTES),
        _unb64(document["sealed"], KEY_BYTES + 16),
        _unb64(document["public_key"], KEY_BYTES),
    )


def _unseal(data: bytes, passphrase: str, label: str) -> X25519PrivateKey:
    try:
        params, salt, nonce, sealed, public_raw = _parse(data)
    except ValueError as exc:
        raise OrgKeyError(
            f"{label} is not a counselor-app organisation key ({exc}).", "not_org_key"
        ) from None
    try:
        key_raw = derive(passphrase, salt, params)
        private_raw = AESGCM(key_raw).decrypt(nonce, sealed, _aad(public_raw))
    except InvalidTag:
        raise OrgKeyError(
            f"Wrong passphrase, or {label[0].lower()}{label[1:]} is damaged.", "wrong_passphrase"
        ) from None
    key = X25519PrivateKey.from_private_bytes(private_raw)
    if public_bytes(key) != public_raw:
        raise OrgKeyError(
            f"{label} is damaged: its private key does not match its public key.", "mismatch"
        )
    return key
