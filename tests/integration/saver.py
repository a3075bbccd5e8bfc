"""Saves calls one after another and prints each id once its transaction committed.

    python -m tests.integration.saver DATA_DIR NAME   (stdin: the password)

Run by ``test_crash_saves``, which kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from counselor_app import records
from counselor_app.config import Settings
from counselor_app.vault import open_vault


def main(argv: list[str]) -> int:
    data_dir, name = Path(argv[0]), argv[1]
    password = sys.stdin.readline().rstrip("\n")
    start = datetime(2026, 3, 2, 10, tzinfo=UTC)
    with open_vault(data_dir, name, password, Settings()) as session:
        print("open", flush=True)
        number = 0
        while True:
            number += 1
            moment = start + timedelta(minutes=number)
            record = records.new_record(
                session,
                started_at=moment,
                ended_at=moment + timedelta(minutes=5),
                answers={
                    "call_kind": "victim" if number % 3 else "silent",
                    "channel": "phone",
                    **(
                        {
                            "reason": "domestic_violence",
                            "victim_sex": "female",
                            "victim_age_band": "25_34",
                            "author_relation": "ex_partner",
                            "violence_types": ["psychological"],
                            "response": ["listening"],
                            "note": f"appel {number}",
                        }
                        if number % 3
                        else {}
                    ),
                },
            )
            saved = records.create(session, record)
            print(saved.id, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
