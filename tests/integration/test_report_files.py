"""The report's PDF and CSV files: whole or not at all, private, and recorded when saved."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from counselor_app import audit
from counselor_app.errors import PermissionDenied
from counselor_app.forms.catalogue import default_form
from counselor_app.reports.build import make_report
from counselor_app.reports.csv_export import csv_text, write_csv
from counselor_app.reports.model import Report, ReportRequest
from counselor_app.reports.pdf import write_pdf
from counselor_app.reports.service import save_report
from counselor_app.roles import Role
from counselor_app.vault import Session
from tests.conftest import ADMIN_PASSWORD

REQUEST = ReportRequest(date(2026, 3, 1), date(2026, 3, 31), channel="chat")
Writer = Callable[[Report, Path], None]


def _pdf(report: Report, path: Path) -> None:
    write_pdf(report, path, "en")


WRITERS: dict[str, Writer] = {"csv": write_csv, "pdf": _pdf}


@pytest.fixture
def report(admin_session: Session) -> Report:
    return make_report(
        admin_session.conn, default_form(), REQUEST, program_version="1", training=False
    )


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for the files alone (the vault is beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


class Stop(Exception):
    pass


@pytest.mark.parametrize("kind", list(WRITERS))
@pytest.mark.parametrize("link", [False, True])
def test_files_beside_are_left_alone(report: Report, out: Path, kind: str, link: bool) -> None:
    """A file (or a link to one) at the name the writing once used is not touched."""
    path = out / f"report.{kind}"
    someones = out / "someones.txt"
    someones.write_bytes(b"someone's file")
    beside = out / f"report.{kind}.part"
    if link:
        beside.symlink_to(someones)
    else:
        beside.write_bytes(b"someone's file")
    WRITERS[kind](report, path)
    assert beside.read_bytes() == someones.read_bytes() == b"someone's file"
    assert beside.is_symlink() is link and not path.is_symlink()
    assert sorted(p.name for p in out.iterdir()) == sorted([path.name, beside.name, someones.name])


@pytest.mark.parametrize("kind", list(WRITERS))
def test_the_file_is_for_its_owner_only(report: Report, out: Path, kind: str) -> None:
    old = os.umask(0o022)
    try:
        path = out / f"report.{kind}"
        WRITERS[kind](report, path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_failure_before_the_rename_leaves_nothing(
    report: Report, out: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = out / f"report.{kind}"
    path.write_bytes(b"previous")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space"):
        WRITERS[kind](report, path)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in out.iterdir()] == [path.name]


def test_written_runs_just_before_the_file_appears(report: Report, out: Path) -> None:
    path = out / "tables.csv"
    seen: list[list[str]] = []

    def written() -> None:
        seen.append(sorted(p.name for p in out.iterdir()))

    write_csv(report, path, written=written)
    assert len(seen) == 1 and len(seen[0]) == 1
    assert seen[0][0].startswith(".tables.csv.") and seen[0][0].endswith(".tmp")
    assert path.read_bytes() == csv_text(report).encode("utf-8")

    def refuse() -> None:
        raise Stop

    path.write_bytes(b"previous")
    with pytest.raises(Stop):
        write_pdf(report, out / "report.pdf", "fr", written=refuse)
    assert sorted(p.name for p in out.iterdir()) == ["tables.csv"]


def _saved(session: Session) -> list[str | None]:
    return [e.detail for e in audit.entries(session.conn) if e.action == "report_saved"]


def test_saving_with_a_session_is_recorded_in_the_audit_trail(
    admin_session: Session, report: Report, out: Path
) -> None:
    save_report(report, csv=out / "t.csv", pdf=out / "r.pdf", session=admin_session)
    assert _saved(admin_session) == [
        "csv 2026-03-01..2026-03-31 channel=chat",
        "pdf 2026-03-01..2026-03-31 channel=chat",
    ]
    assert audit.first_broken(admin_session.conn) is None
    assert str(out) not in " ".join(str(d) for d in _saved(admin_session))
    save_report(report, csv=out / "u.csv")  # without a session: nothing recorded
    assert len(_saved(admin_session)) == 2


def test_a_file_that_cannot_be_written_is_not_recorded(
    admin_session: Session, report: Report, out: Path
) -> None:
    with pytest.raises(FileNotFoundError):
        save_report(report, csv=out / "missing" / "t.csv", session=admin_session)
    assert _saved(admin_session) == []


def test_counselors_may_not_save_a_report(
    admin_session: Session, report: Report, out: Path
) -> None:
    from counselor_app import accounts
    from counselor_app.vault import open_vault

    accounts.add_user(admin_session, "camille", Role.COUNSELOR, ADMIN_PASSWORD)
    with (
        open_vault(
            admin_session.paths.data_dir, "camille", ADMIN_PASSWORD, admin_session.settings
        ) as camille,
        pytest.raises(PermissionDenied),
    ):
        save_report(report, csv=out / "t.csv", session=camille)
    assert not (out / "t.csv").exists()
