"""The report command: PDF and CSV of a period, for supervisors and admins only."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pdfplumber
import pytest

from counselor_app import accounts, audit
from counselor_app.config import Settings
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.roles import Role
from counselor_app.store.db import transaction
from counselor_app.store.records import RecordStore
from counselor_app.vault import Session, open_vault
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.integration.test_cli import cli, lines

END = datetime(2026, 7, 1, tzinfo=UTC)


@pytest.fixture
def filled(admin_session: Session, vault_dir: Path) -> Path:
    calls = synthetic_calls(
        default_form(), 600, seed=8, counselors=[admin_session.user.id], end=END
    )
    store = RecordStore(admin_session.conn)
    with transaction(admin_session.conn):
        for record in calls:
            store.insert(record, END)
    accounts.add_user(admin_session, "camille", Role.COUNSELOR, "camille password")
    admin_session.close()
    return vault_dir


def report(
    vault: Path, *extra: str, who: str = ADMIN, password: str = ADMIN_PASSWORD
) -> tuple[int, str, str]:
    return cli(
        "--data-dir",
        str(vault),
        "report",
        "--from",
        "2026-01-01",
        "--to",
        "2026-06-30",
        *extra,
        "--as",
        who,
        stdin=lines(password),
    )


def test_report_writes_the_pdf_and_the_csv(filled: Path, tmp_path: Path) -> None:
    pdf, tables = tmp_path / "report.pdf", tmp_path / "tables.csv"
    code, out, err = report(filled, "--out", str(pdf), "--csv", str(tables), "--lang", "en")
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(tables.read_text("utf-8"))))
    calls = next(r["value"] for r in rows if (r["table"], r["row"]) == ("overview", "calls"))
    assert int(calls) > 200
    assert f"({calls} calls)" in out
    assert {r["table"] for r in rows} >= {"overview", "volume_month", "heatmap", "region"}
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "Overview" in text and "Calls by month" in text
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["report.pdf", "tables.csv"]


def test_the_report_is_in_french_unless_asked_otherwise(filled: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "rapport.pdf"
    code, _, err = report(filled, "--out", str(pdf))
    assert (code, err) == (0, "")
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "Vue d'ensemble" in text and "Région de la victime" in text


def test_the_report_is_recorded_in_the_audit_trail(
    filled: Path, tmp_path: Path, settings: Settings
) -> None:
    code, _, _ = report(filled, "--out", str(tmp_path / "r.pdf"))
    assert code == 0
    with open_vault(filled, ADMIN, ADMIN_PASSWORD, settings) as session:
        entries = [e for e in audit.entries(session.conn) if e.action == "report"]
        assert audit.first_broken(session.conn) is None
    assert [e.detail for e in entries] == ["2026-01-01..2026-06-30"]


def test_counselors_may_not_make_reports(filled: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    code, _, err = report(filled, "--out", str(pdf), who="camille", password="camille password")
    assert code == 1
    assert "permission" in err.lower() or "may not" in err.lower()
    assert err.count("\n") == 1
    assert not pdf.exists()


def test_bad_periods_and_folders_are_one_line(filled: Path, tmp_path: Path) -> None:
    code, _, err = cli(
        "--data-dir",
        str(filled),
        "report",
        "--from",
        "2026-06-30",
        "--to",
        "2026-01-01",
        "--out",
        str(tmp_path / "r.pdf"),
        "--as",
        ADMIN,
        stdin=lines(ADMIN_PASSWORD),
    )
    assert code == 1 and "comes before its start" in err
    code, _, err = report(filled, "--out", str(tmp_path / "missing" / "r.pdf"))
    assert code == 1 and "does not exist" in err
    with pytest.raises(SystemExit) as exit_:
        report(filled, "--out", str(tmp_path / "r.pdf"), "--lang", "de")
    assert exit_.value.code == 2


@pytest.mark.parametrize(
    ("start", "end"), [("1000-01-01", "2026-06-30"), ("2026-01-01", "9999-12-31")]
)
def test_far_dates_are_refused_in_one_line(
    filled: Path, tmp_path: Path, start: str, end: str
) -> None:
    pdf = tmp_path / "r.pdf"
    code, _, err = cli(
        "--data-dir",
        str(filled),
        "report",
        "--from",
        start,
        "--to",
        end,
        "--out",
        str(pdf),
        "--as",
        ADMIN,
        stdin=lines(ADMIN_PASSWORD),
    )
    assert code == 1
    assert err == (
        "counselor-app: A report covers days from 1970-01-01 to 2999-12-31; "
        "choose a period within them.\n"
    )
    assert not pdf.exists()


def test_the_pdf_and_the_csv_must_be_two_files(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    code, _, err = report(filled, "--out", str(target), "--csv", str(tmp_path / "." / "report.pdf"))
    assert code == 1 and err.count("\n") == 1
    assert "--out and --csv" in err and "different files" in err
    assert not target.exists()
    target.write_bytes(b"previous")
    (tmp_path / "link.csv").symlink_to(target)
    code, _, err = report(filled, "--out", str(target), "--csv", str(tmp_path / "link.csv"))
    assert code == 1 and "different files" in err
    assert target.read_bytes() == b"previous"


def test_saved_files_are_recorded_in_the_audit_trail(
    filled: Path, tmp_path: Path, settings: Settings
) -> None:
    code, _, _ = report(filled, "--out", str(tmp_path / "r.pdf"), "--csv", str(tmp_path / "t.csv"))
    assert code == 0
    with open_vault(filled, ADMIN, ADMIN_PASSWORD, settings) as session:
        entries = [e for e in audit.entries(session.conn) if e.action.startswith("report")]
    assert [(e.action, e.detail) for e in entries] == [
        ("report", "2026-01-01..2026-06-30"),
        ("report_saved", "csv 2026-01-01..2026-06-30"),
        ("report_saved", "pdf 2026-01-01..2026-06-30"),
    ]
