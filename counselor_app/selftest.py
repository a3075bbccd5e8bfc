"""``counselor-app selftest``: does this installation work, on this machine?

IT runs it after installing a package (and CI runs it on the frozen build). In a
private temporary folder it creates a vault with the key derivation calibrated on this
machine, logs a test call through the core, makes a PDF report of it, seals a record
bundle of it to a throwaway organisation key and opens it, checks the vault as ``verify``
does, then starts Qt without a screen and loads the French translation.
The temporary folder is deleted in every case.

Each step that passes writes one line ``ok: …`` to ``out``; the first that fails raises
:class:`SelfTestFailed`, whose message (one line) names the step and the reason.
Nothing here touches the user's vault, settings or data folder.
"""

from __future__ import annotations

import importlib
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO, TypeVar

from counselor_app import __version__, audit, logins, records
from counselor_app.config import Settings
from counselor_app.errors import CounselorError
from counselor_app.forms.catalogue import default_form
from counselor_app.reports.model import ReportRequest
from counselor_app.reports.service import report_for, save_report
from counselor_app.resources import resource_path, resources_dir
from counselor_app.vault import Session, create_vault, keying
from counselor_app.vault.database import integrity_problems
from counselor_app.vault.kdf import default_params

ADMIN = "selftest"
# The first bytes of every plain SQLite database; an encrypted vault never starts so.
PLAIN_SQLITE = b"SQLite format 3\0"
# The resources a run needs, relative to the resources folder.
RESOURCES = (
    ("forms", "vff.v1.json"),
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("reference", "departements.csv"),
    ("i18n", "counselor_app_fr.qm"),
    ("icons", "counselor-app.svg"),
)

T = TypeVar("T")


class SelfTestFailed(CounselorError):
    """A step of the self-test failed; the message says which and why, on one line."""

    def __init__(self, step: str, reason: str) -> None:
        reason = " ".join(reason.split()) or "no reason given"
        super().__init__(f"self-test failed: {step}: {reason}")
        self.step = step
        self.reason = reason


def run(out: TextIO, *, qt: bool = True) -> None:
    """Run every step, writing ``ok: …`` for each; raise :class:`SelfTestFailed` at the
    first failure. With ``qt=False``, only the core (no Qt at all)."""
    out.write(f"ok: counselor-app {__version__} (Python {sys.version.split()[0]})\n")
    step(out, "resources", check_resources)
    with private_folder() as folder:
        core_steps(out, folder)
    out.write("ok: removed the temporary vault\n")
    if qt:
        step(out, "Qt", check_qt)


def step(out: TextIO, name: str, action: Callable[[], str]) -> None:
    """Run one step; its result is the rest of the ``ok:`` line."""
    out.write(f"ok: {attempt(name, action)}\n")


def attempt(name: str, action: Callable[[], T]) -> T:
    try:
        return action()
    except SelfTestFailed:
        raise
    except CounselorError as exc:
        raise SelfTestFailed(name, str(exc)) from exc
    except Exception as exc:
        raise SelfTestFailed(name, f"{type(exc).__name__}: {exc}") from exc


@contextmanager
def private_folder() -> Iterator[Path]:
    """A new folder only this user can open, deleted with everything in it afterwards."""
    folder = Path(attempt("temporary folder", lambda: tempfile.mkdtemp(prefix="counselor-app-")))
    try:
        yield folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # the first failure is the one to tell
        raise
    attempt("removing the temporary vault", lambda: shutil.rmtree(folder))


def check_resources() -> str:
    folder = resources_dir()
    missing = ["/".join(parts) for parts in RESOURCES if not resource_path(*parts).is_file()]
    if missing:
        raise SelfTestFailed("resources", f"missing from {folder}: {', '.join(missing)}")
    form = default_form()
    return f"resources in {folder} (form {form.form} v{form.version})"


