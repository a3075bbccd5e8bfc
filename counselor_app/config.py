"""Settings: code defaults < site file (IT) < user file, except what the site file locks.

Every key is in ``_KEYS`` with its parser and whether a user file may set it at all.
Site-only keys are the organisation's security policy and are never read from a
user file; the others may be set in either file unless the site file lists them
in its ``locked`` key (``locked = data_dir, language``). A user-file value that
is not allowed is ignored with a warning naming the file and the key. A bad value
is reported (file, key, reason) and the value from below it (the site file's, or
the default) is kept. docs/configuration.md documents every key.

``resolve_settings`` is the one place where the files are read and the layers
combined: ``load_settings`` returns its settings and ``settings_report.describe``
its sources, so the two can never disagree.
"""

from __future__ import annotations

import base64
import binascii
import configparser
import hashlib
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import platformdirs
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

APP_NAME = "counselor-app"
SECTION = "counselor-app"
FILE_NAME = f"{APP_NAME}.ini"
LOCK_KEY = "locked"
LANGUAGES = ("auto", "fr", "en")
MIN_PASSWORD_FLOOR = 8
X25519_KEY_SIZE = 32
MAX_KEY_FILE_SIZE = 16 * 1024  # a PEM public key is about 110 bytes
MACOS_SITE_FOLDER = Path("/Library/Application Support")
XDG_SITE_FOLDER = Path("/etc/xdg")


@dataclass(frozen=True)
class SupervisorKey:
    """The organisation's X25519 public key, from the file ``supervisor_public_key`` names.

    ``path`` is the file as given in the site file (``~`` expanded); ``raw`` is the
    32-byte public key it holds, read and checked once when the settings are loaded
    (a later change of the file is not seen until the next start). The file holds
    either a PEM ``PUBLIC KEY`` block (SubjectPublicKeyInfo) or the raw 32 bytes in
    standard base64 on one line. Nothing here is secret: it is a public key.
    """

    path: Path
    raw: bytes

    def public_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.raw)

    def fingerprint(self) -> str:
        """SHA-256 of the raw 32-byte key, in hex: what to compare with the supervisor's copy."""
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class Settings:
    data_dir: Path | None = None
    language: str = "auto"
    min_password_length: int = 10
    small_count_threshold: int = 5
    organisation_name: str = ""
    organisation_logo: Path | None = None
    backup_dir: Path | None = None  # None: beside the vault's folder (see backup_folder)
    backup_keep: int = 7
    lock_after_minutes: int = 5  # 0: never by itself
    lock_when_minimised: bool = True
    note_retention_days: int = 90  # 0: notes are kept as long as their record
    record_retention_months: int = 60  # 0: records are kept until deleted by hand
    # None: no supervisor key configured (features that need one are unavailable).
    supervisor_public_key: SupervisorKey | None = None
    bundle_notes: bool = False  # whether record bundles carry the notes
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def resolved_data_dir(self) -> Path:
        return self.data_dir if self.data_dir is not None else default_data_dir()

    def backup_folder(self, data_dir: Path) -> Path:
        """Where automatic backups go: the setting, else ``<vault folder>-backups`` beside it."""
        if self.backup_dir is not None:
            return self.backup_dir
        return data_dir.with_name(f"{data_dir.name}-backups")


def default_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def site_config_candidates(platform: str | None = None) -> list[Path]:
    """The site files that may be read, in order; the first that exists is the site file.

    Windows: ``%PROGRAMDATA%\\counselor-app\\counselor-app.ini``. Linux and other Unix:
    ``<folder>/counselor-app/counselor-app.ini`` for each absolute folder of
    ``XDG_CONFIG_DIRS``, else ``/etc/xdg``. macOS: the same when ``XDG_CONFIG_DIRS`` is
    set, else ``/Library/Application Support`` (never Homebrew's prefix, which
    platformdirs would put first).
    """
    platform = platform or sys.platform
    if platform == "win32":
        from platformdirs.windows import Windows

        return [Windows(APP_NAME, appauthor=False).site_config_path / FILE_NAME]
    folders = [
        Path(entry)
        for entry in os.environ.get("XDG_CONFIG_DIRS", "").split(":")
        if entry and Path(entry).is_absolute()
    ]
    if not folders:
        folders = [MACOS_SITE_FOLDER if platform == "darwin" else XDG_SITE_FOLDER]
    return [folder / APP_NAME / FILE_NAME for folder in folders]


def site_config_file(platform: str | None = None) -> Path:
    """The site file: the first of ``site_config_candidates`` that exists, else the first."""
    candidates = site_config_candidates(platform)
    return next((path for path in candidates if _present(path)), candidates[0])


def _present(path: Path) -> bool:
    """Whether the file is there; one that cannot even be looked at counts (to be reported)."""
    try:
        return path.exists()
    except OSError:
        return True


