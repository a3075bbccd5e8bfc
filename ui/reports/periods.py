"""The periods offered for a report, and the file names that follow from them.

"Last month" is the last complete calendar month before today, and so on: a report
is made on whole periods, which compare from one report to the next.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class Preset(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


def last_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def last_quarter(today: date) -> tuple[date, date]:
    first_month = 3 * ((today.month - 1) // 3) + 1
    end = date(today.year, first_month, 1) - timedelta(days=1)
    return date(end.year, end.month - 2, 1), end


def last_year(today: date) -> tuple[date, date]:
    return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)


def preset_dates(preset: Preset, today: date) -> tuple[date, date] | None:
    """The dates of a preset; None for chosen dates."""
    if preset is Preset.MONTH:
        return last_month(today)
    if preset is Preset.QUARTER:
        return last_quarter(today)
    if preset is Preset.YEAR:
        return last_year(today)
    return None


def _month_end(day: date) -> date:
    following = day.replace(day=28) + timedelta(days=4)
    return following - timedelta(days=following.day)


def period_name(start: date, end: date, language: str) -> str:
    """``2026-10`` for a whole month, ``2026-T3``/``2026-Q3`` for a quarter, ``2025`` for a
    year; else both dates."""
    whole_months = start.day == 1 and end == _month_end(end)
    if whole_months and start.year == end.year:
        if start.month == end.month:
            return f"{start:%Y-%m}"
        if start.month % 3 == 1 and end.month == start.month + 2:
            letter = "T" if language == "fr" else "Q"
            return f"{start.year}-{letter}{(start.month + 2) // 3}"
        if start.month == 1 and end.month == 12:
            return str(start.year)
    return f"{start.isoformat()}_{end.isoformat()}"


def file_name(start: date, end: date, language: str, suffix: str) -> str:
    """``rapport-2026-10.pdf`` (French) or ``report-2026-10.csv`` (English)."""
    word = "rapport" if language == "fr" else "report"
    return f"{word}-{period_name(start, end, language)}.{suffix}"
