"""Reading the records as of one moment, while other connections may write.

The vault is in WAL mode: a read transaction sees the database as it was at its
first read, whatever other connections commit meanwhile. A report counts inside one
on each connection it uses. Two connections may start theirs on either side of a
commit; their stamps (read first thing, which starts the snapshot) tell.

The stamp is the largest record rowid and the largest record history id. Records
are never removed: a new record (saved, imported, made for a training vault) takes
a larger rowid, and every change or deletion adds a history entry
(``counselor_app.records``). Any committed change of the records therefore changes
the stamp. Whoever writes records in another way must keep this true.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from counselor_app.store.db import Connection

Stamp = tuple[int, int]

_STAMP = (
    "SELECT (SELECT coalesce(max(rowid), 0) FROM records), "
    "(SELECT coalesce(max(id), 0) FROM record_history)"
)


def stamp(conn: Connection) -> Stamp:
    """Which version of the records ``conn`` sees."""
    records, history = conn.execute(_STAMP).fetchone()
    return int(records), int(history)


@contextmanager
def snapshot(conn: Connection) -> Iterator[Stamp]:
    """A read transaction on ``conn``; yields the stamp of what it sees.

    The transaction ends however the block does (an error, a stop asked through
    progress). A transaction the caller holds already is used as it is.
    """
    if conn.in_transaction:
        yield stamp(conn)
        return
    conn.execute("BEGIN")
    try:
        yield stamp(conn)
    except BaseException:
        if conn.in_transaction:  # SQLite may have ended it already (e.g. out of memory)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
