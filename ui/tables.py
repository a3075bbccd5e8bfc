"""The read-only tables of rows the windows list (calls, audit entries, workstations)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def row_table(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    """A table of whole rows, one selected at a time, never edited in place; Tab leaves it
    and the arrows move in it. The caller names it for screen readers and sizes its
    columns."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setAccessibleName(QCoreApplication.translate("Tables", "Column titles"))
    header.setHighlightSections(False)
    return table
