"""The multi-agency chronology: dated entries, each from one agency."""

from datetime import date, time

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
    entry_time: time | None = None
    agency_id: int = Field(foreign_key="agency.id", index=True)
    summary: str = Field(sa_type=sa.Text)
    source: str | None = Field(default=None, max_length=200)
    author_role: str | None = Field(default=None, max_length=200)
    significant: bool = False


def earliest(day: date, precision: DatePrecision) -> date:
    """The first day of the period ``day`` stands for at ``precision``."""
    if precision == DatePrecision.year:
        return day.replace(month=1, day=1)
    if precision == DatePrecision.month:
        return day.replace(day=1)
    return day


class ChronologyColumns(Tracked, table=True):
    """How one agency's spreadsheets name their columns, remembered for a board's next import.

    ``columns`` maps an entry's field (``scr.chronology.columns.FIELDS``) to a header's text.
    Kept per board and agency: the same agency (a police force, say) sends the same layout to
    every review of the partnership.
    """

    __tablename__ = "chronology_columns"
    __table_args__ = (sa.UniqueConstraint("board_id", "agency_id"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id")
    agency_id: int = Field(foreign_key="agency.id", index=True)
    columns: dict[str, str] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
