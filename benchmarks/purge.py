"""The retention purge on N synthetic calls, against a naive baseline.

On a copy of a vault of N calls spread over a year (as ``benchmarks.report``
makes it), with notes kept 90 days and records 6 months:

- the catch-up: the first purge after a year without one (three quarters of the
  notes shredded, half of the records deleted), in transactions of 500;
- the daily run at login, seven days in a row (one day of notes and records each);
- naive, in the same process and on the same copy, seven more days: the same
  deletions by scanning the tables (``NOT INDEXED``), as a first version would.

The ratio printed is ours / naive for the daily run (below 1 means ours is faster).

    python -m benchmarks.purge --calls 200000
    python -m benchmarks.purge --vault DIR    # a vault of an earlier run (user "bench")
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.report import PASSWORD, USER, build_vault
from counselor_app import retention
from counselor_app.config import Settings
from counselor_app.retention import Policy
from counselor_app.store.db import Connection, transaction
from counselor_app.store.records import to_epoch
from counselor_app.vault import Session, open_vault

POLICY = Policy(note_days=90, record_months=6)
FIRST = datetime(2026, 7, 1, 6, 0, tzinfo=UTC)  # the day after the year of calls
DAYS = 7


def _ours(session: Session, now: datetime) -> tuple[float, int]:
    began = time.perf_counter()
    result = retention.purge_if_due(session, POLICY, now=now)
    assert result is not None
    return time.perf_counter() - began, result.notes_shredded + result.records_deleted


def _naive(conn: Connection, now: datetime) -> tuple[float, int]:
    notes_at, records_at = retention.cutoffs(POLICY, now)
    assert notes_at is not None and records_at is not None
    began = time.perf_counter()
    with transaction(conn):
        removed = conn.execute(
            "DELETE FROM records NOT INDEXED WHERE started_at < ? "
            "AND rowid NOT IN (SELECT record FROM legal_holds)",
            (to_epoch(records_at),),
        ).rowcount
        removed += conn.execute(
            "DELETE FROM record_notes WHERE record IN (SELECT rowid FROM records NOT INDEXED "
            "WHERE started_at < ?) AND record NOT IN (SELECT record FROM legal_holds)",
            (to_epoch(notes_at),),
        ).rowcount
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    return time.perf_counter() - began, removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--vault", type=Path, help="a vault from an earlier run (user 'bench')")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="counselor-bench-") as folder:
        work = Path(folder) / "vault"
        if args.vault is None:
            print(f"Storing {args.calls} synthetic calls…", flush=True)
            build_vault(work, args.calls, args.seed)
        else:
            print(f"Copying {args.vault}…", flush=True)
            shutil.copytree(args.vault, work)
        with open_vault(work, USER, PASSWORD, Settings()) as session:
            calls = session.conn.execute("SELECT count(*) FROM records").fetchone()[0]
            took, removed = _ours(session, FIRST)
            print(f"calls: {calls}")
            print(f"catch-up purge: {took:.2f} s ({removed} notes and records removed)")
            daily = [_ours(session, FIRST + timedelta(days=d)) for d in range(1, DAYS + 1)]
            naive = [
                _naive(session.conn, FIRST + timedelta(days=d))
                for d in range(DAYS + 1, 2 * DAYS + 1)
            ]
        ours_s = statistics.median(t for t, _ in daily)
        naive_s = statistics.median(t for t, _ in naive)
        print(
            f"daily run at login, median of {DAYS}: {ours_s * 1000:.1f} ms "
            f"(about {statistics.median(n for _, n in daily):.0f} removed a day)"
        )
        print(f"naive daily run (table scans), median of {DAYS}: {naive_s * 1000:.1f} ms")
        print(f"ratio ours / naive: {ours_s / naive_s:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
