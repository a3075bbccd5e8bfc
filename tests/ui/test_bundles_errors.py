"""Each error of record bundles and of the organisation key has its own message."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counselor_app.errors import CounselorError
from counselor_app.exchange import bundle_export, bundle_format, consolidation, orgkey
from counselor_app.exchange.bundle_format import BundleHeader, SignedBundle
from counselor_app.workstation import workstation_id
from ui.bundles.messages import grouped
from ui.errors import describe, describe_failure

FILE = Path("/srv/bundles/3f2a-9c01-77be-0d45-00004.cabundle")
MODULES: tuple[ModuleType, ...] = (bundle_export, bundle_format, consolidation, orgkey)


def _signed() -> SignedBundle:
    key = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    header = BundleHeader(
        workstation=workstation_id(key),
        signing_key=key,
        sequence=4,
        base=3,
        created_at=datetime(2026, 3, 4, 21, 0, tzinfo=UTC),
        recipient="ab" * 32,
        records=12,
        notes=False,
    )
    return SignedBundle(header, header.to_bytes(), b"", b"")


SIGNED = _signed()
SAMPLES: dict[type[CounselorError], tuple[CounselorError, list[str]]] = {
    bundle_export.NoOrganisationKey: (
        bundle_export.NoOrganisationKey(),
        ["supervisor_public_key", "IT", "Nothing was sent"],
    ),
    bundle_export.ConsolidationSends: (bundle_export.ConsolidationSends(), ["consolidation"]),
    bundle_export.TrainingSends: (bundle_export.TrainingSends(), ["training vault"]),
    bundle_export.BadSince: (bundle_export.BadSince(5, 3), ["bundle 5", "1 to 3"]),
    bundle_export.BadSequence: (bundle_export.BadSequence(2, 3), ["numbered 2", "is 3"]),
    bundle_export.BundleTooLarge: (bundle_export.BundleTooLarge(900000, 2**29), ["900000"]),
    bundle_export.BundleFileExists: (
        bundle_export.BundleFileExists(FILE),
        [str(FILE), "another file name"],
    ),
    bundle_format.BundleError: (
        bundle_format.BundleError("x", "bad_signature"),
        ["signature does not match"],
    ),
    consolidation.NotConsolidation: (consolidation.NotConsolidation(), ["consolidation vault"]),
    consolidation.BundleRefused: (
        consolidation.BundleRefused(FILE, "record r-1 came from this vault."),
        ["record r-1 came from this vault.", "Nothing of it was imported"],
    ),
    consolidation.UnknownWorkstation: (
        consolidation.UnknownWorkstation(FILE, SIGNED),
        [
            SIGNED.header.workstation,
            grouped(orgkey.fingerprint(SIGNED.header.signing_key), per_line=16),
            "not accepted",
        ],
    ),
    consolidation.Replayed: (
        consolidation.Replayed(FILE, "3f2a-9c01-77be-0d45", 4, 6),
        ["bundle 4", "up to 6", "above 6"],
    ),
    consolidation.Gap: (
        consolidation.Gap(FILE, "3f2a-9c01-77be-0d45", 5, 6, 2),
        ["bundle 6", "bundle 5", "is 2", "bundles 3 to 5 are missing"],
    ),
    orgkey.OrgKeyError: (orgkey.OrgKeyError("x", "damaged"), ["damaged", "backup"]),
}


def test_every_bundle_error_has_a_sample() -> None:
    defined = {
        cls
        for module in MODULES
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, CounselorError)
        and cls.__module__ == module.__name__
        and cls is not CounselorError
    }
    assert defined == set(SAMPLES)


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda cls: cls.__name__)
def test_messages_are_the_windows_own_and_carry_their_parameters(
    cls: type[CounselorError],
) -> None:
    exc, expected = SAMPLES[cls]
    text = describe(exc)
    assert describe_failure(exc) == text
    assert "operation failed" not in text
    for part in expected:
        assert part in text


def test_one_missing_bundle_is_named() -> None:
    text = describe(consolidation.Gap(FILE, "3f2a-9c01-77be-0d45", 3, 4, 2))
    assert "bundle 3 is missing" in text


def test_every_reason_of_a_bundle_or_key_error_has_its_words() -> None:
    bundle_reasons = [
        "unreadable",
        "not_bundle",
        "newer_version",
        "damaged",
        "bad_signature",
        "workstation_mismatch",
        "wrong_recipient",
        "undecryptable",
        "too_large",
    ]
    texts = {describe(bundle_format.BundleError("english", r)) for r in bundle_reasons}
    assert len(texts) == len(bundle_reasons)
    key_reasons = [
        "exists",
        "write_failed",
        "missing",
        "unreadable",
        "not_org_key",
        "wrong_passphrase",
        "mismatch",
        "damaged",
    ]
    texts = {describe(orgkey.OrgKeyError("english", r)) for r in key_reasons}
    assert len(texts) == len(key_reasons)
    assert "english" in describe(bundle_format.BundleError("english", "new_reason"))


def test_a_fingerprint_is_grouped_for_reading() -> None:
    digits = "0123456789abcdef" * 4
    assert grouped(digits) == (
        "0123 4567 89ab cdef 0123 4567 89ab cdef\n0123 4567 89ab cdef 0123 4567 89ab cdef"
    )
