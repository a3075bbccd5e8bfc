from __future__ import annotations

from pathlib import Path

from counselor_app.config import Settings, load_settings


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_files(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "none.ini", tmp_path / "none2.ini")
    assert settings == Settings()
    assert settings.min_password_length == 10
    assert settings.warnings == ()


def test_user_file_overrides_site_file(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", "[counselor-app]\nlanguage = en\ndata_dir = /srv/a\n")
    user = write(tmp_path / "user.ini", "[counselor-app]\nlanguage = fr\n")
    settings = load_settings(site, user)
    assert settings.language == "fr"
    assert settings.data_dir == Path("/srv/a")


def test_password_length_only_from_the_site_file(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", "[counselor-app]\nmin_password_length = 14\n")
    user = write(tmp_path / "user.ini", "[counselor-app]\nmin_password_length = 8\n")
    settings = load_settings(site, user)
    assert settings.min_password_length == 14
    assert any("only be set in the site file" in w for w in settings.warnings)


def test_bad_values_name_file_and_key_and_keep_the_default(tmp_path: Path) -> None:
    site = write(
        tmp_path / "site.ini",
        "[counselor-app]\nmin_password_length = 3\nlanguage = klingon\ncolour = red\n",
    )
    settings = load_settings(site, tmp_path / "none.ini")
    assert settings.min_password_length == 10
    assert settings.language == "auto"
    text = "\n".join(settings.warnings)
    assert str(site) in text
    assert "'min_password_length'" in text and "'language'" in text and "'colour'" in text


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", "no section header\n")
    settings = load_settings(site, tmp_path / "none.ini")
    assert settings == Settings()
    assert "cannot be read" in settings.warnings[0]


def test_a_folder_of_an_unknown_user_is_a_bad_value(tmp_path: Path) -> None:
    site = write(tmp_path / "site.ini", "[counselor-app]\ndata_dir = ~no-such-user-here/x\n")
    settings = load_settings(site, tmp_path / "none.ini")
    assert settings.data_dir is None
    assert "'data_dir'" in settings.warnings[0]


def test_the_small_count_threshold_is_a_site_setting_never_below_three(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "a.ini", tmp_path / "b.ini").small_count_threshold == 5
    site = write(tmp_path / "site.ini", "[counselor-app]\nsmall_count_threshold = 10\n")
    assert load_settings(site, tmp_path / "b.ini").small_count_threshold == 10
    low = write(tmp_path / "low.ini", "[counselor-app]\nsmall_count_threshold = 2\n")
    settings = load_settings(low, tmp_path / "b.ini")
    assert settings.small_count_threshold == 5
    assert "'small_count_threshold'" in settings.warnings[0]
    user = write(tmp_path / "user.ini", "[counselor-app]\nsmall_count_threshold = 3\n")
    assert load_settings(site, user).small_count_threshold == 10


def test_the_organisation_name_and_logo_come_from_the_site_file(tmp_path: Path) -> None:
    site = write(
        tmp_path / "site.ini",
        "[counselor-app]\norganisation_name =  Ligne   d'écoute Sud \n"
        "organisation_logo = /srv/logo.png\n",
    )
    user = write(tmp_path / "user.ini", "[counselor-app]\norganisation_name = Mine\n")
    settings = load_settings(site, user)
    assert settings.organisation_name == "Ligne d'écoute Sud"
    assert settings.organisation_logo == Path("/srv/logo.png")
    assert "'organisation_name'" in settings.warnings[0]
    bad = write(tmp_path / "bad.ini", "[counselor-app]\norganisation_logo = /srv/logo.svg\n")
    settings = load_settings(bad, tmp_path / "none.ini")
    assert settings.organisation_logo is None
    assert "PNG or JPEG" in settings.warnings[0]


def test_automatic_backups_go_beside_the_vault_unless_the_site_says(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "a.ini", tmp_path / "b.ini")
    assert settings.backup_keep == 7
    assert settings.backup_folder(Path("/srv/helpline")) == Path("/srv/helpline-backups")
    site = write(
        tmp_path / "site.ini", "[counselor-app]\nbackup_dir = /mnt/nas/vault\nbackup_keep = 30\n"
    )
    user = write(tmp_path / "user.ini", "[counselor-app]\nbackup_keep = 1\n")
    settings = load_settings(site, user)
    assert settings.backup_folder(Path("/srv/helpline")) == Path("/mnt/nas/vault")
    assert settings.backup_keep == 30
    bad = write(tmp_path / "bad.ini", "[counselor-app]\nbackup_keep = 0\n")
    assert load_settings(bad, tmp_path / "none.ini").backup_keep == 7
