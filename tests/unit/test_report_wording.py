"""Every word of a report exists in French and English, and no code shows through."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counselor_app.exchange.demo import synthetic_calls
from counselor_app.forms.catalogue import default_form
from counselor_app.periods import period_bounds
from counselor_app.reports import wording
from counselor_app.reports.build import assemble
from counselor_app.reports.counting import Scope
from counselor_app.reports.model import Method, ReportRequest
from tests.report_support import facts_of

FORM = default_form()


def test_every_text_has_both_languages() -> None:
    for key, (french, english) in wording.TEXT.items():
        assert french.strip() and english.strip(), key


CALLS = list(
    synthetic_calls(FORM, 600, seed=2, counselors=["c"], end=datetime(2026, 3, 31).astimezone())
)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_title_and_label_is_worded(language: str) -> None:
    method = Method((), "", "", datetime(2026, 4, 1).astimezone(), "1.0", False)
    for start, end in (
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 3, 1), date(2026, 3, 31)),
    ):
        low, high = period_bounds(start, end)
        made = facts_of(CALLS, Scope(low, high))
        report = assemble(made, FORM, ReportRequest(start, end), method)
        titles = set()
        for table in report.tables:
            title = wording.table_title(table, FORM, language)
            assert title and title not in titles, table.name
            titles.add(title)
            for row in table.rows:
                label = wording.row_label(table, row, FORM, language)
                assert label and (label != row or row.isdigit()), (table.name, row)
            for column in table.columns:
                label = wording.column_label(table, column, FORM, language)
                assert label and (label != column or column.isdigit()), (table.name, column)


def test_dates_read_naturally() -> None:
    assert wording.format_date(date(2026, 7, 1), "fr") == "1er juillet 2026"
    assert wording.format_date(date(2026, 7, 2), "fr") == "2 juillet 2026"
    assert wording.format_date(date(2026, 7, 1), "en") == "1 July 2026"
    assert wording.month_label("2026-02", "fr") == "février 2026"
