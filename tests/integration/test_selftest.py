"""``counselor-app selftest``: every step reported, and no temporary vault left behind."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from counselor_app import selftest
from counselor_app.cli import main
from counselor_app.selftest import SelfTestFailed
from counselor_app.vault import Session

CORE_STEPS = (
    "ok: counselor-app ",
    "ok: resources in ",
    "ok: key derivation calibrated",
    "ok: created an encrypted vault",
    "ok: the database file is encrypted (SQLCipher ",
    "ok: logged a test call",
    "ok: wrote a PDF report",
    "ok: sealed a record bundle",
    "ok: vault integrity, key slots and audit trail verified",
    "ok: removed the temporary vault",
)


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the self-test's temporary folder goes, to see that it is gone afterwards."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_the_core_steps_pass_and_leave_nothing(temp_root: Path) -> None:
    out = io.StringIO()
    selftest.run(out, qt=False)
    written = lines(out.getvalue())
    assert len(written) == len(CORE_STEPS)
    for line, start in zip(written, CORE_STEPS, strict=True):
        assert line.startswith(start)
    assert list(temp_root.iterdir()) == []


def test_a_failing_step_says_which_and_still_removes_the_folder(
    temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []

    def broken(session: Session, pdf: Path) -> str:
        seen.append(pdf.parent)
        assert (pdf.parent / "vault" / "vault.db").is_file()
        raise OSError("No space left on device\nsecond line")

    monkeypatch.setattr(selftest, "make_report", broken)
    out = io.StringIO()
    with pytest.raises(SelfTestFailed) as failed:
        selftest.run(out, qt=False)
    message = str(failed.value)
    assert message == ("self-test failed: PDF report: OSError: No space left on device second line")
    assert "\n" not in message
    assert lines(out.getvalue())[-1].startswith("ok: logged a test call")
    assert seen and not seen[0].exists()
    assert list(temp_root.iterdir()) == []


def test_a_failing_qt_step_is_a_failure(temp_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_qt() -> str:
        raise ImportError("libEGL.so.1: cannot open shared object file")

    monkeypatch.setattr(selftest, "check_qt", no_qt)
    out = io.StringIO()
    with pytest.raises(SelfTestFailed, match=r"^self-test failed: Qt: ImportError: libEGL"):
        selftest.run(out)
    # The core part ran and its vault is gone before Qt is tried.
    assert lines(out.getvalue())[-1] == "ok: removed the temporary vault"
    assert list(temp_root.iterdir()) == []


def test_the_command_exits_1_with_one_line_on_stderr(
    temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(session: Session) -> str:
        raise selftest.SelfTestFailed("verify", "the audit trail does not fit its chain")

    monkeypatch.setattr(selftest, "check_vault", broken)
    out, err = io.StringIO(), io.StringIO()
    assert main(["selftest"], stdin=io.StringIO(), stdout=out, stderr=err) == 1
    assert err.getvalue() == (
        "counselor-app: self-test failed: verify: the audit trail does not fit its chain\n"
    )
    assert list(temp_root.iterdir()) == []


def test_the_command_needs_no_password_and_no_vault(
    temp_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "check_qt", lambda: "Qt not tried here")
    data_dir = tmp_path / "data"
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--data-dir", str(data_dir), "selftest"], stdin=io.StringIO(), stdout=out, stderr=err
    )
    assert (code, err.getvalue()) == (0, "")
    assert lines(out.getvalue())[-1] == "ok: Qt not tried here"
    assert not data_dir.exists()
    assert list(temp_root.iterdir()) == []


def test_a_data_folder_is_left_alone(
    temp_root: Path, admin_session: Session, vault_dir: Path
) -> None:
    before = sorted(p.name for p in vault_dir.iterdir())
    selftest.run(io.StringIO(), qt=False)
    assert sorted(p.name for p in vault_dir.iterdir()) == before


@pytest.mark.slow
def test_python_m_counselor_app_selftest(tmp_path: Path) -> None:
    """The real command, Qt included, in a process of its own without a screen."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "counselor_app", "selftest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    written = lines(result.stdout)
    assert all(line.startswith("ok: ") for line in written)
    assert written[: len(CORE_STEPS)][-1] == CORE_STEPS[-1]
    assert written[-1].startswith("ok: Qt ")
    assert "offscreen" in written[-1]
    assert "French translation loaded" in written[-1]
    assert list(tmp_path.iterdir()) == []
