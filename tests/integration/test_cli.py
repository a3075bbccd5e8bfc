"""The `counselor-app` command: in-process for most cases, the real executable for some."""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from counselor_app import accounts
from counselor_app.cli import main
from counselor_app.roles import Role
from counselor_app.vault import Session
from tests.conftest import ADMIN, ADMIN_PASSWORD


def cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def lines(*passwords: str) -> str:
    return "".join(p + "\n" for p in passwords)


def test_init_then_list(vault_dir: Path) -> None:
    code, out, err = cli(
        "--data-dir", str(vault_dir), "init", "--admin", "root", stdin=lines(ADMIN_PASSWORD)
    )
    assert (code, err) == (0, "")
    assert (vault_dir / "vault.db").is_file()
    code, out, _ = cli(
        "--data-dir", str(vault_dir), "user", "list", "--as", "root", stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 0
    assert out == "root admin\n"


def test_init_twice_fails(admin_session: Session, vault_dir: Path) -> None:
    code, _, err = cli(
        "--data-dir", str(vault_dir), "init", "--admin", "x", stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 1
    assert "already exists" in err


def test_init_with_a_short_password_fails(vault_dir: Path) -> None:
    code, _, err = cli(
        "--data-dir", str(vault_dir), "init", "--admin", "root", stdin=lines("short")
    )
    assert code == 1
    assert "at least 10 characters" in err
    assert not (vault_dir / "vault.db").exists()


def test_user_lifecycle(admin_session: Session, vault_dir: Path) -> None:
    admin_session.close()
    d = ("--data-dir", str(vault_dir))
    assert (
        cli(
            *d,
            "user",
            "add",
            "bob",
            "--role",
            "counselor",
            "--as",
            ADMIN,
            stdin=lines(ADMIN_PASSWORD, "bob password 1"),
        )[0]
        == 0
    )
    assert (
        cli(
            *d,
            "user",
            "add",
            "sue",
            "--role",
            "supervisor",
            "--as",
            ADMIN,
            stdin=lines(ADMIN_PASSWORD, "sue password 1"),
        )[0]
        == 0
    )
    code, out, _ = cli(*d, "user", "list", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))
    assert out.splitlines() == ["alice admin", "bob counselor", "sue supervisor"]

    assert cli(*d, "user", "passwd", "bob", stdin=lines("bob password 1", "bob password 2"))[0] == 0
    assert cli(*d, "verify", "--as", "bob", stdin=lines("bob password 1"))[0] == 1
    assert cli(*d, "verify", "--as", "bob", stdin=lines("bob password 2"))[0] == 0

    assert (
        cli(
            *d, "user", "reset", "bob", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD, "bob password 3")
        )[0]
        == 0
    )
    assert cli(*d, "verify", "--as", "bob", stdin=lines("bob password 3"))[0] == 0

    assert (
        cli(*d, "user", "role", "sue", "admin", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD))[0] == 0
    )
    code, _, err = cli(*d, "user", "remove", "bob", "--as", "sue", stdin=lines("sue password 1"))
    assert code == 0, err
    code, out, _ = cli(*d, "user", "list", "--as", "sue", stdin=lines("sue password 1"))
    assert out.splitlines() == ["alice admin", "sue admin"]


def test_refusals_exit_1_with_one_line(admin_session: Session, vault_dir: Path) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, "bob password 1")
    admin_session.close()
    d = ("--data-dir", str(vault_dir))
    cases = [
        (("user", "list", "--as", ADMIN), lines("wrong password"), "wrong password"),
        (("user", "list", "--as", "bob"), lines("bob password 1"), "Permission denied"),
        (("user", "remove", ADMIN, "--as", ADMIN), lines(ADMIN_PASSWORD), "your own account"),
        (("user", "remove", "ghost", "--as", ADMIN), lines(ADMIN_PASSWORD), "no user named"),
        (
            ("user", "add", "bob", "--role", "admin", "--as", ADMIN),
            lines(ADMIN_PASSWORD, "x" * 12),
            "already exists",
        ),
        (("user", "list", "--as", ADMIN), "", "standard input"),
    ]
    for argv, stdin, message in cases:
        code, _, err = cli(*d, *argv, stdin=stdin)
        assert code == 1, argv
        assert message in err, (argv, err)
        assert err.count("\n") == 1 and "Traceback" not in err


