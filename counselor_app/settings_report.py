"""What ``counselor-app config show`` prints: each effective setting and where it came from.

There is nothing secret in the settings (the supervisor key is a public key, shown
only as its file and fingerprint), so the whole report may be printed, pasted into
a support request or kept with an installation's records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from counselor_app.config import KEYS, Resolution, Settings, SupervisorKey, resolve_settings


@dataclass(frozen=True)
class SettingLine:
    """One key: its effective value as text, and where that value came from.

    ``source`` is ``default``, ``site file <path>``, ``user file <path>``,
    ``site file <path> (locked)`` or ``default (locked by site file <path>)``.
    """

    key: str
    value: str
    source: str
    origin: Literal["default", "site", "user"]
    locked: bool  # a user file cannot change it (site-only key, or named in ``locked``)


@dataclass(frozen=True)
class SettingsReport:
    """The lines of every key in table order, the files looked at, and the warnings."""

    lines: tuple[SettingLine, ...]
    settings: Settings
    site_file: Path
    user_file: Path
    site_found: bool
    user_found: bool
    locked: tuple[str, ...]  # the keys the site file's ``locked`` names

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.settings.warnings


def _optional(value: object) -> str:
    return "(none)" if value is None or value == "" else str(value)


def _zero(meaning: str) -> Callable[[object], str]:
    return lambda value: f"0 ({meaning})" if value == 0 else str(value)


def _switch(value: object) -> str:
    return "yes" if value else "no"


def _supervisor_key(value: object) -> str:
    if not isinstance(value, SupervisorKey):
        return "(none)"
    return f"{value.path} (X25519 key, SHA-256 {value.fingerprint()})"


_FORMATS: dict[str, Callable[[object], str]] = {
    "organisation_name": _optional,
    "organisation_logo": _optional,
    "lock_after_minutes": _zero("never"),
    "lock_when_minimised": _switch,
    "note_retention_days": _zero("kept as long as their record"),
    "record_retention_months": _zero("kept until deleted by hand"),
    "supervisor_public_key": _supervisor_key,
    "bundle_notes": _switch,
}


def value_text(settings: Settings, key: str) -> str:
    """A key's effective value as printed; folders left unset show the folder used."""
    if key == "data_dir":
        return str(settings.resolved_data_dir())
    if key == "backup_dir":
        return str(settings.backup_folder(settings.resolved_data_dir()))
    return _FORMATS.get(key, str)(getattr(settings, key))


def report(resolution: Resolution) -> SettingsReport:
    settings = resolution.settings
    lines = tuple(
        SettingLine(
            key=key,
            value=value_text(settings, key),
            source=str(resolution.sources[key]),
            origin=resolution.sources[key].origin,
            locked=not spec.user_may_set or key in resolution.locked,
        )
        for key, spec in KEYS.items()
    )
    return SettingsReport(
        lines=lines,
        settings=settings,
        site_file=resolution.site_file,
        user_file=resolution.user_file,
        site_found=resolution.site_found,
        user_found=resolution.user_found,
        locked=tuple(key for key in KEYS if key in resolution.locked),
    )


def describe(site_file: Path | None = None, user_file: Path | None = None) -> SettingsReport:
    """The effective settings as ``load_settings`` gives them, with each value's source."""
    return report(resolve_settings(site_file, user_file))


def format_lines(settings_report: SettingsReport, *, with_warnings: bool = True) -> str:
    """The text to print: the files, then ``key = value  [source]`` per key, then warnings.

    Lines other than the keys' begin with ``#``. Ends with a newline.
    """

    def found(path: Path, present: bool) -> str:
        return str(path) if present else f"{path} (not found)"

    out = [
        f"# site file: {found(settings_report.site_file, settings_report.site_found)}",
        f"# user file: {found(settings_report.user_file, settings_report.user_found)}",
    ]
    if settings_report.locked:
        out.append(f"# locked by the site file: {', '.join(settings_report.locked)}")
    out.extend(f"{line.key} = {line.value}  [{line.source}]" for line in settings_report.lines)
    if with_warnings:
        out.extend(f"# warning: {warning}" for warning in settings_report.warnings)
    return "\n".join(out) + "\n"
