"""The multi-agency chronology: dated entries, each from one agency."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field

from scr.common.columns import Tracked, enum_column
from scr.vocabulary import DatePrecision


class ChronologyEntry(Tracked, table=True):
    __tablename__ = "chronology_entry"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    entry_date: date
    date_precision: DatePrecision = Field(
        default=DatePrecision.day, sa_column=enum_column(DatePrecision)
    )
    agency_id: int = Field(foreign_key="agency.id", index=True)
    summary: str = Field(sa_type=sa.Text)
    source: str | None = Field(default=None, max_length=200)
    significant: bool = False


def earliest(day: date, precision: DatePrecision) -> date:
    """The first day of the period ``day`` stands for at ``precision``."""
    if precision == DatePrecision.year:
        return day.replace(month=1, day=1)
    if precision == DatePrecision.month:
        return day.replace(day=1)
    return day
