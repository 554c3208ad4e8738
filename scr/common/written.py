"""Dates as a person reads them, the one way every sentence and document writes them."""

from __future__ import annotations

from datetime import date

from scr.vocabulary import DatePrecision


def written_date(day: date, precision: DatePrecision = DatePrecision.day) -> str:
    """'20 January 2025'; 'January 2025' for a month, '2025' for a year."""
    if precision == DatePrecision.year:
        return f"{day.year}"
    if precision == DatePrecision.month:
        return f"{day:%B %Y}"
    return f"{day.day} {day:%B %Y}"
