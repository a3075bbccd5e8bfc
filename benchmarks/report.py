"""The yearly report (PDF and CSV) on N synthetic calls, against a naive baseline.

Ours: the program's own report over the encrypted vault, from an open session to
both files written, run in a fresh process so that its peak memory is its own.
Naive, in the same run: plain ``sqlite3``, one flat table holding each call's
answers as JSON, no encryption, one GROUP BY per section (no suppression, no PDF).
The ratio printed is ours / naive (below 1 means ours is faster).

    python -m benchmarks.report --calls 1000000
    python -m benchmarks.report --vault DIR   # reuse a vault made by an earlier run
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from counselor_app.config import Settings
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.periods import period_bounds
from counselor_app.store.db import transaction
from counselor_app.store.records import RecordStore
from counselor_app.vault import create_vault, open_vault

TARGET_S = 5.0
TARGET_MB = 400
END = datetime(2026, 6, 30, 22, 0, tzinfo=UTC)
YEAR = (date(2025, 7, 1), date(2026, 6, 30))
USER, PASSWORD = "bench", "benchmark password"
BATCH = 20_000


def build_vault(folder: Path, calls: int, seed: int) -> None:
    """Store ``calls`` synthetic calls spread over the year, in large transactions."""
    session = create_vault(folder, USER, PASSWORD, Settings())
    try:
        store = RecordStore(session.conn)
        made = synthetic_calls(
            default_form(), calls, seed=seed, counselors=[session.user.id], end=END
        )
        done = 0
        while done < calls:
            with transaction(session.conn):
                for record in made:
                    store.insert(record, record.ended_at)
                    done += 1
                    if done % BATCH == 0:
                        break
            print(f"  {done} calls stored", end="\r", flush=True)
        print()
    finally:
        session.close()


def naive_table(vault: Path, target: Path) -> sqlite3.Connection:
    """The same calls in one plain table, read back from the vault."""
    conn = sqlite3.connect(target)
    conn.execute(
        "CREATE TABLE calls (id TEXT PRIMARY KEY, started_at INTEGER, ended_at INTEGER, "
        "counselor TEXT, call_kind TEXT, reason TEXT, answers TEXT)"
    )
    conn.execute("CREATE INDEX calls_started ON calls (started_at)")
    with open_vault(vault, USER, PASSWORD, Settings()) as session, conn:
        rows = session.conn.execute(
            "SELECT id, started_at, ended_at, counselor_id, call_kind, reason, answers "
            "FROM records WHERE deleted_at IS NULL"
        )
        while batch := rows.fetchmany(10_000):
            conn.executemany("INSERT INTO calls VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
    return conn


def naive_report(conn: sqlite3.Connection, start: int, end: int) -> int:
    """One GROUP BY per section; returns the number of result rows."""
    period = "started_at >= ? AND started_at < ?"
    queries = [
        f"SELECT call_kind, count(*), sum(ended_at - started_at) FROM calls WHERE {period} "
        "GROUP BY call_kind",
        f"SELECT ended_at - started_at AS d FROM calls WHERE {period} AND call_kind IN "
        "('victim', 'relative', 'professional', 'witness', 'author', 'other_caller') ORDER BY d",
        f"SELECT strftime('%Y-%m', started_at, 'unixepoch', 'localtime'), count(*) FROM calls "
        f"WHERE {period} GROUP BY 1",
        f"SELECT strftime('%w', started_at, 'unixepoch', 'localtime'), "
        f"strftime('%H', started_at, 'unixepoch', 'localtime'), count(*) FROM calls "
        f"WHERE {period} GROUP BY 1, 2",
        f"SELECT v.value, json_extract(answers, '$.author_relation'), count(*) FROM calls, "
        f"json_each(calls.answers, '$.violence_types') v WHERE {period} GROUP BY 1, 2",
    ]
    for field in default_form().fields():
        if field.type == "text":
            continue
        if field.type == "multiple":
            queries.append(
                f"SELECT v.value, count(*) FROM calls, json_each(calls.answers, '$.{field.code}') "
                f"v WHERE {period} GROUP BY 1"
            )
        else:
            queries.append(
                f"SELECT json_extract(answers, '$.{field.code}'), count(*) FROM calls "
                f"WHERE {period} GROUP BY 1"
            )
    return sum(len(conn.execute(q, (start, end)).fetchall()) for q in queries)


def run_ours(vault: Path, out: Path) -> dict[str, float]:
    """Our report in a fresh process; its figures come back as JSON."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.report_run", str(vault), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--vault", type=Path, help="a vault from an earlier run (user 'bench')")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="counselor-bench-") as folder:
        work = Path(folder)
        vault = args.vault
        if vault is None:
            vault = work / "vault"
            print(f"Storing {args.calls} synthetic calls…", flush=True)
            build_vault(vault, args.calls, args.seed)
        ours = [run_ours(vault, work) for _ in range(args.runs)]
        print("Building the naive table…", flush=True)
        conn = naive_table(vault, work / "naive.db")
        low, high = period_bounds(*YEAR)
        assert low is not None and high is not None
        naive: list[float] = []
        for _ in range(args.runs):
            began = time.perf_counter()
            naive_report(conn, int(low.timestamp()), int(high.timestamp()))
            naive.append(time.perf_counter() - began)
        conn.close()
        seconds = statistics.median(f["seconds"] for f in ours)
        counting = statistics.median(f["counting"] for f in ours)
        peak = max(f["peak_mb"] for f in ours)
        calls = int(ours[0]["calls"])
        plain = statistics.median(naive)
        print(
            f"Yearly report on {calls} calls (Python {sys.version.split()[0]}), median of "
            f"{args.runs}:"
        )
        print(f"  counting and tables   {counting:8.2f} s")
        print(
            f"  with PDF and CSV      {seconds:8.2f} s   target ≤ {TARGET_S:.0f} s: "
            + ("met" if seconds <= TARGET_S else "MISSED")
        )
        print(
            f"  peak memory           {peak:8.0f} MB  target ≤ {TARGET_MB} MB: "
            + ("met" if peak <= TARGET_MB else "MISSED")
        )
        print(f"  naive GROUP BYs       {plain:8.2f} s")
        print(f"  ratio ours / naive    {seconds / plain:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
