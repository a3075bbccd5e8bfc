"""Record bundles between workstations on N synthetic calls, against a naive baseline.

On a copy of a workstation vault of N calls spread over a year (as ``benchmarks.report``
makes it), through the program's own code:

- the full bundle (``export_bundle(since=0)``, every record): seconds, file size, records;
- a weekly bundle: after about N/52 calls changed (half of them edited, half new
  calls saved), the next bundle;
- the import of each into a fresh consolidation vault, the workstation accepted with
  the first one;
- the peak memory of the process (``getrusage``) before and after the full export and
  its import: a bundle is built and opened whole in memory.

Naive, in the same process: the same calls copied (untimed) into one plain ``sqlite3``
table with the answers as JSON, dumped as JSON, compressed with zlib and encrypted with
AES-256-GCM under a random key (no signature, no HPKE, no validation), then decrypted,
parsed and inserted into another plain table with ``executemany``. The ratios printed
are ours / naive for the full export and import (below 1 means ours is faster).

    python -m benchmarks.bundles --calls 20000
    python -m benchmarks.bundles --vault DIR   # a copy of a vault of an earlier run (user "bench")
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import shutil
import sqlite3
import sys
import tempfile
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from benchmarks.report import PASSWORD, USER, build_vault, naive_table
from counselor_app import records
from counselor_app.config import Settings
from counselor_app.exchange import orgkey
from counselor_app.exchange.bundle_export import export_bundle
from counselor_app.exchange.consolidation import Imported, import_bundles, init_consolidation
from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.vault import Session, open_vault
from counselor_app.workstation import identity

PASSPHRASE = "benchmark organisation passphrase"  # noqa: S105 (a throwaway key)
EXPORTED = datetime(2026, 7, 1, 6, 0, tzinfo=UTC)  # the day after the year of calls
CHANGED = EXPORTED + timedelta(days=3)
WEEKLY = EXPORTED + timedelta(days=7)
COLUMNS = ("id", "started_at", "ended_at", "counselor", "call_kind", "reason")


def peak_mb() -> float:
    """The peak resident memory of this process so far (``ru_maxrss`` is in KiB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def change_a_week(session: Session, count: int, seed: int) -> None:
    """Edit ``count // 2`` stored calls (their channel) and save the rest as new calls."""
    edits = count // 2
    ids = [str(r[0]) for r in session.conn.execute("SELECT id FROM records ORDER BY rowid")]
    step = max(1, len(ids) // max(1, edits))
    for record_id in ids[::step][:edits]:
        answers = records.get(session, record_id).answers
        channel = "chat" if answers.get("channel") != "chat" else "phone"
        records.update(session, record_id, answers={**answers, "channel": channel}, now=CHANGED)
    made = synthetic_calls(
        default_form(),
        count - edits,
        seed=seed + 1,
        counselors=[session.user.id],
        end=CHANGED,
        days=3,
    )
    for record in made:
        records.create(session, record, now=CHANGED)


def imported(session: Session, path: Path, accept: set[str]) -> tuple[float, Imported]:
    began = time.perf_counter()
    [outcome] = import_bundles(session, [path], accept=accept)
    took = time.perf_counter() - began
    if outcome.imported is None:
        raise SystemExit(f"{path.name} was refused: {outcome.refused}")
    return took, outcome.imported


def naive_export(conn: sqlite3.Connection, out: Path) -> tuple[float, bytes, int]:
    """Every call as JSON, zlib, AES-256-GCM under a random key; returns the time and key."""
    began = time.perf_counter()
    rows = conn.execute(f"SELECT {', '.join(COLUMNS)}, answers FROM calls").fetchall()
    calls = [dict(zip(COLUMNS, row[:-1], strict=True), answers=json.loads(row[-1])) for row in rows]
    payload = json.dumps(calls, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    key, nonce = AESGCM.generate_key(bit_length=256), secrets.token_bytes(12)
    sealed = nonce + AESGCM(key).encrypt(nonce, zlib.compress(payload), None)
    with out.open("wb") as handle:
        handle.write(sealed)
        handle.flush()
        os.fsync(handle.fileno())
    return time.perf_counter() - began, key, len(calls)


def naive_import(path: Path, key: bytes, target: Path) -> float:
    """Decrypt, decompress and parse the file, then insert every call into a plain table."""
    conn = sqlite3.connect(target)
    conn.execute(f"CREATE TABLE calls ({', '.join(COLUMNS)}, answers TEXT)")
    began = time.perf_counter()
    data = path.read_bytes()
    calls = json.loads(zlib.decompress(AESGCM(key).decrypt(data[:12], data[12:], None)))
    rows = [(*(c[k] for k in COLUMNS), json.dumps(c["answers"])) for c in calls]
    with conn:
        conn.executemany(f"INSERT INTO calls VALUES ({', '.join('?' * 7)})", rows)
    took = time.perf_counter() - began
    conn.close()
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--vault", type=Path, help="a vault from an earlier run (user 'bench')")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="counselor-bench-") as folder:
        work = Path(folder)
        vault = work / "vault"
        if args.vault is None:
            print(f"Storing {args.calls} synthetic calls…", flush=True)
            build_vault(vault, args.calls, args.seed)
        else:
            print(f"Copying {args.vault}…", flush=True)
            shutil.copytree(args.vault, vault)
        print("Building the naive table…", flush=True)
        plain = naive_table(vault, work / "naive.db")
        keys = orgkey.keygen(work / "org", PASSPHRASE)
        org_public = orgkey.public_bytes(orgkey.unseal(keys.private_path, PASSPHRASE))
        full, weekly = work / "full.cabundle", work / "weekly.cabundle"
        before = peak_mb()
        with open_vault(vault, USER, PASSWORD, Settings()) as session:
            calls = session.conn.execute("SELECT count(*) FROM records").fetchone()[0]
            me = identity(session.conn).id
            began = time.perf_counter()
            made = export_bundle(session, full, org_public=org_public, since=0, now=EXPORTED)
            full_s = time.perf_counter() - began
            after_export = peak_mb()
            changes = max(2, calls // 52)
            print(f"Changing {changes} calls for the weekly bundle…", flush=True)
            change_a_week(session, changes, args.seed)
            began = time.perf_counter()
            week = export_bundle(session, weekly, org_public=org_public, now=WEEKLY)
            weekly_s = time.perf_counter() - began
        print("Making the consolidation vault…", flush=True)
        with init_consolidation(
            work / "consolidation", keys.private_path, PASSPHRASE, USER, PASSWORD, Settings()
        ) as hub:
            full_in, first = imported(hub, full, {me})
            after_import = peak_mb()
            weekly_in, second = imported(hub, weekly, set())
        naive_out, key, naive_calls = naive_export(plain, work / "naive.bin")
        plain.close()
        naive_in = naive_import(work / "naive.bin", key, work / "naive-in.db")
        size = full.stat().st_size
        naive_size = (work / "naive.bin").stat().st_size
        print(f"Bundles on {calls} calls (Python {sys.version.split()[0]}):")
        print(
            f"  full bundle export      {full_s:8.2f} s   {made.records} records, "
            f"{size / 1e6:.1f} MB ({size / made.records:.0f} bytes a record)"
        )
        print(
            f"  weekly bundle export    {weekly_s:8.3f} s   {week.records} records, "
            f"{weekly.stat().st_size / 1e6:.2f} MB"
        )
        print(f"  full bundle import      {full_in:8.2f} s   {first.added} added")
        print(
            f"  weekly bundle import    {weekly_in:8.3f} s   {second.added} added, "
            f"{second.replaced} replaced"
        )
        print(
            f"  peak memory (RSS)       {before:8.0f} MB before, {after_export:.0f} MB after "
            f"the full export, {after_import:.0f} MB after its import"
        )
        print(
            f"  naive export            {naive_out:8.2f} s   {naive_calls} calls, "
            f"{naive_size / 1e6:.1f} MB"
        )
        print(f"  naive import            {naive_in:8.2f} s")
        print(
            f"  ratio ours / naive      {full_s / naive_out:8.1f} for the export, "
            f"{full_in / naive_in:.1f} for the import"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
