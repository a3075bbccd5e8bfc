"""The commands of several workstations: org keygen, consolidate init, bundle export and
import, workstation list."""

from __future__ import annotations

import os
from pathlib import Path

from counselor_app.workstation import identity
from tests.integration.bundle_support import PASSPHRASE, PASSWORD, log_calls, workstation
from tests.integration.test_cli import cli, lines


def keygen(folder: Path) -> Path:
    code, out, err = cli("org", "keygen", "--out", str(folder), stdin=lines(PASSPHRASE))
    assert (code, err) == (0, ""), err
    assert "Fingerprint: " in out
    return folder


def station(tmp_path: Path, name: str, calls: int) -> tuple[Path, str]:
    with workstation(tmp_path, name) as session:
        log_calls(session, calls)
        return session.paths.data_dir, identity(session.conn).id


def test_keygen_writes_two_files_once(tmp_path: Path) -> None:
    folder = keygen(tmp_path / "org")
    public, private = folder / "org.pub", folder / "org.key"
    assert public.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert PASSPHRASE.encode() not in private.read_bytes()
    if os.name == "posix":
        assert private.stat().st_mode & 0o077 == 0
    before = (public.read_bytes(), private.read_bytes())
    code, _, err = cli("org", "keygen", "--out", str(folder), stdin=lines(PASSPHRASE))
    assert code == 1 and err.count("\n") == 1 and "exists" in err
    assert (public.read_bytes(), private.read_bytes()) == before
    code, _, err = cli("org", "keygen", "--out", str(tmp_path / "x"), stdin=lines("short"))
    assert code == 1 and "12" in err
    assert not (tmp_path / "x" / "org.key").exists()


def test_consolidate_init_refuses_a_wrong_passphrase(tmp_path: Path) -> None:
    folder = keygen(tmp_path / "org")
    target = tmp_path / "hub"
    code, _, err = cli(
        "--data-dir",
        str(target),
        "consolidate",
        "init",
        "--org-key",
        str(folder / "org.key"),
        "--admin",
        "sup",
        stdin=lines("not the passphrase", PASSWORD),
    )
    assert code == 1 and err.count("\n") == 1 and "passphrase" in err
    assert not target.exists()


def test_from_two_workstations_to_the_consolidation_vault(tmp_path: Path) -> None:
    org = keygen(tmp_path / "org")
    one, one_id = station(tmp_path, "one", 3)
    two, two_id = station(tmp_path, "two", 2)
    hub = tmp_path / "hub"
    code, out, err = cli(
        "--data-dir", str(hub), "consolidate", "init", "--org-key", str(org / "org.key"),
        "--admin", "sup", stdin=lines(PASSPHRASE, PASSWORD),
    )  # fmt: skip
    assert code == 0, err
    files = []
    for data, name in ((one, "one"), (two, "two")):
        out_file = tmp_path / f"{name}.bundle"
        code, out, err = cli(
            "--data-dir", str(data), "bundle", "export", "--out", str(out_file),
            "--org-key", str(org / "org.pub"), "--as", name, stdin=lines(PASSWORD),
        )  # fmt: skip
        assert code == 0, err
        assert "Wrote bundle 1 of workstation" in out
        files.append(str(out_file))
    importing = ("--data-dir", str(hub), "bundle", "import", *files, "--as", "sup")
    code, out, err = cli(*importing, stdin=lines(PASSWORD))
    assert code == 1
    assert out.count("refused: ") == 2 and f"--accept {one_id}" in out
    refusals = out
    assert "2 of 2 bundles were not imported" in err
    code, out, err = cli(*importing, "--accept", one_id, "--accept", two_id, stdin=lines(PASSWORD))
    assert code == 0, out + err
    assert "3 added" in out and "2 added" in out and out.count("(workstation accepted)") == 2
    code, out, _ = cli(*importing, stdin=lines(PASSWORD))
    assert code == 1 and out.count("imported already") == 2
    code, out, _ = cli(
        "--data-dir", str(hub), "workstation", "list", "--as", "sup", stdin=lines(PASSWORD)
    )
    assert code == 0
    listed = {line.split()[0]: line.split() for line in out.splitlines()}
    assert set(listed) == {one_id, two_id}
    assert listed[one_id][1] == "1" and listed[one_id][3] == "3" and listed[one_id][4] == "sup"
    code, out, _ = cli(
        "--data-dir", str(one), "workstation", "list", "--as", "one", stdin=lines(PASSWORD)
    )
    assert code == 0 and out.startswith(f"This workstation: {one_id} (last bundle sent: 1 on ")
    # The fingerprint a supervisor is shown is the one the workstation prints.
    shown = out.splitlines()[1].removeprefix("Key fingerprint: ")
    assert len(shown) == 64 and shown in refusals


def test_export_takes_the_key_from_the_site_settings(tmp_path: Path) -> None:
    org = keygen(tmp_path / "org")
    data, _ = station(tmp_path, "one", 1)
    out_file = tmp_path / "b"
    argv = ("--data-dir", str(data), "bundle", "export", "--out", str(out_file), "--as", "one")
    code, _, err = cli(*argv, stdin=lines(PASSWORD))
    assert code == 1 and "supervisor_public_key" in err and not out_file.exists()
    site = Path(os.environ["XDG_CONFIG_DIRS"]) / "counselor-app"
    site.mkdir(parents=True)
    (site / "counselor-app.ini").write_text(
        f"[counselor-app]\nsupervisor_public_key = {org / 'org.pub'}\n", encoding="utf-8"
    )
    code, out, err = cli(*argv, stdin=lines(PASSWORD))
    assert code == 0, err
    assert out_file.is_file() and "1 records" in out


def test_since_and_sequence_out_of_range_are_one_line_refusals(tmp_path: Path) -> None:
    org = keygen(tmp_path / "org")
    data, _ = station(tmp_path, "one", 1)
    base = ("--data-dir", str(data), "bundle", "export", "--org-key", str(org / "org.pub"))
    code, _, err = cli(*base, "--out", str(tmp_path / "a"), "--since", "3", "--as", "one",
                       stdin=lines(PASSWORD))  # fmt: skip
    assert code == 1 and err.count("\n") == 1 and "--since 3" in err
    code, out, err = cli(*base, "--out", str(tmp_path / "b"), "--as", "one", stdin=lines(PASSWORD))
    assert code == 0, err
    code, _, err = cli(*base, "--out", str(tmp_path / "c"), "--sequence", "1", "--as", "one",
                       stdin=lines(PASSWORD))  # fmt: skip
    assert code == 1 and err.count("\n") == 1 and "--sequence 1" in err
    assert not (tmp_path / "a").exists() and not (tmp_path / "c").exists()
    code, out, err = cli(*base, "--out", str(tmp_path / "d"), "--sequence", "7", "--as", "one",
                         stdin=lines(PASSWORD))  # fmt: skip
    assert code == 0, err
    assert "Wrote bundle 7 " in out and "1 records" in out
