"""The audit trail's filters: a period of local days, a user, an action."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QLocale, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from counselor_app.audit_view import AuditFilter, Person
from counselor_app.periods import FIRST_REPORT_DAY, LAST_REPORT_DAY
from ui.audit import wording
from ui.call_list.display import to_qdate
from ui.call_list.filters import Period, PeriodBar
from ui.fields import chain_tab_order, plain


class AuditFilterBar(PeriodBar):
    """Emits ``changed(AuditFilter)`` whenever a choice changes."""

    changed = Signal(object)

    def __init__(
        self,
        people: Sequence[Person],
        actions: Sequence[str],
        locale: QLocale,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_filters")
        self._today = today
        self._locale = locale
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.period = self._combo("period")
        for text, period in (
            (self.tr("All dates"), Period.ALL),
            (self.tr("Today"), Period.TODAY),
            (self.tr("This week"), Period.WEEK),
            (self.tr("This month"), Period.MONTH),
            (self.tr("Chosen dates"), Period.CUSTOM),
        ):
            self.period.addItem(text, period.value)
        self.start = self._date_edit("start")
        self.end = self._date_edit("end")
        self.user = self._combo("user")
        self.user.addItem(self.tr("All users"), None)
        for person in people:
            name = person.name
            if person.removed:
                name = self.tr("{name} (removed)").format(name=person.name)
            self.user.addItem(name, person.id)
        self.action = self._combo("action")
        self.set_actions(actions)

        self.period_label = self._row(layout, self.tr("&Period:"), self.period)
        self.start_label = self._row(layout, self.tr("Fro&m:"), self.start)
        self.end_label = self._row(layout, self.tr("&To:"), self.end)
        self._row(layout, self.tr("&User:"), self.user)
        self._row(layout, self.tr("&Action:"), self.action)
        layout.addStretch(1)
        chain_tab_order(self.inputs())
        self._show_dates()

        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._emit)
        for combo in (self.user, self.action):
            combo.currentIndexChanged.connect(self._emit)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(to_qdate(self._today()), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDateRange(to_qdate(FIRST_REPORT_DAY), to_qdate(LAST_REPORT_DAY))
        edit.setDisplayFormat(self._locale.dateFormat(QLocale.FormatType.ShortFormat))
        return edit

    def _row(self, layout: QHBoxLayout, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(plain(text))
        layout.addWidget(label)
        layout.addWidget(field)
        return label

    def set_actions(self, actions: Sequence[str]) -> None:
        """Offer ``actions`` (by their words), keeping the one chosen; no signal."""
        chosen = self.action.currentData()
        names = wording.action_names()
        shown = sorted(actions, key=lambda a: wording.action_name(a, names).casefold())
        with QSignalBlocker(self.action):
            self.action.clear()
            self.action.addItem(self.tr("All actions"), None)
            for action in shown:
                self.action.addItem(wording.action_name(action, names), action)
            if chosen is not None and self.action.findData(chosen) < 0:
                self.action.addItem(wording.action_name(chosen, names), chosen)
            self.action.setCurrentIndex(0 if chosen is None else self.action.findData(chosen))

    def inputs(self) -> list[QWidget]:
        """The inputs in tab order (the dates are skipped while hidden)."""
        return [self.period, self.start, self.end, self.user, self.action]

    def current_filter(self) -> AuditFilter:
        first, last = self.days()
        return AuditFilter(first, last, self.user.currentData(), self.action.currentData())