def core_steps(out: TextIO, folder: Path) -> None:
    settings = Settings()
    password = secrets.token_urlsafe(24)
    vault = folder / "vault"

    params = attempt("key derivation", default_params)
    out.write(
        f"ok: key derivation calibrated on this machine (Argon2id, {params.iterations} "
        f"passes, {params.memory_kib // 1024} MiB)\n"
    )
    session = attempt("creating a vault", lambda: create_vault(vault, ADMIN, password, settings))
    with session:
        out.write("ok: created an encrypted vault in a private temporary folder\n")
        step(out, "encryption", lambda: check_encrypted(session))
        step(out, "logging a call", lambda: log_call(session))
        step(out, "PDF report", lambda: make_report(session, folder / "report.pdf"))
        step(out, "record bundle", lambda: make_bundle(session, folder / "test.cabundle"))
    verified = attempt("verify", lambda: logins.unlock(vault, ADMIN, password, settings))
    with verified:
        step(out, "verify", lambda: check_vault(verified))


def check_encrypted(session: Session) -> str:
    with session.paths.database.open("rb") as database:
        start = database.read(len(PLAIN_SQLITE))
    if start == PLAIN_SQLITE:
        raise SelfTestFailed("encryption", "the vault's database file is not encrypted")
    version = session.conn.execute("PRAGMA cipher_version").fetchone()
    return f"the database file is encrypted (SQLCipher {version[0] if version else '?'})"


def log_call(session: Session) -> str:
    ended = datetime.now(UTC).replace(microsecond=0)
    record = records.new_record(
        session,
        started_at=ended - timedelta(minutes=3),
        ended_at=ended,
        answers={"call_kind": "test", "channel": "phone"},
    )
    saved = records.create(session, record)
    records.get(session, saved.id)
    return "logged a test call and read it back"


def make_report(session: Session, pdf: Path) -> str:
    today = datetime.now().date()
    request = ReportRequest(today - timedelta(days=1), today + timedelta(days=1))
    report = report_for(session, request)
    save_report(report, pdf=pdf, language="fr", session=session)
    if not pdf.is_file():
        raise SelfTestFailed("PDF report", f"{pdf.name} was not written")
    with pdf.open("rb") as written:
        start = written.read(5)
    if start != b"%PDF-":
        raise SelfTestFailed("PDF report", f"{pdf.name} is not a PDF file")
    return f"wrote a PDF report ({pdf.stat().st_size} bytes)"


def make_bundle(session: Session, path: Path) -> str:
    """A bundle of the test call, sealed to a throwaway organisation key and opened again:
    the HPKE and Ed25519 code of this installation at work."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from counselor_app.exchange import bundle_format, orgkey
    from counselor_app.exchange.bundle_export import export_bundle
    from counselor_app.exchange.bundle_records import parse_payload

    organisation = X25519PrivateKey.generate()
    made = export_bundle(session, path, org_public=orgkey.public_bytes(organisation))
    sealed = bundle_format.read_file(path)
    payload = bundle_format.open_payload(sealed, organisation)
    found = parse_payload(payload, notes=made.notes, expected=sealed.header.records)
    if len(found) != 1:
        raise SelfTestFailed("record bundle", f"{len(found)} records where 1 was sent")
    return "sealed a record bundle of the test call and opened it with its key"


def check_vault(session: Session) -> str:
    """The checks of the ``verify`` command: integrity, key slots, the audit chain."""
    problems = integrity_problems(session.conn) + keying.slot_problems(session.conn, session.paths)
    broken = audit.first_broken(session.conn)
    if broken is not None:
        problems.append(f"the audit trail does not fit its chain from entry {broken} on")
    if problems:
        raise SelfTestFailed("verify", "; ".join(problems[:3]))
    return "vault integrity, key slots and audit trail verified"


def check_qt() -> str:
    """Qt starts without a screen, its platform plugins are there, the window's code and
    the French translation load, and a window can be drawn: done by the window's own code
    (``ui.selftest_qt``), loaded by name as the command loads the window."""
    # Without a screen (and never on one): this only tests, it shows nothing.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        window_check = importlib.import_module("ui.selftest_qt")
    except ImportError as exc:
        raise SelfTestFailed("Qt", f"PySide6 cannot be loaded ({exc})") from exc
    return str(window_check.check_qt())
