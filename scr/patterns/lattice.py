"""The fixed lattice of cells that a question from outside a board's own view may select.

Cell-key noise is the same for the same reviews, so asking one question again gives nothing
new; but many different routes to one small cell (a region less its other boards, all age
bands less the others, the same with every filter in turn) each carry their own noise, and
their average would narrow it. So outside a board's own view every filter selects one cell of
a fixed classification, and never an arbitrary set: each attribute is one value or all of
them; geography is one board, one region, or England; time is one year, a fixed three-year
period, or every year; at most one context code and one kind of record. Everything else is
refused with a sentence that says what may be asked.
"""

from __future__ import annotations

from collections.abc import Sequence

from scr.errors import InvalidInput
from scr.patterns.schemas import PatternFilters
from scr.vocabulary import ReviewStatus

PERIOD_YEARS = 3
"""Fixed periods: three years, beginning in a year divisible by three (2019 to 2021, ...)."""

_OUTSIDE = "Outside your partnership's own view"


def _one(values: Sequence[object], field: str, what: str) -> None:
    if len(values) > 1:
        raise InvalidInput(
            f"{_OUTSIDE}, figures are given for one {what} or for all of them: choose one.",
            field=("query", field),
        )


def is_period(year_from: int, year_to: int) -> bool:
    return year_from % PERIOD_YEARS == 0 and year_to == year_from + PERIOD_YEARS - 1


def check(filters: PatternFilters) -> None:
    """Refuse a question that does not select one cell of the lattice."""
    if filters.board and filters.region:
        raise InvalidInput(
            f"{_OUTSIDE}, figures are given for one partnership, one region or England: "
            "name a partnership or a region, not both.",
            field=("query", "region"),
        )
    _one(filters.board, "board", "partnership")
    _one(filters.region, "region", "region")
    _one(filters.review_type, "review_type", "type of review")
    _one(filters.outcome, "outcome", "outcome")
    _one(filters.age_band, "age_band", "age band")
    _one(filters.kind, "kind", "kind of record")
    _one(filters.context, "context", "case-context code")
    if any(status != ReviewStatus.published for status in filters.status):
        raise InvalidInput(
            f"{_OUTSIDE}, only published reviews are counted: leave the status out, or ask "
            "for published reviews.",
            field=("query", "status"),
        )
    first, last = filters.year_from, filters.year_to
    if first is None and last is None:
        return
    if first is None or last is None or not (first == last or is_period(first, last)):
        raise InvalidInput(
            f"{_OUTSIDE}, figures are given for every year, for one year (the same first and "
            "last year), or for a fixed three-year period beginning in a year divisible by "
            "three (for example 2019 to 2021).",
            field=("query", "year_to" if first is not None else "year_from"),
        )
