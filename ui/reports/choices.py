"""What a report is about: a period, a channel, a counselor, in a consolidation vault a
workstation, and the report's language.

Last month, quarter and year are the last complete ones before today; choosing one
shows its dates. Chosen dates may be any a report covers, the end on or after the start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from counselor_app.forms.definition import FormDefinition
from counselor_app.periods import FIRST_REPORT_DAY, LAST_REPORT_DAY
from counselor_app.reports.model import ReportRequest
from counselor_app.store.bundles import Workstation
from counselor_app.store.users import User
from ui import i18n
from ui.action_dialog import Refusal
from ui.call_list import display
from ui.fields import add_row, plain
from ui.reports.periods import Preset, preset_dates


class ReportChoices(QWidget):
    """The inputs of the Reports dialog, in tab order in :meth:`inputs`.

    ``stations`` are the workstations a consolidation vault accepted: with any, a
    Workstation box (all of them, or one) comes after the counselor; without, none.
    """

    def __init__(
        self,
        form: FormDefinition,
        people: Sequence[User],
        language: str,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        stations: Sequence[Workstation] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_choices")
        self._today = today
        locale = display.display_locale(language)

        period_box = QGroupBox(self.tr("Period"), self)
        period_box.setObjectName("period_box")
        self.presets = QButtonGroup(self)
        self.radios: dict[Preset, QRadioButton] = {}
        grid = QGridLayout(period_box)
        for row, (preset, text) in enumerate(
            (
                (Preset.MONTH, self.tr("Last &month")),
                (Preset.QUARTER, self.tr("Last &quarter")),
                (Preset.YEAR, self.tr("Last &year")),
                (Preset.CUSTOM, self.tr("Chosen &dates")),
            )
        ):
            radio = QRadioButton(text, period_box)
            radio.setObjectName(f"period_{preset.value}")
            radio.setAccessibleName(plain(text))
            self.presets.addButton(radio, row)
            self.radios[preset] = radio
            grid.addWidget(radio, row // 2, row % 2)
        dates = QHBoxLayout()
        self.start = self._date_edit("report_start", locale)
        self.end = self._date_edit("report_end", locale)
        for text, edit in ((self.tr("&From:"), self.start), (self.tr("&To:"), self.end)):
            label = QLabel(text, period_box)
            label.setBuddy(edit)
            edit.setAccessibleName(plain(text))
            dates.addWidget(label)
            dates.addWidget(edit)
        dates.addStretch(1)
        grid.addLayout(dates, 2, 0, 1, 2)

        filters = QFormLayout()
        self.channel = self._combo("channel")
        self.channel.addItem(self.tr("All channels"), None)
        field = form.field("channel")
        for option in field.options if field is not None else ():
            self.channel.addItem(option.label.text(language), option.code)
        add_row(filters, self.tr("C&hannel:"), self.channel)
        self.counselor = self._combo("counselor")
        self.counselor.addItem(self.tr("All counselors"), None)
        for user in people:
            self.counselor.addItem(user.username, user.id)
        add_row(filters, self.tr("Cou&nselor:"), self.counselor)
        self.workstation: QComboBox | None = None
        if stations:
            self.workstation = self._combo("workstation")
            self.workstation.addItem(self.tr("All workstations"), None)
            for station in stations:
                text = self.tr("{id} (records: {count})").format(
                    id=station.id, count=locale.toString(station.records)
                )
                self.workstation.addItem(text, station.id)
            add_row(filters, self.tr("&Workstation:"), self.workstation)
        self.language = self._combo("report_language")
        self.language.addItem(self.tr("Français"), i18n.FRENCH)
        self.language.addItem(self.tr("English"), i18n.ENGLISH)
        self.language.setCurrentIndex(0 if language == i18n.FRENCH else 1)
        add_row(filters, self.tr("Report &language:"), self.language)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(period_box, 1)
        layout.addLayout(filters, 1)
        self.presets.idToggled.connect(self._toggled)
        self.choose(Preset.MONTH)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _date_edit(self, name: str, locale: QLocale) -> QDateEdit:
        edit = QDateEdit(display.to_qdate(self._today()), self)
        edit.setObjectName(name)
        # The days a report may cover (the core refuses others).
        edit.setDateRange(display.to_qdate(FIRST_REPORT_DAY), display.to_qdate(LAST_REPORT_DAY))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(locale.dateFormat(QLocale.FormatType.ShortFormat))
        return edit

    def inputs(self) -> list[QWidget]:
        """The inputs in tab order: the period's buttons and dates, then the filters."""
        return [
            *self.radios.values(),
            self.start,
            self.end,
            self.channel,
            self.counselor,
            *([] if self.workstation is None else [self.workstation]),
            self.language,
        ]

    # The period

    def preset(self) -> Preset:
        return next(p for p, radio in self.radios.items() if radio.isChecked())

    def choose(self, preset: Preset) -> None:
        self.radios[preset].setChecked(True)
        self._show(preset)

    def _toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self._show(list(self.radios)[button_id])

    def _show(self, preset: Preset) -> None:
        dates = preset_dates(preset, self._today())
        if dates is not None:
            self.start.setDate(display.to_qdate(dates[0]))
            self.end.setDate(display.to_qdate(dates[1]))
        for edit in (self.start, self.end):
            edit.setEnabled(dates is None)

    def dates(self) -> tuple[date, date]:
        return display.from_qdate(self.start.date()), display.from_qdate(self.end.date())

    # What is asked for

    def report_language(self) -> str:
        return str(self.language.currentData())

    def request(self, threshold: int) -> ReportRequest:
        """The report asked for; a Refusal when the dates are the wrong way round."""
        start, end = self.dates()
        if end < start:
            raise Refusal(
                self.tr(
                    "The end date is before the start date. Choose an end date on or after "
                    "the start date."
                ),
                self.end,
            )
        channel = self.channel.currentData()
        counselor = self.counselor.currentData()
        station = None if self.workstation is None else self.workstation.currentData()
        return ReportRequest(
            start,
            end,
            channel=None if channel is None else str(channel),
            counselor_id=None if counselor is None else str(counselor),
            counselor_name=None if counselor is None else self.counselor.currentText(),
            threshold=threshold,
            workstation=None if station is None else str(station),
        )
