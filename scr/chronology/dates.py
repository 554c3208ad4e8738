"""Dates and times as agencies write them in their chronologies, with the precision kept.

England's records are day first: ``03/04/2019`` is the 3rd of April. A record may give a day
(``3/4/19``, ``3 April 2019``, ``2019-04-03``), with or without a time (``03/04/2019 14:30``,
``3 April 2019 2pm``),
only a month (``April 2019``, ``04/2019``) or only a year (``2019``). A spreadsheet's own date
cells arrive as dates. A two-digit year is read as 20yy up to the current year's, else 19yy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from scr.vocabulary import MONTH_NAMES, DatePrecision

_MONTHS = MONTH_NAMES
_MONTH = "(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_TIME = rf"(?:[t ,]+(?P<time>{_CLOCK}))?"
_SEP = r"[/.\-]"

_PATTERNS: list[tuple[re.Pattern[str], DatePrecision]] = [
    (
        re.compile(rf"(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}}){_TIME}"),
        DatePrecision.day,
    ),
    (
        re.compile(
            rf"(?P<day>\d{{1,2}}){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<year>\d{{4}}|\d{{2}}){_TIME}"
        ),
        DatePrecision.day,
    ),
    (
        re.compile(
            rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \-]+{_MONTH}[ \-,]+(?P<year>\d{{4}}){_TIME}"
        ),
        DatePrecision.day,
    ),
    (re.compile(rf"{_MONTH}[ \-,]+(?P<year>\d{{4}})"), DatePrecision.month),
    (re.compile(rf"(?P<month>\d{{1,2}}){_SEP}(?P<year>\d{{4}})"), DatePrecision.month),
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})"), DatePrecision.month),
    (re.compile(r"(?P<year>\d{4})"), DatePrecision.year),
]
_TIME_ALONE = re.compile(rf"(?P<time>{_CLOCK})")


@dataclass(frozen=True)
class AgencyDate:
    """A chronology date: for a month or a year, its first day."""

    day: date
    precision: DatePrecision
    time: time | None = None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        this_year = date.today().year % 100
        year += 2000 if year <= this_year else 1900
    return year


def _clock(text: str) -> time:
    """``14:30``, ``14.30.05``, ``2.30pm``, ``2pm``; ValueError if it is no time of day."""
    clock = re.sub(r"\s+", "", text.lower())
    half = re.fullmatch(r"(.*?)([ap])\.?m\.?", clock)
    if half:
        clock = half.group(1)
    hour, minute, second = ([int(p) for p in re.split(r"[:.]", clock)] + [0, 0])[:3]
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if half.group(2) == "p" else 0)
    return time(hour, minute, second)


def read_date(value: object) -> AgencyDate:
    """The date a chronology cell holds; ValueError with a sentence a reviewer understands."""
    if isinstance(value, datetime):
        clock = value.time() if value.time() != time(0) else None
        return AgencyDate(value.date(), DatePrecision.day, clock)
    if isinstance(value, date):
        return AgencyDate(value, DatePrecision.day)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1800 <= value <= 2200:
        return AgencyDate(date(value, 1, 1), DatePrecision.year)
    text = str(value).strip() if value is not None else ""
    if not text:
        raise ValueError("it has no date")
    for pattern, precision in _PATTERNS:
        match = pattern.fullmatch(text.lower())
        if match is None:
            continue
        parts = match.groupdict()
        month = _MONTHS[parts["month_name"]] if parts.get("month_name") else parts.get("month")
        try:
            day = date(_year(parts["year"]), int(month or 1), int(parts.get("day") or 1))
        except ValueError:
            raise ValueError(f"the date {text!r} is not a day of the calendar") from None
        return AgencyDate(day, precision, read_time(parts.get("time")))
    raise ValueError(
        f"the date {text!r} is not one the import can read (write it day first, e.g. "
        "03/04/2019, 3 April 2019, April 2019 or 2019)"
    )


def read_time(value: object) -> time | None:
    """The time of day a cell holds, or None if it is empty; ValueError if it is no time."""
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    if _TIME_ALONE.fullmatch(text.lower()) is None:
        raise ValueError(f"the time {text!r} is not a time of day (e.g. 14:30 or 2.30pm)")
    try:
        return _clock(text)
    except ValueError:
        raise ValueError(f"the time {text!r} is not a time of day (e.g. 14:30 or 2.30pm)") from None
