"""The Debian packages a frozen folder needs: its ``Depends:`` field.

    python3 packaging/debian/depends.py FOLDER [--explain]

For every ELF file in FOLDER (the executable, the bundled libraries, the Python
modules, the Qt plugins), the shared libraries it names (``NEEDED``) that the folder
does not carry are found where the system's loader finds them (``ldd``, with the
folder's library folders first, as the program runs) and mapped to the package that
installed them (``dpkg-query -S``). libc6 gets the newest ``GLIBC_`` symbol version any
file needs. Only direct needs are listed: what those libraries need in turn is their
packages' business.

Fails (exit 1, the reason on stderr) when a library is not installed here or belongs
to no package: the packages could not be named, and a Depends missing one would make
a package that installs but does not start. ``--explain`` prints, on stderr, which
library brought in each package.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

GLIBC = re.compile(r"\bGLIBC_([0-9]+(?:\.[0-9]+)+)\b")
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(\S+)")
LIBRARY = re.compile(r"^lib.*\.so(\.[0-9]+)*$")
LOADER = re.compile(r"^ld-linux.*\.so\.[0-9]+$")
LIBC_PACKAGE = "libc6"


class Failed(Exception):
    pass


def run(*command: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return result.stdout


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(elf: Path) -> list[str]:
    dynamic = run("objdump", "-p", str(elf))
    return [line.split()[1] for line in dynamic.splitlines() if line.split()[:1] == ["NEEDED"]]


def glibc_version(elves: list[Path]) -> tuple[int, ...]:
    newest: tuple[int, ...] = ()
    for elf in elves:
        for match in GLIBC.finditer(run("objdump", "-T", str(elf))):
            newest = max(newest, tuple(int(part) for part in match.group(1).split(".")))
    if not newest:
        raise Failed("no file of the folder names a GLIBC version")
    return newest


def resolved(elves: list[Path], folder: Path) -> dict[str, str]:
    """Where the loader finds each library the files need, by name (``not found`` when
    it does not)."""
    library_dirs = sorted({str(p.parent) for p in folder.rglob("lib*.so*") if p.is_file()})
    env = dict(os.environ, LD_LIBRARY_PATH=":".join(library_dirs))
    places: dict[str, str] = {}
    for elf in elves:
        for line in run("ldd", str(elf), env=env).splitlines():
            match = LDD_LINE.match(line)
            if match is not None:
                name, where = match.groups()
                if where == "not":
                    where = "not found"
                places.setdefault(name, where)
    return places


def package_of(path: str) -> str | None:
    """The package that installed a library, under its name or its merged-/usr twin."""
    candidates = [path, os.path.realpath(path)]
    for name in list(candidates):
        if name.startswith("/usr/lib/"):
            candidates.append(name.removeprefix("/usr"))
        elif name.startswith("/lib/"):
            candidates.append("/usr" + name)
    for name in dict.fromkeys(candidates):
        for line in run("dpkg-query", "-S", name).splitlines():
            owners, _, owned = line.rpartition(": ")
            if owned == name and owners and not owners.startswith("diversion"):
                return owners.split(", ")[0].split(":")[0]
    return None


def depends(folder: Path) -> tuple[str, dict[str, list[str]]]:
    elves = elf_files(folder)
    if not elves:
        raise Failed(f"{folder} holds no executable or library")
    carried = {p.name for p in folder.rglob("*") if LIBRARY.match(p.name)}
    # The dynamic loader is libc6's, and libc6 is listed anyway.
    wanted = sorted(
        name
        for name in {name for elf in elves for name in needed(elf)} - carried
        if not LOADER.match(name)
    )
    places = resolved(elves, folder)
    missing = [name for name in wanted if places.get(name, "not found") == "not found"]
    if missing:
        raise Failed(
            f"needed but not installed on this machine: {', '.join(missing)}; install them "
            "(make system-deps-x11) so their packages can be named"
        )
    why: dict[str, list[str]] = defaultdict(list)
    for name in wanted:
        package = package_of(places[name])
        if package is None:
            raise Failed(f"no Debian package provides {places[name]} ({name})")
        why[package].append(name)
    glibc = ".".join(str(part) for part in glibc_version(elves))
    why.setdefault(LIBC_PACKAGE, [])
    packages = [f"{LIBC_PACKAGE} (>= {glibc})"]
    packages += sorted(p for p in why if p != LIBC_PACKAGE)
    return ", ".join(packages), dict(why)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--explain", action="store_true", help="say why, on stderr")
    args = parser.parse_args()
    try:
        line, why = depends(args.folder.resolve())
    except Failed as exc:
        sys.stderr.write(f"depends: {exc}\n")
        return 1
    if args.explain:
        for package, libraries in sorted(why.items()):
            sys.stderr.write(f"  {package}: {' '.join(libraries) or '(GLIBC symbols)'}\n")
    sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
