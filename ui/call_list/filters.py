"""The bar above the call list: period, call kind, reason and (for supervisors) counselor.

Days are the workstation's local days; the filter holds their UTC bounds, the
start included and the end excluded.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from counselor_app.forms.catalogue import default_form
from counselor_app.forms.definition import FormDefinition
from counselor_app.periods import period_bounds
from counselor_app.roles import Permission, allows
from counselor_app.store import users
from counselor_app.store.listing import ListFilter
from counselor_app.vault import Session
from ui.call_list import display
from ui.errors import FAILURES
from ui.fields import chain_tab_order, plain


class Period(StrEnum):
    TODAY = "today"
    WEEK = "week"
    MONTH = "month"
    CUSTOM = "custom"
    ALL = "all"


def week_start(day: date, first_weekday: int) -> date:
    """The first day of ``day``'s week; ``first_weekday`` 1 is Monday … 7 is Sunday."""
    return day - timedelta(days=(day.isoweekday() - first_weekday) % 7)


def period_days(
    period: Period, today: date, first_weekday: int, custom: tuple[date, date]
) -> tuple[date | None, date | None]:
    """The first and last local day (both included) of ``period``; None for no bound."""
    if period is Period.TODAY:
        return today, today
    if period is Period.WEEK:
        start = week_start(today, first_weekday)
        return start, start + timedelta(days=6)
    if period is Period.MONTH:
        last = calendar.monthrange(today.year, today.month)[1]
        return today.replace(day=1), today.replace(day=last)
    if period is Period.CUSTOM:
        return min(custom), max(custom)
    return None, None


@dataclass(frozen=True)
class FilterChoices:
    """What is chosen in the call list's bar: codes and ids, never a record's content."""

    period: Period
    start: date
    end: date
    kind: str | None
    reason: str | None
    counselor_id: str | None


class PeriodBar(QWidget):
    """A bar of filters that starts with a period: its days, and the dates shown for a
    chosen period only. Subclasses make ``period``, ``start``, ``end``, their labels,
    ``_locale`` and ``_today``, and say what ``current_filter`` is."""

    changed = Signal(object)  # each subclass says which filter it emits
    period: QComboBox
    start: QDateEdit
    end: QDateEdit
    start_label: QLabel
    end_label: QLabel
    _locale: QLocale
    _today: Callable[[], date]

    def current_filter(self) -> object:
        raise NotImplementedError

    def _emit(self) -> None:
        self.changed.emit(self.current_filter())

    def _show_dates(self) -> None:
        custom = self.current_period() is Period.CUSTOM
        for widget in (self.start, self.end, self.start_label, self.end_label):
            widget.setVisible(custom)

    def _period_changed(self) -> None:
        self._show_dates()
        self._emit()

    # What is chosen

    def current_period(self) -> Period:
        return Period(self.period.currentData())

    def set_period(self, period: Period) -> None:
        self.period.setCurrentIndex(self.period.findData(period.value))

    def days(self) -> tuple[date | None, date | None]:
        """The chosen first and last local days (included); None for no bound."""
        first_weekday = self._locale.firstDayOfWeek().value
        custom = (display.from_qdate(self.start.date()), display.from_qdate(self.end.date()))
        return period_days(self.current_period(), self._today(), first_weekday, custom)


