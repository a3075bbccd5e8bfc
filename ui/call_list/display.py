"""How a call's times, duration and coded answers are written on screen."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from counselor_app.forms.definition import FormDefinition


def display_locale(language: str) -> QLocale:
    """The system's formats when they speak ``language``; else that language's own."""
    system = QLocale()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(language)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def local_time(moment: datetime) -> QDateTime:
    """A UTC moment as a local date and time."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def short_time(moment: datetime, locale: QLocale) -> str:
    return locale.toString(local_time(moment), QLocale.FormatType.ShortFormat)


def long_time(moment: datetime, locale: QLocale) -> str:
    """The full date and the time to the minute, without the time zone's name."""
    local = local_time(moment)
    return QCoreApplication.translate("CallDisplay", "{date} at {time}").format(
        date=locale.toString(local.date(), QLocale.FormatType.LongFormat),
        time=locale.toString(local.time(), QLocale.FormatType.ShortFormat),
    )


def duration(seconds: int) -> str:
    """``m:ss`` (minutes are not carried into hours)."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


def spoken_duration(seconds: int) -> str:
    """The duration in words, for screen readers."""
    minutes, rest = divmod(max(0, seconds), 60)
    return QCoreApplication.translate("CallDisplay", "{minutes} min {seconds} s").format(
        minutes=minutes, seconds=rest
    )


def option_label(form: FormDefinition, field_code: str, code: str, language: str) -> str:
    """The label of one option of a field; the code itself when the form does not know it."""
    field = form.field(field_code)
    option = field.option(code) if field is not None else None
    return option.label.text(language) if option is not None else code
