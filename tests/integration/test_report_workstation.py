"""Reports of a consolidation vault: every workstation's records, or one workstation's
alone, with the same figures as a report made on that workstation."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pdfplumber
import pytest

from counselor_app import audit, records
from counselor_app.errors import InvalidInput
from counselor_app.exchange.consolidation import import_bundles
from counselor_app.reports.csv_export import csv_text
from counselor_app.reports.model import Report, ReportRequest
from counselor_app.reports.pdf import write_pdf
from counselor_app.reports.service import report_for
from counselor_app.vault import Session
from counselor_app.workstation import identity
from tests.integration.bundle_support import (
    ANSWERS,
    PASSWORD,
    Org,
    consolidation,
    send,
    workstation,
)
from tests.integration.test_cli import cli, lines

MARCH = ReportRequest(date(2026, 3, 1), date(2026, 3, 31))
ONE_CALLS, ONE_CHATS, TWO_CALLS, HUB_CALLS = 12, 5, 9, 6
# Every call in one hour of one day: no count of the reports below falls under 5.
HOUR = datetime(2026, 3, 4, 21, tzinfo=UTC)


@dataclass
class Vaults:
    one: Session
    two: Session
    hub: Session
    one_id: str
    two_id: str
    hub_dir: Path


@pytest.fixture
def vaults(tmp_path: Path) -> Iterator[Vaults]:
    """Two workstations' bundles imported into a consolidation vault that also logged
    calls of its own, all in March 2026."""
    org = Org(tmp_path / "org")
    one, two = workstation(tmp_path, "one"), workstation(tmp_path, "two")
    hub = consolidation(tmp_path, org)
    log_calls(one, ONE_CALLS, chats=ONE_CHATS)
    log_calls(two, TWO_CALLS)
    log_calls(hub, HUB_CALLS)
    ids = {identity(one.conn).id, identity(two.conn).id}
    bundles = [send(one, tmp_path / "a", org).path, send(two, tmp_path / "b", org).path]
    outcomes = import_bundles(hub, bundles, accept=ids)
    assert [o.refused for o in outcomes] == [None, None]
    yield Vaults(
        one, two, hub, identity(one.conn).id, identity(two.conn).id, tmp_path / "consolidation"
    )
    for session in (one, two, hub):
        session.close()


def log_calls(session: Session, count: int, *, chats: int = 0) -> None:
    for index in range(count):
        started = HOUR + timedelta(seconds=20 * index)
        channel = "chat" if index < chats else "phone"
        record = records.new_record(
            session,
            started_at=started,
            ended_at=started + timedelta(minutes=12),
            answers={**ANSWERS, "channel": channel},
        )
        records.create(session, record)


def calls(report: Report) -> str:
    return report.table("overview").text("calls", "value")


def _pages(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [" ".join(str(page.extract_text()).split()) for page in pdf.pages]


def test_the_report_of_all_counts_every_workstation(vaults: Vaults) -> None:
    report = report_for(vaults.hub, MARCH)
    assert calls(report) == str(ONE_CALLS + TWO_CALLS + HUB_CALLS)
    assert report.method.excluded == "0"
    assert not csv_text(report).splitlines()[1].startswith("filter,")


@pytest.mark.parametrize("which", ["one", "two"])
def test_one_workstation_counts_as_on_the_workstation(vaults: Vaults, which: str) -> None:
    station, station_id = (
        (vaults.one, vaults.one_id) if which == "one" else (vaults.two, vaults.two_id)
    )
    own = report_for(station, MARCH)
    filtered = report_for(vaults.hub, ReportRequest(MARCH.start, MARCH.end, workstation=station_id))
    assert calls(filtered) == str(ONE_CALLS if which == "one" else TWO_CALLS)
    assert filtered.tables == own.tables
    others = ONE_CALLS + TWO_CALLS + HUB_CALLS - int(calls(filtered))
    assert (own.method.excluded, filtered.method.excluded) == ("0", str(others))
    entries = [e.detail for e in audit.entries(vaults.hub.conn) if e.action == "report"]
    assert entries[-1] == f"2026-03-01..2026-03-31 workstation={station_id}"


def test_the_filter_combines_with_the_channel(vaults: Vaults) -> None:
    request = ReportRequest(MARCH.start, MARCH.end, channel="chat", workstation=vaults.two_id)
    assert calls(report_for(vaults.hub, request)) == "0"
    request = ReportRequest(MARCH.start, MARCH.end, channel="phone", workstation=vaults.one_id)
    assert calls(report_for(vaults.hub, request)) == str(ONE_CALLS - ONE_CHATS)


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Workstation: {id}"), ("fr", "Poste de travail : {id}")]
)
def test_the_pdf_and_the_csv_name_the_workstation(
    vaults: Vaults, tmp_path: Path, language: str, words: str
) -> None:
    request = ReportRequest(MARCH.start, MARCH.end, workstation=vaults.one_id)
    report = report_for(vaults.hub, request)
    path = tmp_path / "report.pdf"
    write_pdf(report, path, language)
    pages = _pages(path)
    named = words.format(id=vaults.one_id)
    assert named in pages[0]  # the cover
    assert named in pages[-1]  # the method page
    rows = list(csv.reader(io.StringIO(csv_text(report))))
    assert rows[1] == ["filter", "workstation", "value", vaults.one_id]
    assert ["overview", "calls", "value", str(ONE_CALLS)] in rows
    everything = report_for(vaults.hub, MARCH)
    write_pdf(everything, path, language)
    assert not any(vaults.one_id in page for page in _pages(path))


def test_an_unknown_workstation_is_refused(vaults: Vaults) -> None:
    # The consolidation vault's own id, and a workstation's id asked of itself, are not
    # workstations it accepted.
    for session, wanted in (
        (vaults.hub, identity(vaults.hub.conn).id),
        (vaults.hub, "0000-0000-0000-0000"),
        (vaults.one, vaults.one_id),
    ):
        with pytest.raises(InvalidInput) as refused:
            report_for(session, ReportRequest(MARCH.start, MARCH.end, workstation=wanted))
        assert refused.value.reason == "unknown_workstation"
        assert "workstation list" in str(refused.value)


def _report(vaults: Vaults, tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    return cli(
        "--data-dir",
        str(vaults.hub_dir),
        "report",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--out",
        str(tmp_path / "report.pdf"),
        "--csv",
        str(tmp_path / "tables.csv"),
        *extra,
        "--as",
        "sup",
        stdin=lines(PASSWORD),
    )


def test_the_command_filters_by_workstation(vaults: Vaults, tmp_path: Path) -> None:
    vaults.hub.close()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = _report(vaults, out_dir, "--workstation", vaults.two_id, "--lang", "en")
    assert (code, err) == (0, "")
    assert f"of workstation {vaults.two_id} ({TWO_CALLS} calls)" in out
    rows = list(csv.reader(io.StringIO((out_dir / "tables.csv").read_text("utf-8"))))
    assert rows[1] == ["filter", "workstation", "value", vaults.two_id]
    assert ["overview", "calls", "value", str(TWO_CALLS)] in rows
    assert f"Workstation: {vaults.two_id}" in _pages(out_dir / "report.pdf")[-1]


def test_the_command_refuses_an_unknown_workstation(vaults: Vaults, tmp_path: Path) -> None:
    vaults.hub.close()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = _report(vaults, out_dir, "--workstation", "0000-0000-0000-0000")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("counselor-app: ")
    assert "0000-0000-0000-0000" in err and "'counselor-app workstation list'" in err
    assert list(out_dir.iterdir()) == []
