"""The licence texts of the program's components, found at run time (no Qt here).

Texts are read from the installed distributions' metadata (the files named by
``License-File``, kept in the dist-info folder; the frozen build copies those folders
too), from the program's resources for the few notices no distribution ships, from
Python's own installation, or from the standard texts the build bundles or the
system keeps. When none is found the text falls back to the licence's name and
where to read it: asking for a licence never fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from counselor_app.licences import Component
from counselor_app.resources import resource_path

# Names of the files a distribution's metadata folder keeps its licence in, when its
# metadata does not list them (older metadata versions).
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class LicenceText:
    """``complete``: the licence itself was found; otherwise ``text`` holds any notice,
    then the licence's name and where to read it. ``sources`` names the files read."""

    text: str
    complete: bool
    sources: tuple[str, ...]


def licence_text(item: Component) -> LicenceText:
    """The component's notice and full licence text when they can be found; otherwise
    the notice (if any), then the licence's name, where to read it and the homepage."""
    parts: list[str] = []
    sources: list[str] = []
    if item.notice is not None:
        notice = _resource_text(item.notice)
        if notice is not None:
            parts.append(notice)
            sources.append(item.notice)
    found = list(_licence_texts(item))
    if found:
        several = len(found) > 1
        for source, text in found:
            parts.append(_titled(source, text) if several else text)
            sources.append(source)
        return LicenceText(SEPARATOR.join(parts), True, tuple(sources))
    reference = (item.licence, item.licence_url, item.homepage)
    parts.append("\n".join(dict.fromkeys(line for line in reference if line)))
    return LicenceText(SEPARATOR.join(parts), False, tuple(sources))


def _titled(title: str, text: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n{text}"


def _licence_texts(item: Component) -> Iterator[tuple[str, str]]:
    """(source, text) of each file holding the licence itself."""
    if item.licence_resource is not None:
        text = _resource_text(item.licence_resource)
        if text is not None:
            yield item.licence_resource, text
            return
    for path in item.licence_paths:
        text = _file_text(path)
        if text is not None:
            yield str(path), text
            return
    found = False
    if item.text_source is not None:
        for source, text in _distribution_texts(item.text_source, item.licence_files):
            found = True
            yield source, text
    if not found:
        yield from _common_text(item.licence)


# Licences whose standard text the frozen build copies into its resources (from the
# build machine's /usr/share/common-licenses), and which Debian-based systems keep
# there anyway (package base-files): distributions such as PySide6 ship none.
COMMON_LICENCES = {
    "GPL-3.0-or-later": "GPL-3",
    "LGPL-3.0-only": "LGPL-3",
    "LGPL-2.1-or-later": "LGPL-2.1",
    "Apache-2.0": "Apache-2.0",
}
COMMON_FOLDER = Path("/usr/share/common-licenses")


def _common_text(licence: str) -> Iterator[tuple[str, str]]:
    name = COMMON_LICENCES.get(licence)
    if name is None:
        return
    text = _resource_text(f"licenses/{name}")
    if text is not None:
        yield f"licenses/{name}", text
        return
    path = COMMON_FOLDER / name
    text = _file_text(path)
    if text is not None:
        yield str(path), text


def _distribution_texts(name: str, wanted: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """The licence files of an installed distribution: those its metadata lists
    (``License-File``, in ``licenses/`` since metadata 2.4, else beside the metadata),
    or, when it lists none, the licence-like files of its metadata folder."""
    try:
        dist = metadata.distribution(name)
        listed = dist.metadata.get_all("License-File") or []
    except (metadata.PackageNotFoundError, OSError, ValueError):
        return
    chosen = [entry for entry in listed if not wanted or Path(entry).name in wanted]
    found = False
    for entry in chosen:
        for candidate in (f"licenses/{entry}", entry):
            text = _clean(_dist_text(dist, candidate))
            if text is not None:
                yield f"{name}: {entry}", text
                found = True
                break
    if found or listed:
        return
    for file in _metadata_files(dist):
        if wanted and file.name not in wanted:
            continue
        text = _file_text(Path(str(dist.locate_file(file))))
        if text is not None:
            yield f"{name}: {file.name}", text


def _dist_text(dist: metadata.Distribution, name: str) -> str | None:
    try:
        return dist.read_text(name)
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _metadata_files(dist: metadata.Distribution) -> list[metadata.PackagePath]:
    """Licence-like files inside the distribution's ``.dist-info`` folder."""
    try:
        files = dist.files or []
    except (OSError, ValueError):
        return []
    return [
        file
        for file in files
        if LICENCE_FILE.match(file.name)
        and any(part.endswith((".dist-info", ".egg-info")) for part in file.parts[:-1])
    ]


def _resource_text(name: str) -> str | None:
    try:
        path = resource_path(*name.split("/"))
    except OSError:
        return None
    return _file_text(path)


def _file_text(path: Path) -> str | None:
    try:
        return _clean(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _clean(text: str | None) -> str | None:
    """The text without trailing blanks; None when there is nothing in it."""
    if text is None:
        return None
    text = text.replace("\r\n", "\n").strip("\n").rstrip()
    return text or None
