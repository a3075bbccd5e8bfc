"""This vault's workstation identity: an Ed25519 key pair kept inside the vault.

The private key signs the record bundles the workstation sends; its public key is
what a consolidation vault accepts once. The id shown to people (in About, in the
list of workstations, in messages) is derived from the public key.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from counselor_app.store.db import Connection, transaction

META_KEY = "workstation_key"


def workstation_id(signing_key: bytes) -> str:
    """The first 16 hex digits of the key's SHA-256, in groups of four: ``3f2a-9c01-77be-0d45``."""
    digest = hashlib.sha256(signing_key).hexdigest()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class Identity:
    id: str
    public_key: bytes  # raw 32 bytes
    private_key: Ed25519PrivateKey


def new_private_key_text() -> str:
    """A fresh private key as stored in the vault's ``meta`` table (raw, base64)."""
    raw = Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )
    return base64.b64encode(raw).decode("ascii")


def _load(text: str) -> Identity:
    private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(text, validate=True))
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return Identity(workstation_id(public), public, private)


def ensure(conn: Connection) -> None:
    """Give a vault made before workstation identities its own, once."""
    if conn.execute("SELECT 1 FROM meta WHERE key = ?", (META_KEY,)).fetchone() is None:
        with transaction(conn):
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                (META_KEY, new_private_key_text()),
            )


def identity(conn: Connection) -> Identity:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    if row is None:
        ensure(conn)
        return identity(conn)
    return _load(str(row[0]))
