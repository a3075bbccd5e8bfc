"""The bundled components, their versions and licence texts (counselor_app.licences)."""

from __future__ import annotations

import dataclasses
import platform
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from counselor_app import __version__, licence_texts, licences
from counselor_app.licences import Component
from counselor_app.vault import Session

ROOT = Path(__file__).resolve().parents[2]
# What the About window must list, with the licence each is used under.
EXPECTED = {
    "counselor-app": "GPL-3.0-or-later",
    "Qt": "LGPL-3.0-only",
    "PySide6": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "SQLCipher": "BSD-3-Clause",
    "SQLite": licences.PUBLIC_DOMAIN,
    "OpenSSL": "Apache-2.0",
    "cryptography": "Apache-2.0 OR BSD-3-Clause",
    "ReportLab": "BSD-3-Clause",
    "platformdirs": "MIT",
    "phonenumbers": "Apache-2.0",
    "python-stdnum": "LGPL-2.1-or-later",
    "DejaVu fonts": "Bitstream-Vera",
    "Python": "PSF-2.0",
}
# Required by a requirement but not part of the program as run: cffi uses pycparser
# only to build bindings, and the packaged build leaves it out.
NOT_BUNDLED = {"pycparser"}
MISSING = Component(
    key="missing",
    name="Missing",
    licence="MIT",
    licence_url="https://example.org/licence",
    homepage="https://example.org/",
    distribution="no-such-distribution-for-counselor-app",
)


def _by_name() -> dict[str, Component]:
    return {item.name: item for item in licences.COMPONENTS}


# The list


def test_every_expected_component_is_listed_with_its_licence() -> None:
    listed = {name: item.licence for name, item in _by_name().items()}
    assert {name: listed.get(name) for name in EXPECTED} == EXPECTED


def test_components_have_unique_keys_and_https_links() -> None:
    keys = [item.key for item in licences.COMPONENTS]
    assert len(keys) == len(set(keys))
    assert licences.COMPONENTS[0].key == licences.PROGRAM
    for item in licences.COMPONENTS:
        assert item.licence_url.startswith("https://"), item.key
        assert item.homepage is None or item.homepage.startswith("https://"), item.key
        for key in item.bundled_in:
            assert licences.component(key).key == key


def test_unknown_component_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        licences.component("nothing")


def _requirements(distribution: str) -> list[Requirement]:
    found = []
    for line in metadata.requires(distribution) or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.append(requirement)
    return found


