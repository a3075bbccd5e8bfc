"""Settings: code defaults < site file (IT) < user file.

Only the keys below exist for now; a key that a user file may not set is
ignored there. A bad value is reported (file, key, reason) and the default kept.
"""

from __future__ import annotations

import configparser
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "counselor-app"
SECTION = "counselor-app"
LANGUAGES = ("auto", "fr", "en")
MIN_PASSWORD_FLOOR = 8


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


def site_config_file() -> Path:
    return platformdirs.site_config_path(APP_NAME, appauthor=False) / f"{APP_NAME}.ini"


def user_config_file() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / f"{APP_NAME}.ini"


def _parse_dir(text: str) -> Path:
    if not text.strip():
        raise ValueError("empty folder name")
    try:
        return Path(text.strip()).expanduser()
    except RuntimeError as exc:  # '~someone' for a user that does not exist
        raise ValueError(str(exc)) from None


def _parse_language(text: str) -> str:
    value = text.strip().lower()
    if value not in LANGUAGES:
        raise ValueError(f"expected one of {', '.join(LANGUAGES)}")
    return value


def _parse_password_length(text: str) -> int:
    value = int(text.strip())
    if not MIN_PASSWORD_FLOOR <= value <= 128:
        raise ValueError(f"expected a number from {MIN_PASSWORD_FLOOR} to 128")
    return value


def _parse_threshold(text: str) -> int:
    value = int(text.strip())
    if not 3 <= value <= 100:
        raise ValueError("expected a number from 3 to 100")
    return value


def _parse_name(text: str) -> str:
    value = " ".join(text.split())
    if len(value) > 120:
        raise ValueError("at most 120 characters")
    return value


def _parse_logo(text: str) -> Path:
    path = _parse_dir(text)
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        raise ValueError("expected a PNG or JPEG file")
    return path


def _parse_keep(text: str) -> int:
    value = int(text.strip())
    if not 1 <= value <= 365:
        raise ValueError("expected a number from 1 to 365")
    return value


def _parse_minutes(text: str) -> int:
    value = int(text.strip())
    if not 0 <= value <= 240:
        raise ValueError("expected a number of minutes from 0 (never) to 240")
    return value


def _parse_days(text: str) -> int:
    value = int(text.strip())
    if not 0 <= value <= 3650:
        raise ValueError("expected a number of days from 0 (never) to 3650")
    return value


def _parse_months(text: str) -> int:
    value = int(text.strip())
    if not 0 <= value <= 1200:
        raise ValueError("expected a number of months from 0 (never) to 1200")
    return value


def _parse_switch(text: str) -> bool:
    value = text.strip().lower()
    if value in ("1", "yes", "true", "on"):
        return True
    if value in ("0", "no", "false", "off"):
        return False
    raise ValueError("expected yes or no")


# key -> (parser, may the user file set it?)
_KEYS: dict[str, tuple[Callable[[str], Any], bool]] = {
    "data_dir": (_parse_dir, True),
    "language": (_parse_language, True),
    "min_password_length": (_parse_password_length, False),
    "small_count_threshold": (_parse_threshold, False),
    "organisation_name": (_parse_name, False),
    "organisation_logo": (_parse_logo, False),
    "backup_dir": (_parse_dir, False),
    "backup_keep": (_parse_keep, False),
    "lock_after_minutes": (_parse_minutes, False),
    "lock_when_minimised": (_parse_switch, False),
    "note_retention_days": (_parse_days, False),
    "record_retention_months": (_parse_months, False),
}


def _apply(settings: Settings, path: Path, *, is_site: bool) -> Settings:
    parser = configparser.ConfigParser(interpolation=None)
    warnings = list(settings.warnings)
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        return settings
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        warnings.append(f"{path}: the file cannot be read ({exc}); it was ignored.")
        return replace(settings, warnings=tuple(warnings))
    if not parser.has_section(SECTION):
        return settings
    changes: dict[str, Any] = {}
    for key, text in parser.items(SECTION):
        if key not in _KEYS:
            warnings.append(f"{path}: unknown key '{key}' was ignored.")
            continue
        parse, user_may_set = _KEYS[key]
        if not is_site and not user_may_set:
            warnings.append(f"{path}: '{key}' can only be set in the site file; ignored.")
            continue
        try:
            changes[key] = parse(text)
        except ValueError as exc:
            warnings.append(f"{path}: bad value for '{key}' ({exc}); the default is used.")
    return replace(settings, warnings=tuple(warnings), **changes)


def load_settings(site_file: Path | None = None, user_file: Path | None = None) -> Settings:
    settings = Settings()
    settings = _apply(settings, site_file or site_config_file(), is_site=True)
    return _apply(settings, user_file or user_config_file(), is_site=False)
