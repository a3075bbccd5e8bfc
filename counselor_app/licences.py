"""The program's own licence and those of the components it bundles (no Qt here).

Each component is described by data: its name, its licence (an SPDX expression),
its homepage, and where its version and licence text can be found at run time; the
versions are read here, the texts by :mod:`counselor_app.licence_texts`.
"""

from __future__ import annotations

import os
import platform
import re
import struct
import sys
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from counselor_app import __version__
from counselor_app.resources import resource_path
from counselor_app.store.db import Connection

PROGRAM = "counselor-app"
PUBLIC_DOMAIN = "Public domain"
OPENSSL_VERSION = re.compile(r"OpenSSL\s+([0-9][0-9A-Za-z.\-]*)")


@dataclass(frozen=True)
class Component:
    """One part of the program as distributed, with what its licence asks to show.

    ``distribution`` names the installed distribution (``importlib.metadata``) that
    gives its version and licence files; ``text_from`` another one whose licence
    files hold the text (OpenSSL's licence, shipped by cryptography), narrowed to
    ``licence_files`` when given. ``notice`` is a resource shown before the licence
    (it is not the licence); ``licence_resource`` a resource that is the licence;
    ``licence_paths`` files outside the program that may hold it (Python's).
    ``bundled_in`` names the components it is built into; ``font`` a font among the
    resources whose version is its own.
    """

    key: str
    name: str
    licence: str
    licence_url: str
    homepage: str | None = None
    holder: str | None = None
    distribution: str | None = None
    text_from: str | None = None
    licence_files: tuple[str, ...] = ()
    notice: str | None = None
    licence_resource: str | None = None
    licence_paths: tuple[Path, ...] = ()
    bundled_in: tuple[str, ...] = ()
    font: str | None = None

    @property
    def text_source(self) -> str | None:
        """The distribution whose licence files are read."""
        return self.text_from or self.distribution


def _python_licence_paths() -> tuple[Path, ...]:
    """Where an installed Python keeps its LICENSE.txt (beside the standard library on
    Linux and macOS, in the installation folder on Windows)."""
    paths: list[Path] = []
    library = getattr(os, "__file__", None)  # a frozen build may not set it
    if library:
        paths.append(Path(library).parent / "LICENSE.txt")
    for prefix in (sys.base_prefix, sys.prefix):
        if prefix:
            paths.append(Path(prefix) / "LICENSE.txt")
    return tuple(dict.fromkeys(paths))


GPL = "https://www.gnu.org/licenses/gpl-3.0.html"
LGPL = "https://www.gnu.org/licenses/lgpl-3.0.html"
QT_NOTICE = "licenses/Qt-LGPL-notice.txt"

COMPONENTS: tuple[Component, ...] = (
    Component(
        key=PROGRAM,
        name=PROGRAM,
        licence="GPL-3.0-or-later",
        licence_url=GPL,
        distribution=PROGRAM,
    ),
    Component(
        key="qt",
        name="Qt",
        licence="LGPL-3.0-only",
        homepage="https://www.qt.io/",
        licence_url=LGPL,
        holder="The Qt Company Ltd. and other contributors",
        notice=QT_NOTICE,
        bundled_in=("pyside6",),
    ),
    Component(
        key="pyside6",
        name="PySide6",
        licence="LGPL-3.0-only",
        homepage="https://pyside.org",
        licence_url=LGPL,
        holder="The Qt Company Ltd.",
        distribution="PySide6-Essentials",
        notice=QT_NOTICE,
    ),
    Component(
        key="shiboken6",
        name="shiboken6",
        licence="LGPL-3.0-only",
        homepage="https://pyside.org",
        licence_url=LGPL,
        holder="The Qt Company Ltd.",
        distribution="shiboken6",
        notice=QT_NOTICE,
    ),
    Component(
        key="python",
        name="Python",
        licence="PSF-2.0",
        homepage="https://www.python.org/",
        licence_url="https://docs.python.org/3/license.html",
        holder="Python Software Foundation",
        licence_paths=_python_licence_paths(),
    ),
    Component(
        key="sqlcipher",
        name="SQLCipher",
        licence="BSD-3-Clause",
        homepage="https://www.zetetic.net/sqlcipher/",
        licence_url="https://github.com/sqlcipher/sqlcipher/blob/master/LICENSE.md",
        holder="ZETETIC LLC",
        bundled_in=("sqlcipher3",),
    ),
    Component(
        key="sqlite",
        name="SQLite",
        licence=PUBLIC_DOMAIN,
        homepage="https://sqlite.org/",
        licence_url="https://sqlite.org/copyright.html",
        licence_resource="licenses/SQLite.txt",
        bundled_in=("sqlcipher", "sqlcipher3"),
    ),
    Component(
        key="openssl",
        name="OpenSSL",
        licence="Apache-2.0",
        homepage="https://openssl-library.org/",
        licence_url="https://www.apache.org/licenses/LICENSE-2.0",
        holder="The OpenSSL Project Authors",
        text_from="cryptography",
        licence_files=("LICENSE.APACHE",),
        bundled_in=("cryptography", "sqlcipher3"),
    ),
    Component(
        key="sqlcipher3",
        name="sqlcipher3",
        licence="Zlib",
        homepage="https://github.com/coleifer/sqlcipher3",
        licence_url="https://github.com/coleifer/sqlcipher3/blob/master/LICENSE",
        distribution="sqlcipher3",
    ),
    Component(
        key="cryptography",
        name="cryptography",
        licence="Apache-2.0 OR BSD-3-Clause",
        homepage="https://cryptography.io/",
        licence_url="https://github.com/pyca/cryptography/blob/main/LICENSE",
        distribution="cryptography",
    ),
    Component(
        key="cffi",
        name="cffi",
        licence="MIT-0",
        homepage="https://cffi.readthedocs.io/",
        licence_url="https://github.com/python-cffi/cffi/blob/main/LICENSE",
        distribution="cffi",
    ),
    Component(
        key="reportlab",
        name="ReportLab",
        licence="BSD-3-Clause",
        homepage="https://www.reportlab.com/",
        licence_url="https://www.reportlab.com/dev/docs/",
        distribution="reportlab",
    ),
    Component(
        key="pillow",
        name="Pillow",
        licence="MIT-CMU",
        homepage="https://python-pillow.org/",
        licence_url="https://github.com/python-pillow/Pillow/blob/main/LICENSE",
        distribution="pillow",
    ),
    Component(
        key="charset-normalizer",
        name="charset-normalizer",
        licence="MIT",
        homepage="https://github.com/jawah/charset_normalizer",
        licence_url="https://github.com/jawah/charset_normalizer/blob/master/LICENSE",
        distribution="charset-normalizer",
    ),
    Component(
        key="platformdirs",
        name="platformdirs",
        licence="MIT",
        homepage="https://github.com/tox-dev/platformdirs",
        licence_url="https://github.com/tox-dev/platformdirs/blob/main/LICENSE",
        distribution="platformdirs",
    ),
    Component(
        key="phonenumbers",
        name="phonenumbers",
        licence="Apache-2.0",
        homepage="https://github.com/daviddrysdale/python-phonenumbers",
        licence_url="https://www.apache.org/licenses/LICENSE-2.0",
        distribution="phonenumbers",
    ),
    Component(
        key="python-stdnum",
        name="python-stdnum",
        licence="LGPL-2.1-or-later",
        homepage="https://arthurdejong.org/python-stdnum/",
        licence_url="https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html",
        distribution="python-stdnum",
    ),
    Component(
        key="dejavu",
        name="DejaVu fonts",
        licence="Bitstream-Vera",
        homepage="https://dejavu-fonts.github.io/",
        licence_url="https://dejavu-fonts.github.io/License.html",
        licence_resource="fonts/LICENSE-DejaVu.txt",
        font="fonts/DejaVuSans.ttf",
    ),
)


