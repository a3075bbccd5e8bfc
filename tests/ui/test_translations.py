"""The French catalogue is complete: every string in ui/ has a finished translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from counselor_app.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
MNEMONIC = re.compile(r"&[^&\s]")


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> ET.ElementTree[ET.Element]:
    """The .ts file as lupdate leaves it after scanning today's sources."""
    copy = tmp_path_factory.mktemp("ts") / "counselor_app_fr.ts"
    shutil.copy(resource_path("i18n", "counselor_app_fr.ts"), copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    # The package and its subpackages (ui/intake/…), as `make i18n` scans them.
    found = [*(ROOT / "ui").glob("*.py"), *(ROOT / "ui").glob("*/*.py")]
    sources = sorted(str(p.relative_to(ROOT)) for p in found)
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy), "-no-obsolete"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return ET.parse(copy)  # noqa: S314 (our own file, just written by lupdate)


def _messages(tree: ET.ElementTree[ET.Element]) -> list[tuple[str, str, ET.Element]]:
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def test_the_catalogue_is_french(refreshed: ET.ElementTree[ET.Element]) -> None:
    assert refreshed.getroot().get("language") == "fr_FR"


def test_every_message_is_translated(refreshed: ET.ElementTree[ET.Element]) -> None:
    messages = _messages(refreshed)
    assert messages
    unfinished = [
        (context, source)
        for context, source, translation in messages
        if translation.get("type") is not None or not (translation.text or "").strip()
    ]
    assert unfinished == []


def test_translations_keep_placeholders_and_mnemonics(
    refreshed: ET.ElementTree[ET.Element],
) -> None:
    for context, source, translation in _messages(refreshed):
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            context,
            source,
        )
        assert bool(MNEMONIC.search(source)) == bool(MNEMONIC.search(text)), (context, source)


def test_the_shipped_catalogue_is_compiled_from_the_current_translations(tmp_path: Path) -> None:
    """The .qm is committed (a wheel built from a clean checkout needs it): keep it in step."""
    compiled = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [
            str(lrelease),
            "-silent",
            str(resource_path("i18n", "counselor_app_fr.ts")),
            "-qm",
            str(compiled),
        ],
        check=True,
        capture_output=True,
    )
    shipped = resource_path("i18n", "counselor_app_fr.qm")
    assert shipped.read_bytes() == compiled.read_bytes(), "run 'make i18n' and commit the .qm"