def test_missing_vault_is_reported(tmp_path: Path) -> None:
    code, _, err = cli(
        "--data-dir", str(tmp_path / "none"), "verify", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 1
    assert "no vault" in err
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["user"],
        ["user", "add", "bob"],
        ["user", "add", "bob", "--role", "boss", "--as", "alice"],
        ["init"],
        ["verify"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(see --help)" in err


def test_passwords_never_come_from_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["user", "list", "--as", ADMIN, "--password", ADMIN_PASSWORD])
    assert exit_.value.code == 2


def test_data_dir_from_settings_and_default(tmp_path: Path) -> None:
    site = Path(os.environ["XDG_CONFIG_DIRS"]) / "counselor-app"
    site.mkdir(parents=True)
    configured = tmp_path / "configured"
    (site / "counselor-app.ini").write_text(f"[counselor-app]\ndata_dir = {configured}\n")
    assert cli("init", "--admin", "root", stdin=lines(ADMIN_PASSWORD))[0] == 0
    assert (configured / "vault.db").is_file()
    (site / "counselor-app.ini").unlink()
    assert cli("init", "--admin", "root", stdin=lines(ADMIN_PASSWORD))[0] == 0
    assert (Path(os.environ["XDG_DATA_HOME"]) / "counselor-app" / "vault.db").is_file()


# --- the real executable -------------------------------------------------------


def executable() -> list[str]:
    script = Path(sys.executable).with_name("counselor-app")
    return [str(script)] if script.exists() else [sys.executable, "-m", "counselor_app"]


def run(argv: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.slow
def test_real_command_init_and_verify(vault_dir: Path) -> None:
    d = ["--data-dir", str(vault_dir)]
    result = run([*executable(), *d, "init", "--admin", ADMIN], lines(ADMIN_PASSWORD))
    assert result.returncode == 0, result.stderr
    result = run(
        [sys.executable, "-m", "counselor_app", *d, "verify", "--as", ADMIN], lines(ADMIN_PASSWORD)
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


@pytest.mark.slow
def test_real_command_help_and_usage() -> None:
    for argv in (
        ["--help"],
        ["user", "--help"],
        ["user", "add", "--help"],
        ["verify", "--help"],
        ["init", "--help"],
    ):
        result = run([*executable(), *argv])
        assert result.returncode == 0
        assert "usage:" in result.stdout
    result = run([*executable(), "bogus"])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1


@pytest.mark.slow
def test_flipped_byte_makes_verify_fail_and_leaves_the_file(
    admin_session: Session, vault_dir: Path
) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, "bob password 1")
    # Some content beyond the first page.
    admin_session.conn.execute("CREATE TABLE filler (x TEXT)")
    admin_session.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 40)
    admin_session.close()
    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    assert len(data) > 4 * 4096
    data[len(data) - 4096 - 1000] ^= 0x01
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    result = run(
        [*executable(), "--data-dir", str(vault_dir), "verify", "--as", ADMIN],
        lines(ADMIN_PASSWORD),
    )
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in vault_dir.iterdir()) == ["keyslots.json", "vault.db"]


@pytest.mark.slow
def test_bytes_that_are_not_utf8_on_stdin(admin_session: Session, vault_dir: Path) -> None:
    admin_session.close()
    result = subprocess.run(
        [*executable(), "--data-dir", str(vault_dir), "verify", "--as", ADMIN],
        input=b"\xff\xfe not text\n",
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1
    assert b"UTF-8" in result.stderr


@pytest.mark.slow
def test_no_screen_is_one_line_not_an_abort(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [*executable(), "--data-dir", str(tmp_path / "v")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "no screen" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_damaged_slot_value_is_reported_as_damage(
    admin_session: Session, vault_dir: Path
) -> None:
    admin_session.close()
    path = vault_dir / "keyslots.json"
    data = json.loads(path.read_text())
    data["slots"][0]["data_key"]["ephemeral"] = base64.b64encode(bytes(32)).decode()
    path.write_text(json.dumps(data))
    code, _, err = cli(
        "--data-dir", str(vault_dir), "verify", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 1
    assert "key-slot file" in err and "damaged" in err
    assert err.count("\n") == 1


def test_verify_reports_a_slot_of_no_user(admin_session: Session, vault_dir: Path) -> None:
    accounts.add_user(admin_session, "bob", Role.COUNSELOR, "bob password 1")
    path = vault_dir / "keyslots.json"
    before = json.loads(path.read_text())
    accounts.remove_user(admin_session, "bob")
    admin_session.close()
    # Put bob's old slot back by hand.
    after = json.loads(path.read_text())
    bob = next(s for s in before["slots"] if s["username"] == "bob")
    after["slots"].append(bob)
    path.write_text(json.dumps(after))
    code, _, err = cli(
        "--data-dir", str(vault_dir), "verify", "--as", ADMIN, stdin=lines(ADMIN_PASSWORD)
    )
    assert code == 1
    assert "of no current user" in err
