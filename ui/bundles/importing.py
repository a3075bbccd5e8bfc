"""Importing bundles into the consolidation vault: what to ask first, the job, the summary.

Each file is inspected before anything is imported (its signature checked, its header
read), so that a workstation the vault does not know yet is shown to the supervisor,
with its key's fingerprint, before she accepts it. The files are then imported one at
a time in the order of each workstation's bundles, each whole or not at all; a cancel
stops before the next file.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from counselor_app.exchange import orgkey
from counselor_app.exchange.bundle_format import BundleError
from counselor_app.exchange.consolidation import (
    BundleRefused,
    Imported,
    Outcome,
    import_file,
    order_of,
)
from counselor_app.vault import Session
from ui.bundles.messages import grouped
from ui.errors import describe
from ui.transfer.worker import Cancelled, Job, Steps


@dataclass
class Newcomer:
    """A workstation the vault does not know yet, as its bundles among the files show it."""

    workstation: str
    fingerprint: str  # of its signing key, in full
    records: int = 0
    files: int = 0


@dataclass
class Plan:
    order: list[Path]  # the files in the order to import them
    unreadable: dict[Path, BundleError] = field(default_factory=dict)
    newcomers: list[Newcomer] = field(default_factory=list)


@dataclass(frozen=True)
class ImportRun:
    outcomes: dict[Path, Outcome]
    cancelled: bool


def plan(paths: Sequence[Path], known: Collection[str]) -> Plan:
    """Inspect every file: the order to import them and the workstations to ask about."""
    order = order_of(paths)
    newcomers: dict[str, Newcomer] = {}
    for path in paths:  # asked about in the order the files were chosen
        header = order.headers.get(path)
        if header is None or header.workstation in known:
            continue
        newcomer = newcomers.setdefault(
            header.workstation,
            Newcomer(header.workstation, orgkey.fingerprint(header.signing_key)),
        )
        newcomer.records += header.records
        newcomer.files += 1
    unreadable = [path for path in paths if path in order.unreadable]
    return Plan(unreadable + order.paths, dict(order.unreadable), list(newcomers.values()))


def import_job(order: Sequence[Path], accept: Collection[str]) -> Job:
    """Import the files one by one; a cancel is heard between two files."""
    files = list(order)
    accepted = frozenset(accept)

    def job(session: Session, steps: Steps) -> object:
        outcomes: dict[Path, Outcome] = {}
        try:
            steps.total(len(files))
            for done, path in enumerate(files, start=1):
                outcomes[path] = import_file(session, path, accept=accepted)
                steps.done(done)
        except Cancelled:
            return ImportRun(outcomes, cancelled=True)
        return ImportRun(outcomes, cancelled=False)

    return job


# Words


def question_title() -> str:
    return QCoreApplication.translate("BundleImport", "Accept a new workstation?")


def question(newcomer: Newcomer) -> str:
    """What the supervisor is asked before a workstation's first bundle is imported."""
    if newcomer.files == 1:
        records = QCoreApplication.translate("BundleImport", "Records in its bundle: {records}")
    else:
        records = QCoreApplication.translate(
            "BundleImport", "Records in its {files} bundles: {records}"
        )
    return "\n\n".join(
        [
            QCoreApplication.translate(
                "BundleImport", "A bundle comes from a workstation this vault does not know yet."
            ),
            "\n".join(
                [
                    QCoreApplication.translate("BundleImport", "Workstation: {workstation}").format(
                        workstation=newcomer.workstation
                    ),
                    QCoreApplication.translate("BundleImport", "Key fingerprint:"),
                    grouped(newcomer.fingerprint),
                    records.format(records=newcomer.records, files=newcomer.files),
                ]
            ),
            QCoreApplication.translate(
                "BundleImport",
                "Accept it only if it is one of the organisation's workstations: compare its "
                "id with the one shown in Help > About on that computer. Once accepted, its "
                "bundles are imported without asking. Accept this workstation?",
            ),
        ]
    )


def _imported(imported: Imported) -> str:
    text = QCoreApplication.translate(
        "BundleImport",
        "bundle {sequence} of workstation {workstation} imported: {added} added, "
        "{replaced} replaced, {unchanged} unchanged, {held} on legal hold left as they were.",
    ).format(
        sequence=imported.sequence,
        workstation=imported.workstation,
        added=imported.added,
        replaced=imported.replaced,
        unchanged=imported.unchanged,
        held=imported.held,
    )
    if imported.conflicts:
        text += " " + QCoreApplication.translate(
            "BundleImport",
            "{conflicts} records already here from elsewhere (the same ids) were left as "
            "they were.",
        ).format(conflicts=imported.conflicts)
    if imported.accepted:
        text += " " + QCoreApplication.translate("BundleImport", "The workstation was accepted.")
    return text


def refusal(outcome: Outcome, found: Plan) -> str:
    """Why a file was not imported, in the window's words."""
    error = outcome.refused
    unreadable = found.unreadable.get(outcome.path)
    if type(error) is BundleRefused and unreadable is not None:
        return describe(unreadable)  # the inspection's own reason, worded precisely
    if error is None:
        return ""
    return describe(error)


def summary_lines(paths: Sequence[Path], found: Plan, run: ImportRun) -> list[str]:
    """One line a file, in the order they were chosen."""
    lines = []
    for path in paths:
        outcome = run.outcomes.get(path)
        if outcome is None:
            what = QCoreApplication.translate(
                "BundleImport", "not imported (the import was cancelled before it)."
            )
        elif outcome.imported is not None:
            what = _imported(outcome.imported)
        else:
            what = QCoreApplication.translate("BundleImport", "not imported. {reason}").format(
                reason=refusal(outcome, found)
            )
        lines.append(
            QCoreApplication.translate("BundleImport", "{file}: {what}").format(
                file=path.name, what=what
            )
        )
    return lines


def headline(paths: Sequence[Path], run: ImportRun) -> str:
    imported = sum(1 for o in run.outcomes.values() if o.imported is not None)
    text = QCoreApplication.translate("BundleImport", "Files imported: {imported} of {total}.")
    text = text.format(imported=imported, total=len(paths))
    if run.cancelled:
        text += " " + QCoreApplication.translate(
            "BundleImport",
            "The import was cancelled; the files imported before the cancel stay imported.",
        )
    return text