def user_config_file() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / FILE_NAME


def _parse_path(text: str, what: str = "path") -> Path:
    if not text.strip():
        raise ValueError(f"empty {what}")
    if any(ord(char) < 32 for char in text.strip()):
        raise ValueError(f"a line break or control character in the {what}")
    try:
        return Path(text.strip()).expanduser()
    except RuntimeError as exc:  # '~someone' for a user that does not exist
        raise ValueError(str(exc)) from None


def _parse_dir(text: str) -> Path:
    return _parse_path(text, "folder name")


def _parse_language(text: str) -> str:
    value = text.strip().lower()
    if value not in LANGUAGES:
        raise ValueError(f"expected one of {', '.join(LANGUAGES)}")
    return value


def _number(text: str, low: int, high: int, expected: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValueError(expected) from None
    if not low <= value <= high:
        raise ValueError(expected)
    return value


def _parse_password_length(text: str) -> int:
    return _number(
        text, MIN_PASSWORD_FLOOR, 128, f"expected a number from {MIN_PASSWORD_FLOOR} to 128"
    )


def _parse_threshold(text: str) -> int:
    return _number(text, 3, 100, "expected a number from 3 to 100")


def _parse_name(text: str) -> str:
    value = " ".join(text.split())
    if len(value) > 120:
        raise ValueError("at most 120 characters")
    return value


def _parse_logo(text: str) -> Path:
    path = _parse_path(text, "file name")
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        raise ValueError("expected a PNG or JPEG file")
    return path


def _parse_keep(text: str) -> int:
    return _number(text, 1, 365, "expected a number from 1 to 365")


def _parse_minutes(text: str) -> int:
    return _number(text, 0, 240, "expected a number of minutes from 0 (never) to 240")


def _parse_days(text: str) -> int:
    return _number(text, 0, 3650, "expected a number of days from 0 (never) to 3650")


def _parse_months(text: str) -> int:
    return _number(text, 0, 1200, "expected a number of months from 0 (never) to 1200")


def _parse_switch(text: str) -> bool:
    value = text.strip().lower()
    if value in ("1", "yes", "true", "on"):
        return True
    if value in ("0", "no", "false", "off"):
        return False
    raise ValueError("expected yes or no")


def public_key_bytes(data: bytes) -> bytes:
    """The raw X25519 public key in a key file's bytes: a PEM ``PUBLIC KEY`` or raw base64.

    Raises ValueError with a reason that never quotes the file's content.
    """
    if b"PRIVATE KEY" in data:
        raise ValueError(
            "the file holds a private key; give the public key only, "
            "and keep the private key off this computer"
        )
    if b"-----BEGIN" in data:
        try:
            key = serialization.load_pem_public_key(data)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            raise ValueError("not a readable PEM public key") from None
        if not isinstance(key, X25519PublicKey):
            raise ValueError(f"expected an X25519 key, not {_key_kind(key)}")
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    else:
        try:
            raw = base64.b64decode(b"".join(data.split()), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("expected a PEM public key or the 32-byte key in base64") from None
        if len(raw) != X25519_KEY_SIZE:
            raise ValueError(f"expected 32 bytes in base64, found {len(raw)}")
    try:  # refuses the few weak points whose shared secret is all zeros
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(raw))
    except ValueError:
        raise ValueError("not a usable X25519 public key (a weak, low-order point)") from None
    return raw


def _key_kind(key: object) -> str:
    name = type(key).__name__.removeprefix("_")
    return name.removesuffix("PublicKey") or name


def _parse_supervisor_key(text: str) -> SupervisorKey:
    path = _parse_path(text, "file name")
    if not path.is_absolute():
        raise ValueError("expected the absolute path of the key file")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE_SIZE + 1)
    except FileNotFoundError:
        raise ValueError(f"no such file: {path}") from None
    except OSError as exc:
        raise ValueError(f"the file cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_KEY_FILE_SIZE:
        raise ValueError("the file is too large to be a public key")
    return SupervisorKey(path, public_key_bytes(data))


@dataclass(frozen=True)
class Key:
    """A setting: how its text is read, and whether a user file may set it (then lockable)."""

    parse: Callable[[str], Any]
    user_may_set: bool


_KEYS: dict[str, Key] = {
    "data_dir": Key(_parse_dir, True),
    "language": Key(_parse_language, True),
    "min_password_length": Key(_parse_password_length, False),
    "small_count_threshold": Key(_parse_threshold, False),
    "organisation_name": Key(_parse_name, False),
    "organisation_logo": Key(_parse_logo, False),
    "backup_dir": Key(_parse_dir, False),
    "backup_keep": Key(_parse_keep, False),
    "lock_after_minutes": Key(_parse_minutes, False),
    "lock_when_minimised": Key(_parse_switch, False),
    "note_retention_days": Key(_parse_days, False),
    "record_retention_months": Key(_parse_months, False),
    "supervisor_public_key": Key(_parse_supervisor_key, False),
    "bundle_notes": Key(_parse_switch, False),
}
KEYS: Mapping[str, Key] = _KEYS
LOCKABLE_KEYS = tuple(key for key, spec in _KEYS.items() if spec.user_may_set)
SITE_ONLY_KEYS = tuple(key for key, spec in _KEYS.items() if not spec.user_may_set)


@dataclass(frozen=True)
class Source:
    """Where a key's effective value came from."""

    origin: Literal["default", "site", "user"]
    file: Path | None = None  # the file, for "site" and "user"
    locked_by: Path | None = None  # the site file whose ``locked`` names the key

    def __str__(self) -> str:
        if self.origin == "default":
            text = "default"
            if self.locked_by is not None:
                text += f" (locked by site file {self.locked_by})"
            return text
        text = f"{self.origin} file {self.file}"
        return text + " (locked)" if self.locked_by is not None else text


@dataclass(frozen=True)
class Resolution:
    """The settings, where each key's value came from, and what was read."""

    settings: Settings
    sources: Mapping[str, Source]
    locked: frozenset[str]
    site_file: Path
    user_file: Path
    site_found: bool
    user_found: bool


def _read(path: Path, warnings: list[str]) -> tuple[bool, list[tuple[str, str]]]:
    """Whether the file exists, and the entries of its section (none if it cannot be read)."""
    parser = configparser.ConfigParser(interpolation=None, default_section="\0none")
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        return False, []
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        reason = " ".join(str(exc).split())  # configparser's messages span lines
        warnings.append(f"{path}: the file cannot be read ({reason}); it was ignored.")
        return True, []
    for section in parser.sections():
        if section != SECTION:
            warnings.append(
                f"{path}: unknown section [{section}] was ignored (settings go in [{SECTION}])."
            )
    if not parser.has_section(SECTION):
        return True, []
    return True, list(parser.items(SECTION))


def _parse_locks(text: str, path: Path, warnings: list[str]) -> set[str]:
    locked: set[str] = set()
    for name in (part.strip().lower() for part in text.replace("\n", ",").split(",")):
        if not name:
            continue
        if name not in _KEYS:
            warnings.append(f"{path}: unknown key '{name}' in '{LOCK_KEY}' was ignored.")
        elif _KEYS[name].user_may_set:
            locked.add(name)
        # a site-only key is always locked: naming it is allowed and changes nothing
    return locked


def resolve_settings(site_file: Path | None = None, user_file: Path | None = None) -> Resolution:
    """Read the site file then the user file; the one code path of the settings."""
    site_path = site_file or site_config_file()
    user_path = user_file or user_config_file()
    warnings: list[str] = []
    values: dict[str, Any] = {}
    sources: dict[str, Source] = dict.fromkeys(_KEYS, Source("default"))
    locked: set[str] = set()

    site_found, entries = _read(site_path, warnings)
    for key, text in entries:
        if key == LOCK_KEY:
            locked = _parse_locks(text, site_path, warnings)
        elif key not in _KEYS:
            warnings.append(f"{site_path}: unknown key '{key}' was ignored.")
        else:
            try:
                values[key] = _KEYS[key].parse(text)
            except ValueError as exc:
                warnings.append(f"{site_path}: bad value for '{key}' ({exc}); the default is used.")
            else:
                sources[key] = Source("site", site_path)
    for key in locked:
        sources[key] = replace(sources[key], locked_by=site_path)

    user_found, entries = _read(user_path, warnings)
    for key, text in entries:
        if key not in _KEYS and key != LOCK_KEY:
            warnings.append(f"{user_path}: unknown key '{key}' was ignored.")
        elif key == LOCK_KEY or not _KEYS[key].user_may_set:
            warnings.append(f"{user_path}: '{key}' can only be set in the site file; ignored.")
        elif key in locked:
            warnings.append(
                f"{user_path}: '{key}' is locked by the site file {site_path}; ignored."
            )
        else:
            try:
                values[key] = _KEYS[key].parse(text)
            except ValueError as exc:
                kept = "the site file's value" if key in values else "the default"
                warnings.append(f"{user_path}: bad value for '{key}' ({exc}); {kept} is used.")
            else:
                sources[key] = Source("user", user_path)

    return Resolution(
        settings=Settings(warnings=tuple(warnings), **values),
        sources=sources,
        locked=frozenset(locked),
        site_file=site_path,
        user_file=user_path,
        site_found=site_found,
        user_found=user_found,
    )


def load_settings(site_file: Path | None = None, user_file: Path | None = None) -> Settings:
    return resolve_settings(site_file, user_file).settings
