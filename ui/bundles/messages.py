"""Translated messages for the errors of record bundles and of the organisation key.

Called by :func:`ui.errors.describe`; the core's English text is shown only as the
detail of a refusal this window has no words of its own for.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counselor_app.errors import CounselorError
from counselor_app.exchange.bundle_export import (
    BadSequence,
    BadSince,
    BundleFileExists,
    BundleTooLarge,
    ConsolidationSends,
    NoOrganisationKey,
    TrainingSends,
)
from counselor_app.exchange.bundle_format import BundleError
from counselor_app.exchange.consolidation import (
    BundleRefused,
    Gap,
    NotConsolidation,
    Replayed,
    UnknownWorkstation,
)
from counselor_app.exchange.orgkey import OrgKeyError


def _sending(exc: CounselorError) -> str | None:
    if isinstance(exc, NoOrganisationKey):
        return QCoreApplication.translate(
            "Errors",
            "No organisation key is set on this computer, so no records can be sent. "
            "IT must set supervisor_public_key in the site settings file to the "
            "organisation's public key. Nothing was sent.",
        )
    if isinstance(exc, BundleFileExists):
        return QCoreApplication.translate(
            "Errors",
            "{path} already exists: a bundle never replaces a file. Choose another file name.",
        ).format(path=exc.path)
    if isinstance(exc, TrainingSends):
        return QCoreApplication.translate(
            "Errors",
            "This is a training vault: its practice calls are never sent to the organisation.",
        )
    if isinstance(exc, ConsolidationSends):
        return QCoreApplication.translate(
            "Errors",
            "This is the consolidation vault: it receives the workstations' records and "
            "sends none.",
        )
    if isinstance(exc, BadSince):
        if exc.last:
            return QCoreApplication.translate(
                "Errors",
                "A bundle cannot start after bundle {since}: this workstation has sent "
                "bundles 1 to {last}.",
            ).format(since=exc.since, last=exc.last)
        return QCoreApplication.translate(
            "Errors",
            "A bundle cannot start after bundle {since}: this workstation has not sent any "
            "bundle yet.",
        ).format(since=exc.since)
    if isinstance(exc, BadSequence):
        return QCoreApplication.translate(
            "Errors",
            "A bundle cannot be numbered {sequence}: this workstation's last bundle is "
            "{last}, and a new one needs a higher number.",
        ).format(sequence=exc.sequence, last=exc.last)
    if isinstance(exc, BundleTooLarge):
        return QCoreApplication.translate(
            "Errors",
            "{records} records are too many for one bundle. Nothing was written. Ask IT to "
            "send them from a later bundle.",
        ).format(records=exc.records)
    return None


def _refused(exc: BundleRefused) -> str:
    if isinstance(exc, UnknownWorkstation):
        return QCoreApplication.translate(
            "Errors",
            "This bundle comes from workstation {workstation}, which this vault does not "
            "know (key fingerprint {fingerprint}), and that workstation was not accepted. "
            "Nothing of it was imported. If it is one of the organisation's workstations, "
            "import the bundle again and accept it.",
        ).format(workstation=exc.workstation, fingerprint=grouped(exc.fingerprint, per_line=16))
    if isinstance(exc, Replayed):
        return QCoreApplication.translate(
            "Errors",
            "This is bundle {sequence} of its workstation, and its bundles up to {last} were "
            "imported already. Nothing of it was imported. If that workstation was restored "
            "from a backup, ask IT to have it send a bundle numbered above {last}.",
        ).format(sequence=exc.sequence, last=exc.last)
    if isinstance(exc, Gap):
        if exc.base == exc.last + 1:
            missing = QCoreApplication.translate("Errors", "bundle {first} is missing").format(
                first=exc.last + 1
            )
        else:
            missing = QCoreApplication.translate(
                "Errors", "bundles {first} to {last} are missing"
            ).format(first=exc.last + 1, last=exc.base)
        return QCoreApplication.translate(
            "Errors",
            "This is bundle {sequence} of its workstation and follows bundle {base}, but the "
            "last one imported is {last}: {missing}. Nothing of it was imported. Import the "
            "missing bundles first; if they are lost, IT can have the workstation send its "
            "records again since bundle {last}.",
        ).format(sequence=exc.sequence, base=exc.base, last=exc.last, missing=missing)
    if exc.cause is not None:  # the file's own problem, in the window's words
        return _bundle_error(exc.cause)
    return QCoreApplication.translate(
        "Errors", "This bundle was refused ({detail}). Nothing of it was imported."
    ).format(detail=exc.reason)


def _bundle_error(exc: BundleError) -> str:
    texts = {
        "unreadable": QCoreApplication.translate(
            "Errors", "The file cannot be read: check that it is still there."
        ),
        "not_bundle": QCoreApplication.translate(
            "Errors", "This file is not a counselor-app bundle."
        ),
        "newer_version": QCoreApplication.translate(
            "Errors",
            "This bundle was written by a newer version of counselor-app. Install the newer "
            "version to import it.",
        ),
        "damaged": QCoreApplication.translate(
            "Errors", "This bundle is damaged. Ask for it to be sent again."
        ),
        "bad_signature": QCoreApplication.translate(
            "Errors",
            "This bundle's signature does not match: it was altered after it was made. "
            "Ask for it to be sent again.",
        ),
        "workstation_mismatch": QCoreApplication.translate(
            "Errors",
            "This bundle's workstation id does not match its key: it was not made by "
            "counselor-app.",
        ),
        "wrong_recipient": QCoreApplication.translate(
            "Errors",
            "This bundle was made for another organisation key: this vault cannot open it.",
        ),
        "undecryptable": QCoreApplication.translate(
            "Errors", "This bundle cannot be decrypted: it is damaged or was altered."
        ),
        "too_large": QCoreApplication.translate("Errors", "This file is too large to be a bundle."),
    }
    found = texts.get(exc.reason)
    if found is not None:
        return found
    return QCoreApplication.translate("Errors", "This bundle cannot be read ({detail}).").format(
        detail=exc
    )


def _org_key(exc: OrgKeyError) -> str:
    texts = {
        "exists": QCoreApplication.translate(
            "Errors", "The organisation key files already exist; nothing was written."
        ),
        "write_failed": QCoreApplication.translate(
            "Errors", "The organisation key files could not be written."
        ),
        "missing": QCoreApplication.translate(
            "Errors", "The organisation key file does not exist."
        ),
        "unreadable": QCoreApplication.translate(
            "Errors", "The organisation key file cannot be read."
        ),
        "not_org_key": QCoreApplication.translate(
            "Errors", "This file is not a counselor-app organisation key."
        ),
        "wrong_passphrase": QCoreApplication.translate(
            "Errors", "Wrong passphrase, or the organisation key file is damaged."
        ),
        "mismatch": QCoreApplication.translate(
            "Errors",
            "The organisation key file is damaged: its private key does not match its public key.",
        ),
        "damaged": QCoreApplication.translate(
            "Errors",
            "The organisation key kept in this vault is damaged. Restore the vault from a "
            "backup, or ask IT.",
        ),
    }
    found = texts.get(exc.reason)
    if found is not None:
        return found
    return QCoreApplication.translate(
        "Errors", "The organisation key cannot be used ({detail})."
    ).format(detail=exc)


def describe_bundle_error(exc: CounselorError) -> str | None:
    """The message for an error of bundles or of the organisation key; None for others."""
    sending = _sending(exc)
    if sending is not None:
        return sending
    if isinstance(exc, BundleRefused):
        return _refused(exc)
    if isinstance(exc, NotConsolidation):
        return QCoreApplication.translate(
            "Errors",
            "Bundles are imported into the organisation's consolidation vault, not into a "
            "workstation's vault.",
        )
    if isinstance(exc, BundleError):
        return _bundle_error(exc)
    if isinstance(exc, OrgKeyError):
        return _org_key(exc)
    return None


def grouped(fingerprint: str, size: int = 4, per_line: int = 8) -> str:
    """A hex fingerprint in groups of four, eight groups a line, to be read aloud and compared."""
    groups = [fingerprint[i : i + size] for i in range(0, len(fingerprint), size)]
    lines = [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
    return "\n".join(lines)
