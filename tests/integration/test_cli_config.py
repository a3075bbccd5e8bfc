"""``counselor-app config show``: every key, its effective value and its source."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counselor_app.config import KEYS
from tests.integration.test_cli import cli


def _site_file(text: str) -> Path:
    folder = Path(os.environ["XDG_CONFIG_DIRS"]) / "counselor-app"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "counselor-app.ini"
    path.write_text(text, encoding="utf-8")
    return path


def _user_file(text: str) -> Path:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "counselor-app"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "counselor-app.ini"
    path.write_text(text, encoding="utf-8")
    return path


def _keys(out: str) -> dict[str, str]:
    """``key = value  [source]`` lines as {key: the rest}."""
    found = {}
    for line in out.splitlines():
        if not line.startswith("#"):
            key, _, rest = line.partition(" = ")
            found[key] = rest
    return found


def test_defaults_name_every_key_and_need_no_vault(tmp_path: Path) -> None:
    code, out, err = cli("config", "show")
    assert (code, err) == (0, "")
    keys = _keys(out)
    assert list(keys) == list(KEYS)
    assert all(rest.endswith("  [default]") for rest in keys.values())
    assert keys["lock_after_minutes"] == "5  [default]"
    assert "(not found)" in out.splitlines()[0]
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "counselor-app").exists()


def test_site_user_and_locks(tmp_path: Path) -> None:
    site = _site_file("[counselor-app]\nlanguage = fr\nlock_after_minutes = 3\nlocked = language\n")
    user = _user_file(
        f"[counselor-app]\nlanguage = en\ndata_dir = {tmp_path / 'mine'}\nlock_after_minutes = 30\n"
    )
    code, out, err = cli("config", "show")
    assert code == 0
    keys = _keys(out)
    assert keys["language"] == f"fr  [site file {site} (locked)]"
    assert keys["lock_after_minutes"] == f"3  [site file {site}]"
    assert keys["data_dir"] == f"{tmp_path / 'mine'}  [user file {user}]"
    assert "# locked by the site file: language" in out
    # What the user file tried and could not do is said on stderr, not in the report.
    assert "'language' is locked" in err
    assert "'lock_after_minutes' can only be set in the site file" in err
    assert "warning" not in out


def test_a_bad_value_is_reported_and_the_default_shown(tmp_path: Path) -> None:
    site = _site_file("[counselor-app]\nsmall_count_threshold = many\n")
    code, out, err = cli("config", "show")
    assert code == 0
    assert _keys(out)["small_count_threshold"] == "5  [default]"
    assert err.count("\n") == 1
    assert str(site) in err and "small_count_threshold" in err


def test_data_dir_option_is_noted(tmp_path: Path) -> None:
    code, out, _ = cli("--data-dir", str(tmp_path / "elsewhere"), "config", "show")
    assert code == 0
    assert f"# --data-dir {tmp_path / 'elsewhere'} replaces data_dir for this command" in out


def test_config_needs_an_action() -> None:
    with pytest.raises(SystemExit) as exited:
        cli("config")
    assert exited.value.code == 2
