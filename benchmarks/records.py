"""Records on N synthetic calls: import, save one call, open the list filtered to a month.

Each is measured on the encrypted vault through the program's own code, and beside it
the naive way in the same run: plain ``sqlite3``, one flat table, no encryption, no
validation. The ratio printed is encrypted / naive (below 1 means the vault is faster).

    python -m benchmarks.records --calls 1000000
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.exchange.jsonl import to_line
from counselor_app.exchange.transfer import import_file
from counselor_app.forms.catalogue import default_form
from counselor_app.forms.expression import Answer
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session, create_vault

TARGETS = {"save one call (median)": 0.020, "list filtered to a month, first page": 0.150}
END = datetime(2026, 6, 30, 22, 0, tzinfo=UTC)
VICTIM: dict[str, Answer] = {
    "call_kind": "victim",
    "channel": "phone",
    "reason": "domestic_violence",
    "victim_sex": "female",
    "victim_age_band": "35_44",
    "author_relation": "cohabiting_partner",
    "violence_types": ["psychological", "physical"],
    "response": ["listening", "rights_info"],
}


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def write_calls(path: Path, count: int, seed: int) -> None:
    calls = synthetic_calls(default_form(), count, seed=seed, counselors=["bench"], end=END)
    with path.open("w", encoding="utf-8") as handle:
        for record in calls:
            handle.write(to_line(record, with_note=True) + "\n")


# --- the naive way ---------------------------------------------------------------------


def naive_import(db: Path, source: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE calls (id TEXT PRIMARY KEY, started_at INTEGER, ended_at INTEGER, "
        "counselor TEXT, call_kind TEXT, reason TEXT, answers TEXT)"
    )
    conn.execute("CREATE INDEX calls_started ON calls (started_at)")
    with source.open(encoding="utf-8") as handle, conn:
        for text in handle:
            data = json.loads(text)
            answers = data["answers"]
            conn.execute(
                "INSERT INTO calls VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    data["id"],
                    int(datetime.fromisoformat(data["started_at"]).timestamp()),
                    int(datetime.fromisoformat(data["ended_at"]).timestamp()),
                    "bench",
                    answers["call_kind"],
                    answers.get("reason"),
                    json.dumps(answers),
                ),
            )
    return conn


def naive_save(conn: sqlite3.Connection, number: int) -> None:
    with conn:
        conn.execute(
            "INSERT INTO calls VALUES (?, ?, ?, ?, ?, ?, ?)",
            (f"naive-{number}", 0, 60, "bench", "victim", "domestic_violence", json.dumps(VICTIM)),
        )


def naive_saver(conn: sqlite3.Connection, number: int) -> Callable[[], None]:
    return lambda: naive_save(conn, number)


def naive_first_page(conn: sqlite3.Connection, start: int, end: int) -> None:
    conn.execute(
        "SELECT count(*) FROM calls WHERE started_at >= ? AND started_at < ?", (start, end)
    )
    conn.execute(
        "SELECT id, started_at, ended_at - started_at, call_kind, reason, counselor FROM calls "
        "WHERE started_at >= ? AND started_at < ? ORDER BY started_at DESC LIMIT 200",
        (start, end),
    ).fetchall()


# --- the vault -------------------------------------------------------------------------


def vault_save(session: Session) -> None:
    now = datetime.now(UTC)
    record = records.new_record(
        session, started_at=now - timedelta(minutes=20), ended_at=now, answers=VICTIM
    )
    records.create(session, record)


def vault_first_page(session: Session, filters: ListFilter) -> None:
    records.list_count(session, filters)
    records.list_page(session, filters, limit=200)


def report(name: str, ours: float, naive: float) -> None:
    target = TARGETS.get(name)
    verdict = (
        ""
        if target is None
        else f"  target ≤ {target * 1000:.0f} ms: " + ("met" if ours <= target else "MISSED")
    )
    print(
        f"{name:40s} vault {ours * 1000:10.1f} ms   naive {naive * 1000:10.1f} ms   "
        f"ratio {ours / naive:6.2f}{verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="counselor-bench-") as folder:
        work = Path(folder)
        source = work / "calls.jsonl"
        print(f"Generating {args.calls} synthetic calls…", flush=True)
        write_calls(source, args.calls, args.seed)
        session = create_vault(work / "vault", "bench", "benchmark password", Settings())
        try:
            ours = timed(lambda: import_file(session, source))
            naive_conn: list[sqlite3.Connection] = []
            naive = timed(lambda: naive_conn.append(naive_import(work / "naive.db", source)))
            conn = naive_conn[0]
            print(f"Figures for {args.calls} calls (Python {sys.version.split()[0]}):")
            report("import", ours, naive)
            saves = [timed(lambda: vault_save(session)) for _ in range(args.saves)]
            plain = [timed(naive_saver(conn, n)) for n in range(args.saves)]
            report("save one call (median)", statistics.median(saves), statistics.median(plain))
            month_start = datetime(2026, 3, 1).astimezone()
            month_end = datetime(2026, 4, 1).astimezone()
            filters = ListFilter(start=month_start, end=month_end)
            page = timed(lambda: vault_first_page(session, filters))
            naive_page = timed(
                lambda: naive_first_page(
                    conn, int(month_start.timestamp()), int(month_end.timestamp())
                )
            )
            report("list filtered to a month, first page", page, naive_page)
            conn.close()
        finally:
            session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
