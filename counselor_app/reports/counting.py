"""Which records a report counts (a period and filters), and counting them under a condition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counselor_app.forms.definition import Field, FormDefinition
from counselor_app.forms.expression import All, Node
from counselor_app.reports.conditions import to_sql
from counselor_app.store.db import Connection
from counselor_app.store.records import to_epoch


@dataclass(frozen=True)
class Scope:
    """Which records count: started in [start, end), and optional filters."""

    start: datetime | None = None
    end: datetime | None = None
    channel: str | None = None
    counselor_id: str | None = None
    workstation: str | None = None  # the id of the workstation the records came from

    def filtered(self) -> bool:
        """Whether a filter besides the period applies (counts must join the records)."""
        return any(f is not None for f in (self.channel, self.counselor_id, self.workstation))

    def index(self, covering: str) -> str:
        """The index to read this scope's records by: ``covering`` (it holds every column
        the query reads), or with a workstation filter ``records_workstation`` (that
        workstation's records in order of start: fewer rows, each read from the table)."""
        return "records_workstation" if self.workstation is not None else covering

    def sql(self) -> tuple[str, list[object]]:
        clauses = ["r.deleted_at IS NULL"]
        params: list[object] = []
        if self.start is not None:
            clauses.append("r.started_at >= ?")
            params.append(to_epoch(self.start))
        if self.end is not None:
            clauses.append("r.started_at < ?")
            params.append(to_epoch(self.end))
        if self.channel is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM record_codes x JOIN codes k ON k.id = x.code_id "
                "WHERE x.record = r.rowid AND k.field = 'channel' AND k.code = ?)"
            )
            params.append(self.channel)
        if self.counselor_id is not None:
            clauses.append("r.counselor_id = ?")
            params.append(self.counselor_id)
        if self.workstation is not None:
            clauses.append("r.workstation = ?")
            params.append(self.workstation)
        return " AND ".join(clauses), params


def relevance_of(form: FormDefinition, field: Field) -> Node | None:
    conditions = [
        c for c in (form.section_by_code[field.section].relevant, field.relevant) if c is not None
    ]
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else All(tuple(conditions))


def count_records(conn: Connection, scope: Scope, condition: Node | None = None) -> int:
    where, params = scope.sql()
    if condition is not None:
        text, extra = to_sql(condition)
        where += f" AND {text}"
        params += extra
    return int(conn.execute(f"SELECT count(*) FROM records r WHERE {where}", params).fetchone()[0])
