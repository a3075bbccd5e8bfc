"""The import, export and demo commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from counselor_app.cli import main
from counselor_app.config import Settings
from counselor_app.exchange.training import is_training
from counselor_app.forms.catalogue import default_form
from counselor_app.forms.validation import validate_answers
from counselor_app.store.records import RecordStore
from counselor_app.vault import Session, open_vault
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.integration.test_cli import cli, lines
from tests.integration.test_exchange import VICTIM, line, write


def test_demo_makes_a_training_vault_of_valid_calls(tmp_path: Path, settings: Settings) -> None:
    vault = tmp_path / "training"
    code, out, err = cli(
        "--data-dir",
        str(vault),
        "demo",
        "--calls",
        "400",
        "--seed",
        "3",
        "--admin",
        "ana",
        stdin=lines(ADMIN_PASSWORD),
    )
    assert (code, err) == (0, "")
    assert "400 synthetic calls" in out
    with open_vault(vault, "ana", ADMIN_PASSWORD, settings) as session:
        assert is_training(session.conn)
        store = RecordStore(session.conn)
        kinds = store.count_codes("call_kind")
        assert sum(kinds.values()) == 400
        assert kinds["victim"] > kinds.get("test", 0)
        form = default_form()
        for rowid in range(1, 401):
            record, _ = store.fetch(rowid)
            assert validate_answers(form, record.answers) == []
            assert record.ended_at >= record.started_at


def test_an_ordinary_vault_is_not_training(admin_session: Session) -> None:
    assert not is_training(admin_session.conn)


def test_import_and_export_commands(
    admin_session: Session, vault_dir: Path, tmp_path: Path
) -> None:
    admin_session.close()
    rows = [line({**VICTIM, "note": "joindre au 06 12 34 56 78"}), line(), line()]
    source = write(tmp_path / "in.jsonl", rows)
    d = ("--data-dir", str(vault_dir))
    code, out, err = cli(*d, "import", str(source), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert (code, err) == (0, "")
    assert "Imported 3 records; skipped 0" in out
    assert "1 notes held identifying details (lines 1)" in out
    code, out, _ = cli(*d, "import", str(source), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert "Imported 0 records; skipped 3" in out
    target = tmp_path / "out.jsonl"
    code, out, _ = cli(
        *d,
        "export",
        "--out",
        str(target),
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--as",
        ADMIN,
        stdin=lines(ADMIN_PASSWORD),
    )
    assert code == 0 and "Exported 3 records" in out
    assert len(target.read_text("utf-8").splitlines()) == 3
    assert "06 12" not in target.read_text("utf-8")


def test_a_rejected_import_is_one_line(
    admin_session: Session, vault_dir: Path, tmp_path: Path
) -> None:
    admin_session.close()
    bad = write(tmp_path / "in.jsonl", [line(), line({**VICTIM, "reason": "boredom"})])
    code, _, err = cli(
        "--data-dir", str(vault_dir), "import", str(bad), "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 1
    assert "line 2, reason" in err and "Nothing was imported" in err
    assert err.count("\n") == 1


def test_export_dates_are_checked() -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--out", "x.jsonl", "--from", "2025-13-01", "--as", ADMIN])
    assert exit_.value.code == 2
