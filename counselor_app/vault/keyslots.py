"""Key slots: one per user, each giving access to the vault's data key.

A slot holds the user's X25519 private key, encrypted with AES-256-GCM under a
key stretched from her password with Argon2id, and the vault's data key sealed
to her public key (ephemeral X25519, HKDF-SHA256, AES-256-GCM). The vault id,
the slot id and the user id are the associated data of both, so a slot moved
onto another user or another vault does not open.

Sealing to a public key lets an admin give the data key to other users without
knowing their passwords: adding a user, resetting a password, and rekeying the
database when a user is removed.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from counselor_app.errors import AuthenticationFailed
from counselor_app.vault.kdf import KdfParams, derive

SLOT_VERSION = 1
DATA_KEY_BYTES = 32


class SlotDamaged(ValueError):
    """A slot's stored keys are not usable (not a wrong password: the slot itself is bad)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, length: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("invalid base64") from exc
    if length is not None and len(data) != length:
        raise ValueError("field has the wrong length")
    return data


def _aad(purpose: str, vault_id: str, slot_id: str, user_id: str) -> bytes:
    return (
        f"counselor-app/keyslot/v{SLOT_VERSION}/{purpose}|{vault_id}|{slot_id}|{user_id}".encode()
    )


@dataclass(frozen=True)
class SealedKey:
    """The data key sealed to a slot's public key."""

    ephemeral: bytes
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, str]:
        return {
            "ephemeral": _b64(self.ephemeral),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: Any) -> SealedKey:
        if not isinstance(data, dict):
            raise ValueError("sealed key is not an object")
        return cls(
            ephemeral=_unb64(data.get("ephemeral"), 32),
            nonce=_unb64(data.get("nonce"), 12),
            ciphertext=_unb64(data.get("ciphertext"), DATA_KEY_BYTES + 16),
        )


@dataclass(frozen=True)
class KeySlot:
    slot_id: str
    user_id: str
    username: str
    kdf: KdfParams
    salt: bytes
    public_key: bytes
    private_nonce: bytes
    private_ciphertext: bytes
    data_key: SealedKey
    # Set only while the database is being rekeyed: the next data key.
    pending_key: SealedKey | None = field(default=None)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": SLOT_VERSION,
            "slot_id": self.slot_id,
            "user_id": self.user_id,
            "username": self.username,
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "public_key": _b64(self.public_key),
            "private_key": {
                "nonce": _b64(self.private_nonce),
                "ciphertext": _b64(self.private_ciphertext),
            },
            "data_key": self.data_key.to_json(),
        }
        if self.pending_key is not None:
            data["pending_key"] = self.pending_key.to_json()
        return data

    @classmethod
    def from_json(cls, data: Any) -> KeySlot:
        if not isinstance(data, dict) or data.get("version") != SLOT_VERSION:
            raise ValueError("key slot has an unknown version")
        private = data.get("private_key")
        if not isinstance(private, dict):
            raise ValueError("key slot has no private key")
        texts = [data.get(name) for name in ("slot_id", "user_id", "username")]
        if not all(isinstance(t, str) and t for t in texts):
            raise ValueError("key slot lacks its ids")
        pending = data.get("pending_key")
        return cls(
            slot_id=str(texts[0]),
            user_id=str(texts[1]),
            username=str(texts[2]),
            kdf=KdfParams.from_json(data.get("kdf")),
            salt=_unb64(data.get("salt"), 16),
            public_key=_unb64(data.get("public_key"), 32),
            private_nonce=_unb64(private.get("nonce"), 12),
            private_ciphertext=_unb64(private.get("ciphertext"), 32 + 16),
            data_key=SealedKey.from_json(data.get("data_key")),
            pending_key=None if pending is None else SealedKey.from_json(pending),
        )


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _sealing_key(shared: bytes, ephemeral: bytes, recipient: bytes, aad: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=aad)
    return hkdf.derive(shared)


def seal_data_key(slot: KeySlot, vault_id: str, data_key: bytes) -> SealedKey:
    """Seal ``data_key`` to the slot's public key."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(slot.public_key))
    except ValueError:
        raise SlotDamaged("the slot's public key is not usable") from None
    aad = _aad("data-key", vault_id, slot.slot_id, slot.user_id)
    key = _sealing_key(shared, ephemeral_public, slot.public_key, aad)
    nonce = secrets.token_bytes(12)
    return SealedKey(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, data_key, aad))


def new_slot(
    *,
    vault_id: str,
    user_id: str,
    username: str,
    password: str,
    data_key: bytes,
    params: KdfParams,
) -> KeySlot:
    """Make a fresh slot (new key pair, new salt) for ``user_id``."""
    slot_id = str(uuid.uuid4())
    private = X25519PrivateKey.generate()
    salt = secrets.token_bytes(16)
    kek = derive(password, salt, params)
    nonce = secrets.token_bytes(12)
    aad = _aad("private-key", vault_id, slot_id, user_id)
    ciphertext = AESGCM(kek).encrypt(nonce, _raw_private(private), aad)
    slot = KeySlot(
        slot_id=slot_id,
        user_id=user_id,
        username=username,
        kdf=params,
        salt=salt,
        public_key=_raw_public(private.public_key()),
        private_nonce=nonce,
        private_ciphertext=ciphertext,
        data_key=SealedKey(b"", b"", b""),
    )
    return replace(slot, data_key=seal_data_key(slot, vault_id, data_key))


def unlock_private_key(slot: KeySlot, vault_id: str, password: str) -> X25519PrivateKey:
    """Open the slot's private key with the password, or raise AuthenticationFailed."""
    kek = derive(password, slot.salt, slot.kdf)
    aad = _aad("private-key", vault_id, slot.slot_id, slot.user_id)
    try:
        raw = AESGCM(kek).decrypt(slot.private_nonce, slot.private_ciphertext, aad)
    except InvalidTag:
        raise AuthenticationFailed() from None
    private = X25519PrivateKey.from_private_bytes(raw)
    if _raw_public(private.public_key()) != slot.public_key:
        raise AuthenticationFailed()
    return private


def open_sealed_key(
    slot: KeySlot, vault_id: str, private: X25519PrivateKey, sealed: SealedKey
) -> bytes:
    """Recover a data key sealed to this slot; raise AuthenticationFailed if it does not fit."""
    aad = _aad("data-key", vault_id, slot.slot_id, slot.user_id)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral))
    except ValueError:
        raise SlotDamaged("the sealed data key is not usable") from None
    key = _sealing_key(shared, sealed.ephemeral, slot.public_key, aad)
    try:
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except InvalidTag:
        raise AuthenticationFailed() from None


def burn_time(params: KdfParams) -> None:
    """Spend the time of one slot opening, so an unknown name answers like a wrong password."""
    derive("", b"\0" * 16, params)
