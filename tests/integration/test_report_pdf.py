"""The PDF report, read back: headings and figures, page numbers, fonts, cover, watermark."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from counselor_app.forms.catalogue import default_form
from counselor_app.forms.expression import Answer
from counselor_app.records import new_record
from counselor_app.reports.build import make_report
from counselor_app.reports.model import Report, ReportRequest
from counselor_app.reports.pdf import write_pdf
from counselor_app.store.db import transaction
from counselor_app.store.records import CallRecord, RecordStore
from counselor_app.vault import Session

FORM = default_form()
MARCH = ReportRequest(date(2026, 3, 1), date(2026, 3, 31))
ORGANISATION = "Écoute Violences Femmes 35"


@dataclass(frozen=True)
class Expected:
    headings: tuple[str, ...]
    lines: tuple[str, ...]  # lines of the tables, as extracted
    page: str
    watermark: str
    foreign: tuple[str, ...]  # words of the other language


# What the known calls below give, in each language.
EXPECTED = {
    "fr": Expected(
        headings=(
            "Sommaire",
            "Vue d'ensemble",
            "Appels par jour",
            "Appels par jour de la semaine et heure",
            "Qui appelle ?",
            "Région de la victime",
            "Département de la victime (les 15 plus fréquents)",
            "Types de violences selon le lien avec l'auteur·e",
            "Méthode",
        ),
        lines=(
            "Appels x",  # silent 9 and relatives 3 would give each other away
            "Appels avec échange 20",
            "Appel muet x",
            "Heures d'écoute 6.7",
            "Victime x x",
            "Proche (famille, ami·e) <5 <5",
            "Physiques 17 85.0",
            "Île-de-France <5 <5",
            "Bretagne x x",
        ),
        page="page {page} sur {pages}",
        watermark="FORMATION — DONNÉES FICTIVES",
        foreign=("Overview", "Calls", "Method", "Contents", "hidden", " of "),
    ),
    "en": Expected(
        headings=(
            "Contents",
            "Overview",
            "Calls by day",
            "Calls by day of the week and hour",
            "Who is calling?",
            "Victim's region",
            "Victim's département (the 15 most frequent)",
            "Types of violence by relationship to the perpetrator",
            "Method",
        ),
        lines=(
            "Calls x",
            "Substantive calls 20",
            "Silent call x",
            "Listening hours 6.7",
            "Victim x x",
            "Relative or friend <5 <5",
            "Physical 17 85.0",
            "Île-de-France <5 <5",
            "Bretagne x x",
        ),
        page="page {page} of {pages}",
        watermark="TRAINING — NOT REAL DATA",
        foreign=("Vue d'ensemble", "Appels", "Méthode", "Sommaire", "masqué", " sur "),
    ),
}


def _call(session: Session, day: int, hour: int, **answers: Answer) -> CallRecord:
    start = datetime(2026, 3, day, hour).astimezone()
    return new_record(
        session, started_at=start, ended_at=start + timedelta(minutes=20), answers=answers
    )


def _known_calls(session: Session) -> None:
    """17 victims in Ille-et-Vilaine, 3 relatives in Paris, 9 silent calls, in March 2026."""
    records = [
        _call(
            session,
            1 + i,
            14,
            call_kind="victim",
            channel="phone",
            reason="domestic_violence",
            victim_department="35",
            violence_types=["psychological", "physical"],
            author_relation="spouse",
        )
        for i in range(17)
    ]
    records += [
        _call(
            session,
            2 + i,
            10,
            call_kind="relative",
            channel="chat",
            reason="domestic_violence",
            victim_department="75",
            violence_types=["psychological"],
            author_relation="ex_partner",
        )
        for i in range(3)
    ]
    records += [_call(session, 3 + i, 22, call_kind="silent", channel="phone") for i in range(9)]
    store = RecordStore(session.conn)
    with transaction(session.conn):
        for record in records:
            store.insert(record, record.ended_at)


def _report(session: Session, *, training: bool = False, logo: Path | None = None) -> Report:
    return make_report(
        session.conn,
        FORM,
        MARCH,
        program_version="1.2.3",
        training=training,
        organisation=ORGANISATION,
        logo=logo,
    )


def _level(obj: dict[str, object]) -> bool:
    """Not a character turned at an angle (the watermark, the month labels of a chart)."""
    matrix = obj.get("matrix")
    return not isinstance(matrix, tuple) or abs(matrix[1]) < 0.01


def _pages(path: Path) -> list[str]:
    """The text of each page, without the characters turned at an angle."""
    with pdfplumber.open(path) as pdf:
        return [str(page.filter(_level).extract_text()) for page in pdf.pages]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_headings_figures_and_page_numbers(
    admin_session: Session, tmp_path: Path, language: str
) -> None:
    _known_calls(admin_session)
    path = tmp_path / "report.pdf"
    write_pdf(_report(admin_session), path, language)
    expected = EXPECTED[language]
    pages = _pages(path)
    text = "\n".join(pages)
    lines = set(text.splitlines())
    for heading in expected.headings:
        assert heading in lines, heading
    for line in expected.lines:
        assert line in lines, line
    for i, page in enumerate(pages, start=1):
        assert page.rstrip().endswith(expected.page.format(page=i, pages=len(pages))), page
    assert ORGANISATION in pages[0]
    contents = pages[1].splitlines()[1:-1]  # between the title and the footer
    assert len(contents) == len(_report(admin_session).tables) + 1  # and the method page
    for entry in contents:
        title, page_number = entry.rsplit(" ", 1)
        assert title in pages[int(page_number) - 1].splitlines(), entry
    for word in expected.foreign:
        assert word not in text, word
    assert expected.watermark not in text


def test_every_character_is_in_the_embedded_dejavu_fonts(
    admin_session: Session, tmp_path: Path
) -> None:
    _known_calls(admin_session)
    path = tmp_path / "report.pdf"
    write_pdf(_report(admin_session, training=True), path, "fr")
    with pdfplumber.open(path) as pdf:
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert fonts and all("DejaVu" in name for name in fonts), fonts


@pytest.mark.parametrize("language", ["fr", "en"])
def test_training_watermark_on_every_page(
    admin_session: Session, tmp_path: Path, language: str
) -> None:
    _known_calls(admin_session)
    path = tmp_path / "report.pdf"
    write_pdf(_report(admin_session, training=True), path, language)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) > 3
        for page in pdf.pages:
            chars = "".join(char["text"] for char in page.chars)
            assert EXPECTED[language].watermark in chars, page.page_number


def test_logo_on_the_cover(admin_session: Session, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (11, 79, 113)).save(logo)
    path = tmp_path / "report.pdf"
    write_pdf(_report(admin_session, logo=logo), path, "fr")
    with pdfplumber.open(path) as pdf:
        assert pdf.pages[0].images
        assert not pdf.pages[1].images


@pytest.mark.parametrize("content", [None, b"not an image at all", b"\x89PNG\r\n\x1a\n\0\0"])
def test_a_missing_or_damaged_logo_is_left_out(
    admin_session: Session, tmp_path: Path, content: bytes | None
) -> None:
    logo = tmp_path / "logo.png"
    if content is not None:
        logo.write_bytes(content)
    path = tmp_path / "report.pdf"
    write_pdf(_report(admin_session, logo=logo), path, "en")
    with pdfplumber.open(path) as pdf:
        assert not pdf.pages[0].images
        assert ORGANISATION in pdf.pages[0].extract_text()


@pytest.mark.parametrize(("calls", "shown"), [(0, "0"), (2, "<5")])
def test_an_empty_or_all_hidden_period_still_gives_a_pdf(
    admin_session: Session, tmp_path: Path, calls: int, shown: str
) -> None:
    store = RecordStore(admin_session.conn)
    with transaction(admin_session.conn):
        for day in range(calls):
            record = _call(admin_session, 10 + day, 9, call_kind="victim", channel="phone")
            store.insert(record, record.ended_at)
    path = tmp_path / "report.pdf"
    write_pdf(_report(admin_session), path, "fr")
    pages = _pages(path)
    assert "Vue d'ensemble" in pages[2]
    assert f"Appels {shown}" in pages[2].splitlines()
    assert pages[-1].startswith("Méthode")


def test_the_pdf_renders(admin_session: Session, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    _known_calls(admin_session)
    path = tmp_path / "report.pdf"
    write_pdf(_report(admin_session, training=True), path, "fr")
    result = subprocess.run(
        [pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.glob("page*.png"))


def test_progress_is_told_and_ends_at_the_total(admin_session: Session, tmp_path: Path) -> None:
    _known_calls(admin_session)
    seen: list[tuple[int, int]] = []
    path = tmp_path / "report.pdf"
    write_pdf(_report(admin_session), path, "en", lambda done, total: seen.append((done, total)))
    assert path.exists()
    total = seen[-1][1]
    assert seen[-1] == (total, total)
    assert all(t == total for _, t in seen)
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert len(seen) > len(_report(admin_session).tables)


class Stop(Exception):
    pass


@pytest.mark.parametrize("stop_at", ["first", "last"])
def test_stopping_leaves_no_file(admin_session: Session, tmp_path: Path, stop_at: str) -> None:
    _known_calls(admin_session)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "report.pdf"

    def progress(done: int, total: int) -> None:
        if stop_at == "first" or done == total:
            assert stop_at == "first" or list(folder.glob(".report.pdf.*.tmp"))
            raise Stop

    with pytest.raises(Stop):
        write_pdf(_report(admin_session), path, "fr", progress)
    assert list(folder.iterdir()) == []


def test_a_failed_write_keeps_the_previous_file(admin_session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "report.pdf"
    path.write_bytes(b"previous")

    def progress(_done: int, _total: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        write_pdf(_report(admin_session), path, "fr", progress)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]


def test_filters_appear_on_the_cover_and_the_method_page(
    admin_session: Session, tmp_path: Path
) -> None:
    _known_calls(admin_session)
    request = replace(MARCH, channel="chat", counselor_id=admin_session.user.id)
    request = replace(request, counselor_name="Alice")
    report = make_report(admin_session.conn, FORM, request, program_version="1.2.3", training=False)
    path = tmp_path / "report.pdf"
    write_pdf(report, path, "fr")
    pages = _pages(path)
    assert "Canal : Tchat" in pages[0] and "Écoutant·e : Alice" in pages[0]
    assert "Du 1er mars 2026 au 31 mars 2026" in pages[0]
    method = " ".join(pages[-1].split())
    assert "Canal : Tchat" in method
    assert "écartés par les filtres : 26." in method
    assert "counselor-app 1.2.3" in method
