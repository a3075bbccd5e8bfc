"""A report on screen: its sections in a list; for the one selected, its table and chart.

The words of the report (titles, row and column labels, notes) are in the report's
language, chosen in the dialog; the cells are the published ones, ``<5`` and ``x``
included, exactly as in the PDF and the CSV.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counselor_app.reports import wording
from counselor_app.reports.model import Report, Table
from ui.call_list import display
from ui.reports.chart_data import chart_data
from ui.reports.charts import ChartView

_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def notes(table: Table, report: Report, language: str) -> list[str]:
    """The notes printed under ``table``, as in the PDF."""
    found = []
    threshold = report.request.threshold
    if any(table.is_hidden(r, c) for r in table.rows for c in table.columns):
        found.append(wording.text("note.hidden", language, n=threshold, m=threshold - 1))
    if table.kind == "cross":
        found.append(wording.text("note.cross", language))
    elif table.kind == "field" and table.base is not None:
        field = report.form.field(table.field) if table.field is not None else None
        several = field is not None and field.type == "multiple"
        key = "note.multiple" if several else "note.base"
        found.append(wording.text(key, language, base=table.base))
    return found


class ReportView(QWidget):
    """Shows a :class:`Report`; :meth:`set_language` rewords it without counting again."""

    def __init__(self, window_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_view")
        self.report: Report | None = None
        self.language = window_language  # the report's, until one is shown
        self._window_language = window_language
        self._locale = display.display_locale(window_language)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sections_label = QLabel(self.tr("&Sections:"), self)
        self.sections = QListWidget(self)
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.currentRowChanged.connect(self._show_section)
        self.sections_label.setBuddy(self.sections)
        self.title = QLabel(self)
        self.title.setObjectName("section_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableWidget(self)
        self.table.setObjectName("report_table")
        self.table.setAccessibleName(self.tr("Table"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setWordWrap(False)
        self.chart = ChartView(self)
        self.chart_area = QScrollArea(self)
        self.chart_area.setObjectName("chart_area")
        self.chart_area.setAccessibleName(self.tr("Chart"))
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setWidget(self.chart)
        self.chart_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes = QLabel(self)
        self.notes.setObjectName("table_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sections_label)
        left_layout.addWidget(self.sections, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        inner = QSplitter(Qt.Orientation.Vertical, right)
        inner.setObjectName("table_chart_splitter")
        inner.setChildrenCollapsible(False)
        inner.addWidget(self.table)
        inner.addWidget(self.chart_area)
        inner.setSizes([1000, 1000])
        right_layout.addWidget(inner, 1)
        right_layout.addWidget(self.notes)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("report_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([260, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.sections, self.table)
        self.show_report(None, self.language)

    def show_report(self, report: Report | None, language: str) -> None:
        """Show ``report`` (None: nothing yet), keeping the selected section if there is one."""
        row = max(self.sections.currentRow(), 0)
        self.report = report
        self.language = language
        self.sections.blockSignals(True)
        self.sections.clear()
        if report is not None:
            for table in report.tables:
                title = wording.table_title(table, report.form, language)
                self.sections.addItem(title)
                self.sections.item(self.sections.count() - 1).setToolTip(title)
        self.sections.blockSignals(False)
        self.setEnabled(report is not None)
        if report is None:
            self.summary.setText(self.tr("No report yet: choose a period, then Make report."))
            self._clear()
            return
        self.summary.setText(self._summary(report))
        self.sections.setCurrentRow(min(row, len(report.tables) - 1))
        self._show_section(self.sections.currentRow())

    def set_language(self, language: str) -> None:
        self.show_report(self.report, language)

    def _summary(self, report: Report) -> str:
        """The period, the filters and the number of calls, in the window's language."""
        request, language = report.request, self._window_language
        text = self.tr("Report of {start} to {end}: {calls} calls.").format(
            start=self._locale.toString(display.to_qdate(request.start), "d MMMM yyyy"),
            end=self._locale.toString(display.to_qdate(request.end), "d MMMM yyyy"),
            calls=report.table("overview").text("calls", "value"),
        )
        if request.channel is not None:
            channel = display.option_label(report.form, "channel", request.channel, language)
            text += " " + self.tr("Channel: {channel}.").format(channel=channel)
        if request.counselor_name:
            text += " " + self.tr("Counselor: {name}.").format(name=request.counselor_name)
        if request.workstation:
            text += " " + self.tr("Workstation: {id}.").format(id=request.workstation)
        if report.method.training:
            text += " " + self.tr("Training vault: the calls are not real.")
        return text

    def current_table(self) -> Table | None:
        row = self.sections.currentRow()
        if self.report is None or not 0 <= row < len(self.report.tables):
            return None
        return self.report.tables[row]

    def _clear(self) -> None:
        self.title.clear()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.table.setAccessibleName(self.tr("Table"))
        self.chart.set_data(None)
        self.notes.clear()

    def _show_section(self, _row: int) -> None:
        table = self.current_table()
        if table is None or self.report is None:
            self._clear()
            return
        form, language = self.report.form, self.language
        title = wording.table_title(table, form, language)
        self.title.setText(title)
        self.table.setAccessibleName(self.tr("Table: {title}").format(title=title))
        self._fill(table)
        self.chart.set_data(chart_data(table, form, language))
        self.notes.setText("\n".join(notes(table, self.report, language)))

    def _fill(self, table: Table) -> None:
        assert self.report is not None
        form, language = self.report.form, self.language
        self.table.clear()
        self.table.setRowCount(len(table.rows))
        self.table.setColumnCount(len(table.columns))
        self.table.setHorizontalHeaderLabels(
            [wording.column_label(table, c, form, language) for c in table.columns]
        )
        self.table.setVerticalHeaderLabels(
            [wording.row_label(table, r, form, language) for r in table.rows]
        )
        threshold = self.report.request.threshold
        for i, row in enumerate(table.rows):
            for j, column in enumerate(table.columns):
                text = table.text(row, column)
                item = QTableWidgetItem(text)
                item.setTextAlignment(_NUMBER)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if text == "x":
                    spoken = self.tr("hidden")
                elif text.startswith("<"):
                    spoken = self.tr("fewer than {n}, hidden").format(n=threshold)
                else:
                    spoken = ""
                if spoken:
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
                    item.setToolTip(spoken)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
