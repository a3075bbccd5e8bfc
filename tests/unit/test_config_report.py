"""``config show``: describe() and format_lines() agree with load_settings and name the sources."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Literal

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import x25519
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counselor_app.config import KEYS, Settings, default_data_dir, load_settings
from counselor_app.settings_report import describe, format_lines, value_text
from tests.unit.test_config_site import BAD_VALUES, good_values, ini, write


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "supervisor.pub.pem"
    path.write_bytes(
        x25519.X25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return path


def test_defaults_without_files(tmp_path: Path) -> None:
    site, user = tmp_path / "site.ini", tmp_path / "user.ini"
    report = describe(site, user)
    assert report.settings == Settings() and report.warnings == ()
    assert [line.key for line in report.lines] == list(KEYS)
    assert {line.source for line in report.lines} == {"default"}
    values = {line.key: line.value for line in report.lines}
    assert values["data_dir"] == str(default_data_dir())
    assert values["backup_dir"] == str(default_data_dir()) + "-backups"
    assert values["organisation_name"] == values["supervisor_public_key"] == "(none)"
    assert values["lock_when_minimised"] == "yes"
    assert values["lock_after_minutes"] == "5"
    assert (report.site_found, report.user_found) == (False, False)


def test_sources_are_named(tmp_path: Path, key_file: Path) -> None:
    site = write(
        tmp_path / "site.ini",
        ini(
            data_dir="/srv/site",
            locked="language, data_dir",
            min_password_length="12",
            supervisor_public_key=str(key_file),
        ),
    )
    user = write(tmp_path / "user.ini", ini(language="en", data_dir="/srv/user"))
    report = describe(site, user)
    lines = {line.key: line for line in report.lines}
    assert lines["data_dir"].value == "/srv/site"
    assert lines["data_dir"].source == f"site file {site} (locked)"
    assert lines["language"].source == f"default (locked by site file {site})"
    assert lines["min_password_length"].source == f"site file {site}"
    assert lines["small_count_threshold"].source == "default"
    assert lines["supervisor_public_key"].value.startswith(f"{key_file} (X25519 key, SHA-256 ")
    assert all(line.locked for line in report.lines)
    assert report.locked == ("data_dir", "language")
    assert len(report.warnings) == 2

    unlocked = write(tmp_path / "open.ini", ini(language="fr"))
    lines = {line.key: line for line in describe(unlocked, user).lines}
    assert lines["language"].source == f"user file {user}"
    assert (lines["language"].origin, lines["language"].locked) == ("user", False)
    assert lines["data_dir"].value == "/srv/user"


def test_format_lines(tmp_path: Path) -> None:
    site = write(
        tmp_path / "site.ini",
        ini(language="fr", locked="language", lock_after_minutes="0", organisation_name="Sud"),
    )
    user = write(tmp_path / "user.ini", ini(language="en", data_dir="/srv/helpline"))
    text = format_lines(describe(site, user))
    assert text.endswith("\n")
    assert text.splitlines() == [
        f"# site file: {site}",
        f"# user file: {user}",
        "# locked by the site file: language",
        f"data_dir = /srv/helpline  [user file {user}]",
        f"language = fr  [site file {site} (locked)]",
        "min_password_length = 10  [default]",
        "small_count_threshold = 5  [default]",
        f"organisation_name = Sud  [site file {site}]",
        "organisation_logo = (none)  [default]",
        "backup_dir = /srv/helpline-backups  [default]",
        "backup_keep = 7  [default]",
        f"lock_after_minutes = 0 (never)  [site file {site}]",
        "lock_when_minimised = yes  [default]",
        "note_retention_days = 90  [default]",
        "record_retention_months = 60  [default]",
        "supervisor_public_key = (none)  [default]",
        "bundle_notes = no  [default]",
        f"# warning: {user}: 'language' is locked by the site file {site}; ignored.",
    ]
    missing = format_lines(describe(tmp_path / "a.ini", tmp_path / "b.ini"), with_warnings=False)
    assert missing.splitlines()[:2] == [
        f"# site file: {tmp_path / 'a.ini'} (not found)",
        f"# user file: {tmp_path / 'b.ini'} (not found)",
    ]


Choice = Literal["absent", "good", "bad"]
CHOICES: tuple[Choice, ...] = ("absent", "good", "bad")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    site=st.fixed_dictionaries({key: st.sampled_from(CHOICES) for key in KEYS}),
    user=st.fixed_dictionaries({key: st.sampled_from(CHOICES) for key in KEYS}),
    locks=st.sets(st.sampled_from(list(KEYS))),
)
def test_describe_agrees_with_load_settings_and_the_model(
    site: dict[str, Choice], user: dict[str, Choice], locks: set[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        key_file = root / "supervisor.pub.pem"
        key_file.write_bytes(
            x25519.X25519PrivateKey.generate()
            .public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )
        good = good_values(key_file)

        def text(choices: dict[str, Choice]) -> dict[str, str]:
            return {
                key: good[key][0] if choice == "good" else BAD_VALUES[key]
                for key, choice in choices.items()
                if choice != "absent"
            }

        site_file = write(root / "site.ini", ini(**text(site), locked=", ".join(sorted(locks))))
        user_file = write(root / "user.ini", ini(**text(user)))
        loaded = load_settings(site_file, user_file)
        report = describe(site_file, user_file)
        assert report.settings == loaded and report.warnings == loaded.warnings

        for line in report.lines:
            key, spec = line.key, KEYS[line.key]
            assert line.value == value_text(loaded, key)
            user_counts = user[key] == "good" and spec.user_may_set and key not in locks
            if user_counts:
                expected, source = good[key][1], f"user file {user_file}"
            elif site[key] == "good":
                expected, source = good[key][1], f"site file {site_file}"
            else:
                expected, source = getattr(Settings(), key), "default"
            if spec.user_may_set and key in locks:
                source += (
                    " (locked)" if site[key] == "good" else f" (locked by site file {site_file})"
                )
            assert getattr(loaded, key) == expected, key
            assert line.source == source, key
        expected_warnings = (
            sum(choice == "bad" for choice in site.values())
            + sum(choice != "absent" for choice in user.values())
            - sum(
                user[key] == "good" and KEYS[key].user_may_set and key not in locks for key in KEYS
            )
        )
        assert len(loaded.warnings) == expected_warnings
