"""The purge and hold commands."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from counselor_app import accounts, audit, records
from counselor_app.config import Settings, site_config_file
from counselor_app.roles import Role
from counselor_app.vault import Session, open_vault
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.integration.test_cli import cli, lines
from tests.integration.test_retention import log


def _site(text: str) -> None:
    path = site_config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"[counselor-app]\n{text}", encoding="utf-8")


def test_purge_prints_what_it_removed(admin_session: Session, vault_dir: Path) -> None:
    now = datetime.now(UTC)
    old = log(admin_session, now - timedelta(days=40))
    very_old = log(admin_session, now - timedelta(days=800))
    recent = log(admin_session, now - timedelta(days=2))
    admin_session.close()
    _site("note_retention_days = 30\nrecord_retention_months = 24\n")
    d = ("--data-dir", str(vault_dir))
    code, out, err = cli(*d, "purge", "--dry-run", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert (code, err) == (0, "")
    assert ": 2 would be shredded." in out and ": 1 would be deleted (0 of them" in out
    code, out, err = cli(*d, "purge", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert (code, err) == (0, "")
    said = re.search(r"Notes of calls before (\S+ \d\d:\d\d) UTC: 2 were shredded\.", out)
    assert said is not None
    cutoff = datetime.strptime(said[1], "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    assert abs(cutoff - (now - timedelta(days=30))) < timedelta(minutes=2)
    assert "Records of calls before " in out and ": 1 were deleted" in out
    assert "legal hold: 0." in out
    assert "open elsewhere" not in out
    with open_vault(vault_dir, ADMIN, ADMIN_PASSWORD, Settings()) as session:
        assert records.get(session, old).note is None
        assert records.get(session, recent).note is not None
        assert session.conn.execute(
            "SELECT count(*) FROM records WHERE id = ?", (very_old,)
        ).fetchone() == (0,)
        assert [e.action for e in audit.entries(session.conn)][-1] == "purge"


def test_purge_is_for_admins_and_holds_for_supervisors(
    admin_session: Session, vault_dir: Path
) -> None:
    accounts.add_user(admin_session, "sara", Role.SUPERVISOR, "sara's long password")
    accounts.add_user(admin_session, "cora", Role.COUNSELOR, "cora's long password")
    held = log(admin_session, datetime.now(UTC) - timedelta(days=4000))
    admin_session.close()
    d = ("--data-dir", str(vault_dir))
    sara = ("--as", "sara")
    code, _, err = cli(*d, "purge", *sara, stdin=lines("sara's long password"))
    assert code == 1 and "purge notes and records" in err and err.count("\n") == 1
    code, out, err = cli(*d, "hold", "add", held, *sara, stdin=lines("sara's long password"))
    assert (code, err, out) == (0, "", f"{held}: on hold.\n")
    code, out, _ = cli(*d, "hold", "list", *sara, stdin=lines("sara's long password"))
    assert out.startswith(f"{held} ") and out.rstrip().endswith(" sara")
    code, _, err = cli(*d, "hold", "list", "--as", "cora", stdin=lines("cora's long password"))
    assert code == 1 and "legal hold" in err
    code, out, _ = cli(*d, "purge", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert code == 0 and "were deleted (0 of them" in out and ": 0 were deleted" in out
    assert "legal hold: 1." in out
    code, out, _ = cli(*d, "hold", "remove", held, *sara, stdin=lines("sara's long password"))
    assert out == f"{held}: hold lifted.\n"
    code, out, _ = cli(*d, "purge", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert ": 1 were deleted" in out
    code, _, err = cli(*d, "hold", "add", held, *sara, stdin=lines("sara's long password"))
    assert code == 1 and f"There is no record {held}." in err


def test_zero_periods_say_so(admin_session: Session, vault_dir: Path) -> None:
    admin_session.close()
    _site("note_retention_days = 0\nrecord_retention_months = 0\n")
    code, out, _ = cli(
        "--data-dir", str(vault_dir), "purge", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 0
    assert "Notes: kept as long as their records" in out
    assert "Records: kept until deleted by hand" in out
