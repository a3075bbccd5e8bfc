from __future__ import annotations

from counselor_app.forms.catalogue import default_form
from counselor_app.reports.counting import NO_ANSWER, FieldCounts
from counselor_app.reports.tables import one_way_table

FORM = default_form()


def test_a_single_choice_table_in_long_format() -> None:
    counts = FieldCounts("channel", {"phone": 180, "chat": 14, "relay_deaf": 2, NO_ANSWER: 0}, 196)
    table = one_way_table(FORM, counts, 5)
    rows = {(r, c): v for _, r, c, v in table.long_rows()}
    assert rows[("phone", "count")] == "180"
    assert rows[("phone", "percent")] == "91.8"
    assert rows[("relay_deaf", "count")] == "<5"
    assert rows[("relay_deaf", "percent")] == "<5"
    assert rows[("interpreter", "count")] == "0"
    # relay_deaf alone could be worked out from the total: the next smallest goes too.
    assert rows[("chat", "count")] == "x" and rows[("chat", "percent")] == "x"
    assert rows[("total", "count")] == "196"
    assert [r for _, r, c, _ in table.long_rows() if c == "count"] == [
        "phone",
        "chat",
        "relay_deaf",
        "interpreter",
        "total",
    ]


def test_a_multiple_choice_shares_are_of_relevant_records() -> None:
    counts = FieldCounts("violence_types", {"psychological": 90, "physical": 45, "sexual": 3}, 100)
    table = one_way_table(FORM, counts, 5)
    rows = {(r, c): v for _, r, c, v in table.long_rows()}
    assert rows[("psychological", "percent")] == "90.0"
    assert rows[("physical", "percent")] == "45.0"
    assert rows[("sexual", "count")] == "<5"
    assert rows[("physical", "count")] == "45"  # no complement: the counts do not add up


def test_unanswered_relevant_records_have_a_row() -> None:
    counts = FieldCounts("victim_employment", {"employed": 20, NO_ANSWER: 30}, 50)
    table = one_way_table(FORM, counts, 5)
    assert table.rows[-1] == NO_ANSWER
    assert table.count(NO_ANSWER) == "30"
