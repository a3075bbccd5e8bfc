"""Records by pair of codes of two fields, for the report's cross table."""

from __future__ import annotations

import json

from counselor_app.reports.counting import Scope
from counselor_app.store.db import Connection

CROSS = ("violence_types", "author_relation")


def count_pairs(
    conn: Connection, scope: Scope, low: int, high: int, filtered: bool
) -> dict[tuple[str, str], int]:
    """Records by (violence type, author relation) that started in [low, high).

    Without filters, each code's records come from its index range and are matched in
    memory (a record has one relation at most); with filters (``filtered``), SQL joins
    the records of ``scope``.
    """
    rows_field, columns_field = CROSS
    ids = {
        name: {
            int(i): str(c)
            for i, c in conn.execute("SELECT id, code FROM codes WHERE field = ?", (name,))
        }
        for name in CROSS
    }
    if not ids[rows_field] or not ids[columns_field]:
        return {}
    if filtered:
        return _pairs_joined(conn, scope, ids[rows_field], ids[columns_field], low, high)
    in_range = (
        "SELECT json_group_array(record) FROM record_codes "
        "WHERE code_id = ? AND started_at >= ? AND started_at < ?"
    )
    relations = {
        code: set(integers(conn, in_range, [code_id, low, high]))
        for code_id, code in ids[columns_field].items()
    }
    pairs: dict[tuple[str, str], int] = {}
    for code_id, code in ids[rows_field].items():
        records = set(integers(conn, in_range, [code_id, low, high]))
        for relation, holding in relations.items():
            n = len(records.intersection(holding))
            if n:
                pairs[(code, relation)] = n
    return pairs


def _pairs_joined(
    conn: Connection,
    scope: Scope,
    row_ids: dict[int, str],
    column_ids: dict[int, str],
    low: int,
    high: int,
) -> dict[tuple[str, str], int]:
    where, extra = scope.sql()
    sql = (
        "SELECT a.code_id, b.code_id, count(*) FROM record_codes a "
        "JOIN record_codes b ON b.record = a.record "
        f"WHERE a.code_id IN ({','.join(str(i) for i in row_ids)}) "
        "AND a.started_at >= ? AND a.started_at < ? "
        f"AND +b.code_id IN ({','.join(str(i) for i in column_ids)}) "
        f"AND a.record IN (SELECT r.rowid FROM records r WHERE {where}) GROUP BY 1, 2"
    )
    return {
        (row_ids[int(t)], column_ids[int(c)]): int(n)
        for t, c, n in conn.execute(sql, [low, high, *extra])
    }


def integers(conn: Connection, sql: str, params: list[object]) -> list[int]:
    """The integers of a ``json_group_array`` query: one text to read, not a row each."""
    return array(conn.execute(sql, params).fetchone()[0])


def array(text: object) -> list[int]:
    found: list[int] = [] if text is None else json.loads(str(text))
    return found
