from __future__ import annotations

import secrets
from dataclasses import replace

import pytest

from counselor_app.errors import AuthenticationFailed
from counselor_app.vault.kdf import KdfParams
from counselor_app.vault.keyslots import (
    KeySlot,
    new_slot,
    open_sealed_key,
    seal_data_key,
    unlock_private_key,
)

PARAMS = KdfParams(iterations=1)
VAULT = "vault-1"


def make(
    user_id: str = "u1", password: str = "password-1", key: bytes | None = None
) -> tuple[KeySlot, bytes]:
    data_key = key or secrets.token_bytes(32)
    slot = new_slot(
        vault_id=VAULT,
        user_id=user_id,
        username=user_id,
        password=password,
        data_key=data_key,
        params=PARAMS,
    )
    return slot, data_key


def test_the_right_password_recovers_the_data_key() -> None:
    slot, key = make()
    private = unlock_private_key(slot, VAULT, "password-1")
    assert open_sealed_key(slot, VAULT, private, slot.data_key) == key


def test_a_wrong_password_fails() -> None:
    slot, _ = make()
    with pytest.raises(AuthenticationFailed):
        unlock_private_key(slot, VAULT, "password-2")


def test_a_slot_moved_to_another_user_id_fails() -> None:
    slot, _ = make(user_id="u1")
    moved = replace(slot, user_id="u2", username="u2")
    with pytest.raises(AuthenticationFailed):
        unlock_private_key(moved, VAULT, "password-1")


def test_a_slot_moved_to_another_vault_fails() -> None:
    slot, _ = make()
    with pytest.raises(AuthenticationFailed):
        unlock_private_key(slot, "vault-2", "password-1")


def test_a_sealed_key_from_another_slot_does_not_open() -> None:
    slot_a, key = make(user_id="u1")
    slot_b, _ = make(user_id="u2", key=key)
    private_a = unlock_private_key(slot_a, VAULT, "password-1")
    with pytest.raises(AuthenticationFailed):
        open_sealed_key(slot_a, VAULT, private_a, slot_b.data_key)


def test_resealing_needs_no_password() -> None:
    slot, _ = make()
    new_key = secrets.token_bytes(32)
    resealed = replace(slot, data_key=seal_data_key(slot, VAULT, new_key))
    private = unlock_private_key(resealed, VAULT, "password-1")
    assert open_sealed_key(resealed, VAULT, private, resealed.data_key) == new_key


def test_slot_json_round_trip_and_no_key_in_clear() -> None:
    slot, key = make()
    data = slot.to_json()
    assert KeySlot.from_json(data) == slot
    text = repr(data)
    assert key.hex() not in text
    import base64

    assert base64.b64encode(key).decode() not in text


def test_salt_and_keys_differ_between_slots() -> None:
    a, _ = make(user_id="u1")
    b, _ = make(user_id="u2")
    assert a.salt != b.salt
    assert a.public_key != b.public_key
