"""The organisation key pair: making it, sealing the private key, opening it again."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from counselor_app.config import SupervisorKey, public_key_bytes
from counselor_app.errors import CounselorError, InvalidInput
from counselor_app.exchange import orgkey
from counselor_app.exchange.orgkey import (
    OrgKeyError,
    fingerprint,
    keygen,
    load_private,
    private_bytes,
    public_bytes,
    seal_bytes,
    unseal,
    unseal_bytes,
)
from counselor_app.vault.kdf import default_params

PASSPHRASE = "a long organisation passphrase"


@pytest.fixture
def made(tmp_path: Path) -> orgkey.OrgKeyFiles:
    return keygen(tmp_path / "keys", PASSPHRASE)


def test_keygen_writes_a_public_key_that_the_settings_read(made: orgkey.OrgKeyFiles) -> None:
    raw = public_key_bytes(made.public_path.read_bytes())
    assert made.public_path.name == "org.pub" and made.private_path.name == "org.key"
    assert made.public_path.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert made.fingerprint == fingerprint(raw) == hashlib.sha256(raw).hexdigest()
    assert made.fingerprint == SupervisorKey(made.public_path, raw).fingerprint()


def test_the_passphrase_opens_the_private_key_of_the_public_key(
    made: orgkey.OrgKeyFiles,
) -> None:
    key = unseal(made.private_path, PASSPHRASE)
    assert public_bytes(key) == public_key_bytes(made.public_path.read_bytes())
    assert unseal_bytes(made.private_path.read_bytes(), PASSPHRASE).private_bytes_raw() == (
        key.private_bytes_raw()
    )


def test_the_sealed_file_is_a_small_json_document(made: orgkey.OrgKeyFiles) -> None:
    document = json.loads(made.private_path.read_text(encoding="utf-8"))
    assert document["format"] == "counselor-app org key" and document["version"] == 1
    assert document["kdf"] == default_params().to_json()
    assert set(document) == {"format", "version", "kdf", "salt", "nonce", "sealed", "public_key"}
    raw = base64.b64decode(document["public_key"])
    assert raw == public_key_bytes(made.public_path.read_bytes())
    assert b"PRIVATE" not in made.private_path.read_bytes()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_only_the_owner_may_read_the_private_key_file(made: orgkey.OrgKeyFiles) -> None:
    assert made.private_path.stat().st_mode & 0o777 == 0o600
    assert made.public_path.stat().st_mode & 0o777 == 0o644


def test_the_folder_is_made_when_missing(tmp_path: Path) -> None:
    files = keygen(tmp_path / "a" / "b", PASSPHRASE)
    assert files.private_path.parent == tmp_path / "a" / "b"
    assert sorted(p.name for p in files.private_path.parent.iterdir()) == ["org.key", "org.pub"]


def test_two_key_pairs_differ(tmp_path: Path) -> None:
    assert keygen(tmp_path / "1", PASSPHRASE).fingerprint != (
        keygen(tmp_path / "2", PASSPHRASE).fingerprint
    )


def test_a_short_passphrase_is_refused_and_nothing_written(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="at least 12 characters") as caught:
        keygen(tmp_path / "keys", "eleven char")
    assert caught.value.reason == "passphrase_too_short"
    assert not (tmp_path / "keys").exists()
    keygen(tmp_path / "keys", "twelve chars")


@pytest.mark.parametrize("existing", ["org.pub", "org.key"])
def test_existing_files_are_refused_and_left_untouched(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_bytes(b"already here")
    with pytest.raises(OrgKeyError, match="already exists") as caught:
        keygen(tmp_path, PASSPHRASE)
    assert caught.value.reason == "exists"
    assert [p.name for p in tmp_path.iterdir()] == [existing]
    assert (tmp_path / existing).read_bytes() == b"already here"


def test_a_wrong_passphrase_is_refused(made: orgkey.OrgKeyFiles) -> None:
    with pytest.raises(OrgKeyError, match="Wrong passphrase") as caught:
        unseal(made.private_path, PASSPHRASE + "!")
    assert caught.value.reason == "wrong_passphrase"
    assert isinstance(caught.value, CounselorError)


def _edit(path: Path, **changes: object) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    document.update(changes)
    path.write_text(json.dumps(document), encoding="utf-8")


def _flip(text: str) -> str:
    data = bytearray(base64.b64decode(text))
    data[len(data) // 2] ^= 0x01
    return base64.b64encode(bytes(data)).decode("ascii")


@pytest.mark.parametrize("field", ["sealed", "nonce", "salt"])
def test_a_damaged_sealed_key_reads_as_a_wrong_passphrase(
    made: orgkey.OrgKeyFiles, field: str
) -> None:
    document = json.loads(made.private_path.read_text(encoding="utf-8"))
    _edit(made.private_path, **{field: _flip(document[field])})
    with pytest.raises(OrgKeyError, match=r"Wrong passphrase, or .* is damaged") as caught:
        unseal(made.private_path, PASSPHRASE)
    assert caught.value.reason == "wrong_passphrase"


def test_another_public_key_in_the_file_does_not_open(made: orgkey.OrgKeyFiles) -> None:
    other = public_bytes(X25519PrivateKey.generate())
    _edit(made.private_path, public_key=base64.b64encode(other).decode("ascii"))
    with pytest.raises(OrgKeyError) as caught:
        unseal(made.private_path, PASSPHRASE)
    assert caught.value.reason == "wrong_passphrase"  # the public key is associated data


def test_a_private_key_that_does_not_match_its_public_key_is_refused() -> None:
    mine, other = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    data = orgkey._seal(private_bytes(mine), public_bytes(other), PASSPHRASE, default_params())
    with pytest.raises(OrgKeyError, match="does not match its public key") as caught:
        unseal_bytes(data, PASSPHRASE)
    assert caught.value.reason == "mismatch"


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"format": "something else"}, "wrong format name"),
        ({"version": 2}, "unknown version 2"),
        ({"version": True}, "unknown version True"),
        ({"sealed": None}, "not text"),
        ({"salt": "not base64!"}, "not valid base64"),
        ({"public_key": base64.b64encode(b"short").decode()}, "wrong length"),
        ({"kdf": {"name": "scrypt"}}, "unknown key derivation"),
        ({"kdf": {"name": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 8}}, "memory"),
        ({"extra": 1}, "fields missing or unexpected"),
    ],
)
def test_a_file_in_the_wrong_shape_is_not_an_org_key(
    made: orgkey.OrgKeyFiles, changes: dict[str, object], detail: str
) -> None:
    _edit(made.private_path, **changes)
    with pytest.raises(OrgKeyError, match="is not a counselor-app organisation key") as caught:
        unseal(made.private_path, PASSPHRASE)
    assert caught.value.reason == "not_org_key"
    assert detail in str(caught.value)
    assert str(made.private_path) in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [b"", b"not json", b"\xff\xfe", b"[]", b'{"format": "counselor-app org key"}', b"{" * 70000],
)
def test_other_bytes_are_not_an_org_key(data: bytes) -> None:
    with pytest.raises(OrgKeyError, match="is not a counselor-app organisation key") as caught:
        unseal_bytes(data, PASSPHRASE)
    assert caught.value.reason == "not_org_key"


def test_a_missing_or_unreadable_file_is_said_so(tmp_path: Path) -> None:
    with pytest.raises(OrgKeyError, match="does not exist") as missing:
        unseal(tmp_path / "org.key", PASSPHRASE)
    assert missing.value.reason == "missing"
    with pytest.raises(OrgKeyError, match="cannot be read") as unreadable:
        unseal(tmp_path, PASSPHRASE)  # a folder
    assert unreadable.value.reason == "unreadable"


def test_the_private_key_survives_raw_storage() -> None:
    key = X25519PrivateKey.generate()
    raw = private_bytes(key)
    assert len(raw) == 32
    assert public_bytes(load_private(raw)) == public_bytes(key)
    with pytest.raises(OrgKeyError, match="expected 32 bytes, found 31") as caught:
        load_private(raw[:31])
    assert caught.value.reason == "damaged"


def test_a_resealed_key_opens_with_its_new_passphrase() -> None:
    key = X25519PrivateKey.generate()
    data = seal_bytes(key, "another passphrase")
    assert private_bytes(unseal_bytes(data, "another passphrase")) == private_bytes(key)
    with pytest.raises(OrgKeyError):
        unseal_bytes(data, PASSPHRASE)


def test_the_fingerprint_is_the_sha256_of_the_raw_key() -> None:
    raw = bytes(range(32))
    assert fingerprint(raw) == hashlib.sha256(raw).hexdigest()
    with pytest.raises(ValueError, match="32 bytes"):
        fingerprint(raw[:16])