class CallFilterBar(PeriodBar):
    """Emits ``changed(ListFilter)`` whenever a choice changes."""

    changed = Signal(object)

    def __init__(
        self,
        session: Session,
        language: str,
        *,
        form: FormDefinition | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("call_filters")
        self._today = today
        self._locale = display.display_locale(language)
        form = form if form is not None else default_form()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.period = self._combo("period")
        for text, period in (
            (self.tr("Today"), Period.TODAY),
            (self.tr("This week"), Period.WEEK),
            (self.tr("This month"), Period.MONTH),
            (self.tr("Chosen dates"), Period.CUSTOM),
            (self.tr("All dates"), Period.ALL),
        ):
            self.period.addItem(text, period.value)
        self.start = self._date_edit("start")
        self.end = self._date_edit("end")
        self.kind = self._combo("call_kind")
        self.kind.addItem(self.tr("All kinds"), None)
        self.reason = self._combo("reason")
        self.reason.addItem(self.tr("All reasons"), None)
        for combo, code in ((self.kind, "call_kind"), (self.reason, "reason")):
            field = form.field(code)
            for option in field.options if field is not None else ():
                combo.addItem(option.label.text(language), option.code)
        self.counselor: QComboBox | None = None
        if allows(session.user.role, Permission.ALL_RECORDS):
            self.counselor = self._combo("counselor")
            self.counselor.addItem(self.tr("All counselors"), None)
            try:
                active = users.active(session.conn)
            except FAILURES:
                active = []  # the list itself will tell what failed
            for user in active:
                self.counselor.addItem(user.username, user.id)

        self.period_label = self._row(layout, self.tr("&Period:"), self.period)
        self.start_label = self._row(layout, self.tr("Fro&m:"), self.start)
        self.end_label = self._row(layout, self.tr("&To:"), self.end)
        self._row(layout, self.tr("Call &kind:"), self.kind)
        self._row(layout, self.tr("&Reason:"), self.reason)
        if self.counselor is not None:
            self._row(layout, self.tr("Cou&nselor:"), self.counselor)
        layout.addStretch(1)
        chain_tab_order(self.inputs())
        self._show_dates()

        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._emit)
        combos: list[QComboBox | None] = [self.kind, self.reason, self.counselor]
        for choice in combos:
            if choice is not None:
                choice.currentIndexChanged.connect(self._emit)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(display.to_qdate(self._today()), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(self._locale.dateFormat(self._locale.FormatType.ShortFormat))
        return edit

    def _row(self, layout: QHBoxLayout, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(plain(text))
        layout.addWidget(label)
        layout.addWidget(field)
        return label

    def inputs(self) -> list[QWidget]:
        """The bar's inputs in tab order (the dates only when chosen)."""
        widgets: list[QWidget | None] = [
            self.period,
            self.start,
            self.end,
            self.kind,
            self.reason,
            self.counselor,
        ]
        return [w for w in widgets if w is not None]

    def choices(self) -> FilterChoices:
        return FilterChoices(
            period=self.current_period(),
            start=display.from_qdate(self.start.date()),
            end=display.from_qdate(self.end.date()),
            kind=self.kind.currentData(),
            reason=self.reason.currentData(),
            counselor_id=None if self.counselor is None else self.counselor.currentData(),
        )

    def choose(self, choices: FilterChoices) -> None:
        """Choose again what ``choices`` says, without emitting ``changed``: the caller
        reads the list once. A choice no longer offered (a removed counselor) stays as is."""
        picks: list[tuple[QComboBox | None, object]] = [
            (self.period, choices.period.value),
            (self.kind, choices.kind),
            (self.reason, choices.reason),
            (self.counselor, choices.counselor_id),
        ]
        for widget in self.inputs():
            widget.blockSignals(True)
        try:
            self.start.setDate(display.to_qdate(choices.start))
            self.end.setDate(display.to_qdate(choices.end))
            for combo, data in picks:
                found = -1 if combo is None else combo.findData(data)
                if combo is not None and found >= 0:
                    combo.setCurrentIndex(found)
        finally:
            for widget in self.inputs():
                widget.blockSignals(False)
        self._show_dates()

    def current_filter(self) -> ListFilter:
        start, end = period_bounds(*self.days())
        kind = self.kind.currentData()
        return ListFilter(
            start=start,
            end=end,
            call_kinds=None if kind is None else frozenset({kind}),
            reason=self.reason.currentData(),
            counselor_id=None if self.counselor is None else self.counselor.currentData(),
        )
