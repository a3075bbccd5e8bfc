"""Site settings: where the site file is, precedence, locks, site-only keys, every key's values."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import platformdirs.windows
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

from counselor_app.config import (
    KEYS,
    LOCKABLE_KEYS,
    SITE_ONLY_KEYS,
    Settings,
    SupervisorKey,
    load_settings,
    public_key_bytes,
    site_config_candidates,
    site_config_file,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def ini(**values: str) -> str:
    return "[counselor-app]\n" + "".join(f"{key} = {value}\n" for key, value in values.items())


def public_pem(key: x25519.X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def raw_public(key: x25519.X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@pytest.fixture
def supervisor_pem(tmp_path: Path) -> tuple[Path, bytes]:
    """A PEM public key file and the raw key it holds."""
    key = x25519.X25519PrivateKey.generate()
    path = tmp_path / "keys" / "supervisor.pub.pem"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(public_pem(key))
    return path, raw_public(key)


def good_values(key_file: Path) -> dict[str, tuple[str, Any]]:
    """A valid text for every key, and the value it gives."""
    raw = public_key_bytes(key_file.read_bytes())
    return {
        "data_dir": ("/srv/helpline", Path("/srv/helpline")),
        "language": ("en", "en"),
        "min_password_length": ("12", 12),
        "small_count_threshold": ("10", 10),
        "organisation_name": ("Ligne  Sud", "Ligne Sud"),
        "organisation_logo": ("/srv/logo.png", Path("/srv/logo.png")),
        "backup_dir": ("/mnt/nas", Path("/mnt/nas")),
        "backup_keep": ("30", 30),
        "lock_after_minutes": ("15", 15),
        "lock_when_minimised": ("no", False),
        "note_retention_days": ("30", 30),
        "record_retention_months": ("24", 24),
        "supervisor_public_key": (str(key_file), SupervisorKey(key_file, raw)),
        "bundle_notes": ("yes", True),
    }


BAD_VALUES = {
    "data_dir": "~no-such-user-here/x",
    "language": "klingon",
    "min_password_length": "7",
    "small_count_threshold": "2",
    "organisation_name": "x" * 121,
    "organisation_logo": "/srv/logo.svg",
    "backup_dir": "   ",
    "backup_keep": "0",
    "lock_after_minutes": "241",
    "lock_when_minimised": "maybe",
    "note_retention_days": "-1",
    "record_retention_months": "ten",
    "supervisor_public_key": "/no/such/supervisor.pem",
    "bundle_notes": "sometimes",
}


def test_the_tables_cover_every_key(supervisor_pem: tuple[Path, bytes]) -> None:
    assert set(good_values(supervisor_pem[0])) == set(KEYS) == set(BAD_VALUES)
    assert set(LOCKABLE_KEYS) == {"data_dir", "language"}
    assert set(SITE_ONLY_KEYS) == set(KEYS) - set(LOCKABLE_KEYS)


# --- where the site file is ---------------------------------------------------------


def test_linux_reads_etc_xdg_without_xdg_config_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_DIRS")
    assert site_config_candidates("linux") == [Path("/etc/xdg/counselor-app/counselor-app.ini")]


def test_the_first_xdg_folder_holding_the_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "xdg-ubuntu", tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{first}:relative/ignored::{second}")
    assert site_config_candidates("linux") == [
        first / "counselor-app" / "counselor-app.ini",
        second / "counselor-app" / "counselor-app.ini",
    ]
    assert site_config_file("linux") == first / "counselor-app" / "counselor-app.ini"
    site = write(second / "counselor-app" / "counselor-app.ini", ini(language="en"))
    assert site_config_file("linux") == site
    assert load_settings().language == "en"  # the default location, from the environment
    write(first / "counselor-app" / "counselor-app.ini", ini(backup_keep="9"))
    settings = load_settings()
    assert (settings.backup_keep, settings.language) == (9, "auto")  # one file, never merged


def test_macos_reads_library_application_support_not_homebrew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_CONFIG_DIRS")
    assert site_config_candidates("darwin") == [
        Path("/Library/Application Support/counselor-app/counselor-app.ini")
    ]


def test_windows_reads_programdata(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = {"CSIDL_COMMON_APPDATA": "/ProgramData"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    assert site_config_candidates("win32") == [Path("/ProgramData/counselor-app/counselor-app.ini")]


# --- precedence, locks, site-only keys ------------------------------------------------


@pytest.mark.parametrize("key", LOCKABLE_KEYS)
def test_default_then_site_then_user(tmp_path: Path, key: str) -> None:
    texts = {"data_dir": ("/srv/site", "/srv/user"), "language": ("fr", "en")}[key]
    parse = KEYS[key].parse
    none = tmp_path / "none.ini"
    site = write(tmp_path / "site.ini", ini(**{key: texts[0]}))
    user = write(tmp_path / "user.ini", ini(**{key: texts[1]}))
    assert getattr(load_settings(none, none), key) == getattr(Settings(), key)
    assert getattr(load_settings(site, none), key) == parse(texts[0])
    assert getattr(load_settings(none, user), key) == parse(texts[1])
    settings = load_settings(site, user)
    assert getattr(settings, key) == parse(texts[1])
    assert settings.warnings == ()


def test_a_locked_key_keeps_the_site_value_and_warns(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", ini(language="fr", data_dir="/srv/a", locked="language"))
    user = write(tmp_path / "user.ini", ini(language="en", data_dir="/srv/b"))
    settings = load_settings(site, user)
    assert settings.language == "fr"
    assert settings.data_dir == Path("/srv/b")  # not locked
    (warning,) = settings.warnings
    assert str(user) in warning and "'language'" in warning and "locked" in warning


def test_a_lock_without_a_site_value_locks_the_default(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", ini(locked="data_dir,\n  language"))
    user = write(tmp_path / "user.ini", ini(language="en", data_dir="/srv/b"))
    settings = load_settings(site, user)
    assert (settings.language, settings.data_dir) == ("auto", None)
    assert len(settings.warnings) == 2


def test_lock_names_are_checked(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", ini(locked="Language, colour, min_password_length, , "))
    user = write(tmp_path / "user.ini", ini(language="en"))
    settings = load_settings(site, user)
    assert settings.language == "auto"
    # a site-only key in the list is no error; the user's language is refused
    lock_warning, user_warning = settings.warnings
    assert str(site) in lock_warning and "'colour'" in lock_warning
    assert "'locked'" in lock_warning
    assert str(user) in user_warning and "'language' is locked" in user_warning


def test_a_user_file_cannot_lock_or_unlock(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", ini(language="fr", locked="language"))
    user = write(tmp_path / "user.ini", ini(locked="", language="en"))
    settings = load_settings(site, user)
    assert settings.language == "fr"
    assert any("'locked' can only be set in the site file" in w for w in settings.warnings)
    assert str(user) in settings.warnings[0]


@pytest.mark.parametrize("key", SITE_ONLY_KEYS)
def test_site_only_keys_are_ignored_in_the_user_file(
    tmp_path: Path, supervisor_pem: tuple[Path, bytes], key: str
) -> None:
    text, _ = good_values(supervisor_pem[0])[key]
    user = write(tmp_path / "user.ini", ini(**{key: text}))
    settings = load_settings(tmp_path / "none.ini", user)
    assert getattr(settings, key) == getattr(Settings(), key)
    (warning,) = settings.warnings
    assert warning == f"{user}: '{key}' can only be set in the site file; ignored."


# --- every key's values ----------------------------------------------------------------


def documented_defaults() -> dict[str, tuple[str, str]]:
    """key -> (default cell, who-may-change cell) from the table of docs/configuration.md."""
    rows: dict[str, tuple[str, str]] = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\| `(\w+)` \|.*", line)
        if match:
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            rows[match.group(1)] = (cells[3], cells[4])
    return rows


def test_the_documentation_lists_every_key_in_order() -> None:
    rows = documented_defaults()
    assert list(rows) == list(KEYS)
    for key, (_, who) in rows.items():
        expected = "site or user file; lockable" if KEYS[key].user_may_set else "site file only"
        assert who == expected, key


@pytest.mark.parametrize("key", list(KEYS))
def test_every_key_accepts_its_documented_default(tmp_path: Path, key: str) -> None:
    default, _ = documented_defaults()[key]
    written = re.fullmatch(r"`([^`]*)`", default)
    if written is None:  # a default that is not a value (a folder computed, none, empty)
        assert getattr(Settings(), key) in (None, "")
        return
    assert KEYS[key].parse(written.group(1)) == getattr(Settings(), key)
    site = write(tmp_path / "site.ini", ini(**{key: written.group(1)}))
    assert load_settings(site, tmp_path / "none.ini") == Settings()


@pytest.mark.parametrize("key", list(KEYS))
def test_every_key_accepts_a_good_value_from_the_site_file(
    tmp_path: Path, supervisor_pem: tuple[Path, bytes], key: str
) -> None:
    text, value = good_values(supervisor_pem[0])[key]
    settings = load_settings(write(tmp_path / "site.ini", ini(**{key: text})), tmp_path / "n")
    assert getattr(settings, key) == value
    assert settings.warnings == ()


@pytest.mark.parametrize("key", list(KEYS))
def test_a_bad_site_value_names_file_and_key_and_keeps_the_default(
    tmp_path: Path, key: str
) -> None:
    site = write(tmp_path / "site.ini", ini(**{key: BAD_VALUES[key]}))
    settings = load_settings(site, tmp_path / "none.ini")
    assert getattr(settings, key) == getattr(Settings(), key)
    (warning,) = settings.warnings
    assert warning.startswith(f"{site}: bad value for '{key}' (")
    assert warning.endswith("); the default is used.")


@pytest.mark.parametrize("key", LOCKABLE_KEYS)
def test_a_bad_user_value_keeps_the_site_value(tmp_path: Path, key: str) -> None:
    good = {"data_dir": "/srv/site", "language": "fr"}[key]
    site = write(tmp_path / "site.ini", ini(**{key: good}))
    user = write(tmp_path / "user.ini", ini(**{key: BAD_VALUES[key]}))
    settings = load_settings(site, user)
    assert getattr(settings, key) == KEYS[key].parse(good)
    (warning,) = settings.warnings
    assert warning.startswith(f"{user}: bad value for '{key}' (")
    assert warning.endswith("the site file's value is used.")


def test_a_path_with_a_line_break_is_refused(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", "[counselor-app]\ndata_dir = /srv\n  /helpline\n")
    settings = load_settings(site, tmp_path / "none.ini")
    assert settings.data_dir is None and "line break" in settings.warnings[0]


def test_other_sections_and_default_are_reported(tmp_path: Path) -> None:
    site = write(
        tmp_path / "site.ini",
        "[DEFAULT]\nlanguage = en\n[counselor_app]\nbackup_keep = 3\n",
    )
    settings = load_settings(site, tmp_path / "none.ini")
    assert settings == Settings()
    assert len(settings.warnings) == 2
    assert all(str(site) in w and "unknown section" in w for w in settings.warnings)


def test_a_file_that_cannot_be_read_gives_one_line(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", ini(language="en") + "language = fr\n")
    settings = load_settings(site, tmp_path / "none.ini")
    assert settings == Settings()
    (warning,) = settings.warnings
    assert "\n" not in warning and str(site) in warning and "cannot be read" in warning


# --- the supervisor key ----------------------------------------------------------------


def test_the_supervisor_key_from_pem_or_base64(
    tmp_path: Path, supervisor_pem: tuple[Path, bytes]
) -> None:
    pem, raw = supervisor_pem
    settings = load_settings(write(tmp_path / "a.ini", ini(supervisor_public_key=str(pem))))
    assert settings.supervisor_public_key == SupervisorKey(pem, raw)
    assert settings.warnings == ()
    encoded = tmp_path / "supervisor.b64"
    encoded.write_text(base64.b64encode(raw).decode() + "\n", encoding="ascii")
    site = write(tmp_path / "b.ini", ini(supervisor_public_key=str(encoded)))
    key = load_settings(site, tmp_path / "none.ini").supervisor_public_key
    assert key is not None and key.raw == raw and key.path == encoded
    assert key.public_key().public_bytes_raw() == raw
    assert len(key.fingerprint()) == 64


def test_the_supervisor_key_may_be_a_path_from_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, supervisor_pem: tuple[Path, bytes]
) -> None:
    monkeypatch.setenv("HOME", str(supervisor_pem[0].parent))
    site = write(tmp_path / "site.ini", ini(supervisor_public_key="~/supervisor.pub.pem"))
    key = load_settings(site, tmp_path / "none.ini").supervisor_public_key
    assert key is not None and key.path == supervisor_pem[0]


def refusal(tmp_path: Path, name: str, content: bytes | None) -> str:
    """The reason given for a key file holding ``content`` (None: no such file)."""
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    site = write(tmp_path / "site.ini", ini(supervisor_public_key=str(path)))
    settings = load_settings(site, tmp_path / "none.ini")
    assert settings.supervisor_public_key is None
    (warning,) = settings.warnings
    assert warning.startswith(f"{site}: bad value for 'supervisor_public_key' (")
    return warning


def test_supervisor_key_refusals(tmp_path: Path) -> None:
    private = x25519.X25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    warning = refusal(tmp_path, "private.pem", private_pem)
    assert "private key" in warning
    assert private_pem.decode().splitlines()[1] not in warning

    ed_pem = (
        ed25519.Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    assert "not Ed25519" in refusal(tmp_path, "ed.pem", ed_pem)
    assert "no such file" in refusal(tmp_path, "missing.pem", None)
    assert "found 31" in refusal(tmp_path, "short.b64", base64.b64encode(bytes(range(31))))
    assert "weak" in refusal(tmp_path, "zero.b64", base64.b64encode(bytes(32)))
    assert "base64" in refusal(tmp_path, "binary.key", bytes(range(256)))
    assert "PEM" in refusal(tmp_path, "cert.pem", b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END")
    assert "too large" in refusal(tmp_path, "large.pem", b"A" * 20000)
    (tmp_path / "folder.pem").mkdir()
    assert "cannot be read" in refusal(tmp_path, "folder.pem", None)


def test_a_relative_supervisor_key_path_is_refused(
    tmp_path: Path, supervisor_pem: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(supervisor_pem[0].parent)
    site = write(tmp_path / "site.ini", ini(supervisor_public_key="supervisor.pub.pem"))
    settings = load_settings(site, tmp_path / "none.ini")
    assert settings.supervisor_public_key is None
    assert "absolute path" in settings.warnings[0]
