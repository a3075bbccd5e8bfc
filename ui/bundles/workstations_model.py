"""The workstations a consolidation vault knows, one row each, read-only."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from counselor_app.store import bundles
from counselor_app.store.bundles import Workstation
from counselor_app.store.db import Connection

Index = QModelIndex | QPersistentModelIndex
DATE_FORMAT = "yyyy-MM-dd"


class Column(IntEnum):
    WORKSTATION = 0
    ACCEPTED_ON = 1
    ACCEPTED_BY = 2
    LAST_BUNDLE = 3
    LAST_BUNDLE_DATE = 4
    RECORDS = 5


class WorkstationsModel(QAbstractTableModel):
    """Rows of :class:`Workstation`, in the order they were accepted."""

    def __init__(self, locale: QLocale, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._rows: list[Workstation] = []

    def load(self, conn: Connection) -> None:
        """Read the list again; raises one of the FAILURES (the list is then left as it was)."""
        rows = bundles.workstations(conn)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def workstation(self, row: int) -> Workstation:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def title(self, column: Column) -> str:
        return {
            Column.WORKSTATION: self.tr("Workstation"),
            Column.ACCEPTED_ON: self.tr("Accepted on"),
            Column.ACCEPTED_BY: self.tr("Accepted by"),
            Column.LAST_BUNDLE: self.tr("Last bundle"),
            Column.LAST_BUNDLE_DATE: self.tr("Last bundle made on"),
            Column.RECORDS: self.tr("Records"),
        }[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.title(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.spoken(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.LAST_BUNDLE,
            Column.RECORDS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, row: Workstation, column: Column) -> str:
        if column is Column.WORKSTATION:
            return row.id
        if column is Column.ACCEPTED_ON:
            return _local(row.accepted_at).toString(DATE_FORMAT)
        if column is Column.ACCEPTED_BY:
            return row.accepted_by
        if column is Column.LAST_BUNDLE:
            return str(row.last_sequence) if row.last_sequence else ""
        if column is Column.LAST_BUNDLE_DATE:
            made = row.last_made_at
            return "" if made is None else _local(made).toString(DATE_FORMAT)
        return str(row.records)

    def spoken(self, row: Workstation, column: Column) -> str:
        """The cell for screen readers and tooltips: dates in full, never a silent cell."""
        if column is Column.ACCEPTED_ON:
            return self._long_date(row.accepted_at)
        if column is Column.LAST_BUNDLE_DATE and row.last_made_at is not None:
            return self._long_date(row.last_made_at)
        return self.text(row, column) or self.tr("None")

    def _long_date(self, moment: int) -> str:
        return self._locale.toString(_local(moment).date(), QLocale.FormatType.LongFormat)


def _local(moment: int) -> QDateTime:
    """Seconds since the epoch as a local date and time."""
    return QDateTime.fromSecsSinceEpoch(int(moment))