def component(key: str) -> Component:
    """The component with this key (KeyError if there is none)."""
    for found in COMPONENTS:
        if found.key == key:
            return found
    raise KeyError(key)


# Versions


def runtime_versions(conn: Connection | None = None) -> dict[str, str]:
    """Versions no distribution's metadata gives: the program's, Python's, and those of
    the libraries built into modules (SQLCipher, SQLite and OpenSSL; read from the open
    vault's connection when there is one). What cannot be read is left out."""
    found = {PROGRAM: __version__, "python": platform.python_version()}
    openssl: list[str] = []
    with suppress(Exception):
        from cryptography.hazmat.backends.openssl.backend import backend

        openssl.append(f"{_openssl_number(backend.openssl_version_text())} (cryptography)")
    if conn is not None:
        with suppress(Exception):
            found["sqlcipher"] = str(conn.execute("PRAGMA cipher_version").fetchone()[0])
        with suppress(Exception):
            found["sqlite"] = str(conn.execute("SELECT sqlite_version()").fetchone()[0])
        with suppress(Exception):
            row = conn.execute("PRAGMA cipher_provider_version").fetchone()
            if row and row[0]:
                openssl.append(f"{_openssl_number(str(row[0]))} (sqlcipher3)")
    if "sqlite" not in found:
        with suppress(Exception):
            import sqlcipher3

            found["sqlite"] = str(sqlcipher3.sqlite_version)
    if openssl:
        found["openssl"] = ", ".join(openssl)
    return found


def _openssl_number(text: str) -> str:
    """``OpenSSL 3.6.0 1 Oct 2025`` -> ``3.6.0``; any other text as it is."""
    match = OPENSSL_VERSION.search(text)
    return match.group(1) if match else text.strip()


def version(item: Component, runtime: Mapping[str, str] | None = None) -> str | None:
    """The component's version: from ``runtime`` (see :func:`runtime_versions`), else
    from its installed distribution; None when neither knows it."""
    if runtime is not None and item.key in runtime:
        return runtime[item.key]
    if item.font is not None:
        return _font_version(item.font)
    if item.distribution is None:
        return None
    try:
        return metadata.version(item.distribution)
    except (metadata.PackageNotFoundError, OSError, ValueError):
        return None


def _font_version(name: str) -> str | None:
    """The version a TrueType font records in its ``name`` table (name 5: ``Version
    2.37``), without the word; None if the font cannot be read."""
    try:
        data = resource_path(*name.split("/")).read_bytes()
        (tables,) = struct.unpack_from(">H", data, 4)
        for index in range(tables):
            tag, _checksum, start, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
            if tag == b"name":
                return _name_version(data, start)
    except (OSError, struct.error, UnicodeDecodeError):
        return None
    return None


def _name_version(data: bytes, table: int) -> str | None:
    _format, count, strings = struct.unpack_from(">HHH", data, table)
    for index in range(count):
        platform_id, _encoding, _language, name_id, length, offset = struct.unpack_from(
            ">HHHHHH", data, table + 6 + 12 * index
        )
        if name_id != 5 or platform_id not in (1, 3):
            continue
        raw = data[table + strings + offset : table + strings + offset + length]
        text = raw.decode("utf-16-be" if platform_id == 3 else "latin-1").strip()
        return re.sub(r"^Version\s+", "", text, flags=re.IGNORECASE) or None
    return None