def test_every_distribution_the_program_runs_with_is_listed() -> None:
    """The program's requirements and theirs, as installed: a new one needs a line."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    waiting = [Requirement(line) for line in project["project"]["dependencies"]]
    seen: set[str] = set()
    while waiting:
        name = canonicalize_name(waiting.pop().name)
        if name in seen:
            continue
        seen.add(name)
        waiting += _requirements(name)
    listed = {
        canonicalize_name(source)
        for item in licences.COMPONENTS
        for source in (item.distribution, item.text_from)
        if source is not None
    }
    assert seen - NOT_BUNDLED <= listed, sorted(seen - NOT_BUNDLED - listed)


def test_licences_agree_with_the_distributions_own_metadata() -> None:
    checked = 0
    for item in licences.COMPONENTS:
        if item.distribution is None:
            continue
        meta = metadata.metadata(item.distribution)
        fields = meta.get_all("License-Expression") or []
        if not fields and item.distribution in ("PySide6-Essentials", "shiboken6"):
            fields = meta.get_all("License") or []  # an SPDX expression, in the older field
        if not fields:
            continue
        declared = fields[0]
        assert item.licence == declared or item.licence in declared.split(" OR "), item.key
        checked += 1
    assert checked >= 8


# Versions


def test_versions_of_installed_distributions() -> None:
    platformdirs = licences.component("platformdirs")
    assert licences.version(platformdirs) == metadata.version("platformdirs")
    assert licences.version(licences.component("pyside6")) == metadata.version("PySide6-Essentials")


def test_a_version_given_at_run_time_comes_first() -> None:
    assert licences.version(licences.component("qt")) is None
    assert licences.version(licences.component("qt"), {"qt": "6.99.1"}) == "6.99.1"


def test_no_version_for_a_missing_distribution() -> None:
    assert licences.version(MISSING) is None


def test_the_fonts_version_is_read_from_the_font() -> None:
    found = licences.version(licences.component("dejavu"))
    assert found is not None and re.fullmatch(r"[0-9]+(\.[0-9]+)+", found), found


def test_a_damaged_font_has_no_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "DejaVuSans.ttf").write_bytes(b"\x00\x01\x00\x00\x00\x09")
    monkeypatch.setattr(licences, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert licences.version(licences.component("dejavu")) is None


def test_runtime_versions_without_a_vault() -> None:
    found = licences.runtime_versions()
    assert found[licences.PROGRAM] == __version__
    assert found["python"] == platform.python_version()
    assert re.fullmatch(r"[0-9.]+", found["sqlite"])
    assert found["openssl"].endswith("(cryptography)")
    assert "sqlcipher" not in found


def test_runtime_versions_from_the_open_vault(admin_session: Session) -> None:
    found = licences.runtime_versions(admin_session.conn)
    assert found["sqlcipher"].startswith("4.")
    assert re.fullmatch(r"[0-9.]+", found["sqlite"])
    # OpenSSL is built into two modules, each its own copy.
    assert re.fullmatch(
        r"[0-9][0-9a-z.\-]* \(cryptography\), [0-9][0-9a-z.\-]* \(sqlcipher3\)", found["openssl"]
    )


def test_runtime_versions_of_a_closed_connection_do_not_fail(admin_session: Session) -> None:
    conn = admin_session.conn
    admin_session.close()
    found = licences.runtime_versions(conn)
    assert found[licences.PROGRAM] == __version__
    assert "sqlcipher" not in found


# Licence texts


def test_the_text_of_an_installed_distribution() -> None:
    found = licence_texts.licence_text(licences.component("platformdirs"))
    assert found.complete
    assert found.sources == ("platformdirs: LICENSE",)
    assert "Permission is hereby granted, free of charge" in found.text
    dist = metadata.distribution("platformdirs")
    listed = dist.metadata.get_all("License-File") or []
    own = dist.read_text(f"licenses/{listed[0]}") or dist.read_text(listed[0])
    assert own is not None and found.text == own.strip()


def test_several_files_each_under_its_name() -> None:
    found = licence_texts.licence_text(licences.component("cryptography"))
    assert found.complete
    assert [source.split(": ")[1] for source in found.sources] == [
        "LICENSE",
        "LICENSE.APACHE",
        "LICENSE.BSD",
    ]
    title = "cryptography: LICENSE.BSD"
    assert f"\n\n{title}\n{'=' * len(title)}\n\nCopyright (c) Individual" in found.text


def test_openssl_text_comes_from_the_apache_licence_cryptography_ships() -> None:
    found = licence_texts.licence_text(licences.component("openssl"))
    assert found.complete
    assert found.sources == ("cryptography: LICENSE.APACHE",)
    assert "Apache License" in found.text and "Version 2.0" in found.text
    assert not found.text.startswith("cryptography")  # a single file is not titled


def test_the_fallback_for_a_missing_distribution() -> None:
    found = licence_texts.licence_text(MISSING)
    assert not found.complete
    assert found.sources == ()
    assert found.text == "MIT\nhttps://example.org/licence\nhttps://example.org/"


def test_qt_notice_then_where_to_read_the_lgpl(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(licence_texts, "COMMON_FOLDER", tmp_path / "no-common-licenses")
    found = licence_texts.licence_text(licences.component("qt"))
    assert not found.complete  # no distribution ships the LGPL's text
    assert found.sources == (licences.QT_NOTICE,)
    assert "https://download.qt.io/" in found.text
    assert "You may replace them" in found.text
    assert found.text.endswith(
        "LGPL-3.0-only\nhttps://www.gnu.org/licenses/lgpl-3.0.html\nhttps://www.qt.io/"
    )


def test_the_lgpl_and_gpl_texts_come_from_the_common_licences(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "LGPL-3").write_text("GNU LESSER GENERAL PUBLIC LICENSE\n", encoding="utf-8")
    (tmp_path / "GPL-3").write_text("GNU GENERAL PUBLIC LICENSE\n", encoding="utf-8")
    monkeypatch.setattr(licence_texts, "COMMON_FOLDER", tmp_path)
    qt = licence_texts.licence_text(licences.component("qt"))
    assert qt.complete and qt.sources == (licences.QT_NOTICE, str(tmp_path / "LGPL-3"))
    assert "You may replace them" in qt.text and "LESSER GENERAL PUBLIC" in qt.text
    program = licence_texts.licence_text(licences.component(licences.PROGRAM))
    assert program.complete and program.text.startswith("GNU GENERAL PUBLIC LICENSE")
    # A copy the build put among the resources comes first.
    monkeypatch.setattr(licence_texts, "_resource_text", lambda name: f"bundled {name}")
    assert licence_texts.licence_text(licences.component("pyside6")).text.endswith(
        "bundled licenses/LGPL-3"
    )


def test_resources_hold_the_public_domain_and_font_licences() -> None:
    sqlite = licence_texts.licence_text(licences.component("sqlite"))
    assert sqlite.complete and "public domain" in sqlite.text
    dejavu = licence_texts.licence_text(licences.component("dejavu"))
    assert dejavu.complete and "Bitstream" in dejavu.text


def test_python_licence_from_the_installation_or_its_name() -> None:
    python = licences.component("python")
    found = licence_texts.licence_text(python)
    if any(path.is_file() for path in python.licence_paths):
        assert found.complete and "PYTHON SOFTWARE FOUNDATION LICENSE" in found.text
    else:
        assert not found.complete and found.text.startswith("PSF-2.0\n")


def test_without_the_resources_folder_nothing_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def missing(*_parts: str) -> Path:
        raise FileNotFoundError("the program's resources folder is missing")

    monkeypatch.setattr(licences, "resource_path", missing)
    monkeypatch.setattr(licence_texts, "resource_path", missing)
    monkeypatch.setattr(licence_texts, "COMMON_FOLDER", tmp_path / "no-common-licenses")
    qt = licence_texts.licence_text(licences.component("qt"))
    assert not qt.complete and qt.text.startswith("LGPL-3.0-only\n")
    dejavu = licence_texts.licence_text(licences.component("dejavu"))
    assert not dejavu.complete and dejavu.text.startswith("Bitstream-Vera\n")
    assert licences.version(licences.component("dejavu")) is None


def _fake_distribution(folder: Path, name: str, meta: str, files: dict[str, bytes]) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.4\nName: {name}\nVersion: 1.0\n{meta}", encoding="utf-8"
    )
    record = [f"{info.name}/METADATA,,"]
    for relative, content in files.items():
        path = info / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        record.append(f"{info.name}/{relative},,")
    (info / "RECORD").write_text("\n".join(record) + "\n", encoding="utf-8")


def test_licence_files_of_older_metadata_and_damaged_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No License-File: the licence-like files of the metadata folder (files(), locate_file).
    _fake_distribution(tmp_path, "old_style", "", {"COPYING.txt": b"Old licence text\n"})
    # Listed, but not UTF-8: the fallback, not a failure.
    _fake_distribution(
        tmp_path, "damaged", "License-File: LICENSE\n", {"licenses/LICENSE": b"\xff\xfe\xfa"}
    )
    # Listed, but the file is gone.
    _fake_distribution(tmp_path, "gone", "License-File: LICENSE\n", {})
    monkeypatch.syspath_prepend(str(tmp_path))

    def made(name: str) -> Component:
        return dataclasses.replace(MISSING, key=name, name=name, distribution=name)

    old = licence_texts.licence_text(made("old_style"))
    assert old.complete and old.text == "Old licence text"
    assert old.sources == ("old_style: COPYING.txt",)
    assert licences.version(made("old_style")) == "1.0"
    for name in ("damaged", "gone"):
        found = licence_texts.licence_text(made(name))
        assert not found.complete and found.text.startswith("MIT\n"), name
