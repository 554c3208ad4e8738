"""Dates as agencies write them, with the precision kept."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from scr.chronology.dates import read_date, read_time

DAY, MONTH, YEAR = "day", "month", "year"


@pytest.mark.parametrize(
    ("written", "day", "precision", "clock"),
    [
        ("03/04/2019", date(2019, 4, 3), DAY, None),
        ("3/4/19", date(2019, 4, 3), DAY, None),
        ("03-04-2019", date(2019, 4, 3), DAY, None),
        ("03.04.2019", date(2019, 4, 3), DAY, None),
        ("2019-04-03", date(2019, 4, 3), DAY, None),
        ("3 April 2019", date(2019, 4, 3), DAY, None),
        ("3rd Apr 2019", date(2019, 4, 3), DAY, None),
        ("03/04/2019 14:30", date(2019, 4, 3), DAY, time(14, 30)),
        ("03/04/2019 2.30pm", date(2019, 4, 3), DAY, time(14, 30)),
        ("03/04/2019 2pm", date(2019, 4, 3), DAY, time(14, 0)),
        ("3 April 2019, 9 a.m.", date(2019, 4, 3), DAY, time(9, 0)),
        ("2019-04-03T10:00:00", date(2019, 4, 3), DAY, time(10, 0)),
        ("April 2019", date(2019, 4, 1), MONTH, None),
        ("Sept 2019", date(2019, 9, 1), MONTH, None),
        ("04/2019", date(2019, 4, 1), MONTH, None),
        ("2019-04", date(2019, 4, 1), MONTH, None),
        ("2019", date(2019, 1, 1), YEAR, None),
        (2019, date(2019, 1, 1), YEAR, None),
        (2019.0, date(2019, 1, 1), YEAR, None),
        (datetime(2019, 4, 3, 9, 5), date(2019, 4, 3), DAY, time(9, 5)),
        (datetime(2019, 4, 3), date(2019, 4, 3), DAY, None),
        (date(2019, 4, 3), date(2019, 4, 3), DAY, None),
    ],
)
def test_a_date_is_read_day_first_with_its_precision(
    written: object, day: date, precision: str, clock: time | None
) -> None:
    read = read_date(written)
    assert (read.day, read.precision.value, read.time) == (day, precision, clock)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("31/02/2019", "the date '31/02/2019' is not a day of the calendar"),
        ("13/13/2019", "is not a day of the calendar"),
        ("soon after", "is not one the import can read"),
        ("", "it has no date"),
        (None, "it has no date"),
        ("03/04/2019 25:00", "the time '25:00' is not a time of day"),
    ],
)
def test_what_is_no_date_says_why(written: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("(", r"\(")):
        read_date(written)


def test_times_come_as_cells_or_as_agencies_write_them() -> None:
    assert read_time(time(9, 15)) == time(9, 15)
    assert read_time("14.30") == time(14, 30)
    assert read_time("12.15am") == time(0, 15)
    assert read_time("12:15 p.m.") == time(12, 15)
    assert read_time("2pm") == time(14, 0)
    assert read_time("12 am") == time(0, 0)
    assert read_time(" ") is None
    for not_a_time in ("lunchtime", "13pm", "0am", "14"):
        with pytest.raises(ValueError, match="not a time of day"):
            read_time(not_a_time)
