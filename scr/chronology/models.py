"""The multi-agency chronology: dated entries, each from one agency."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, enum_type
from scr.common.types import Id, LongText, ShortText, TimeOfDay
from scr.vocabulary import DatePrecision


class ChronologyEntryFields(SQLModel):
    """A chronology entry's fields a client writes: the table and its schemas share them."""

    entry_date: date = Field(
        description="The day it happened; for a month or year, any day in it (e.g. the 1st)."
    )
    date_precision: DatePrecision = Field(
        default=DatePrecision.day,
        sa_type=enum_type(DatePrecision),
        description="How precise the date is: the day, the month or only the year.",
    )
    entry_time: TimeOfDay | None = Field(
        default=None, sa_type=sa.Time, description="The time of day, where known."
    )
    agency_id: Id = Field(
        foreign_key="agency.id", index=True, description="The agency whose record it is."
    )
    summary: LongText = Field(
        min_length=1, sa_type=sa.Text, description="What the agency's record says happened."
    )
    source: ShortText | None = Field(
        default=None,
        sa_type=sa.String(200),
        description="Where in the agency's records it comes from.",
        schema_extra={"examples": ["GP records"]},
    )
    author_role: ShortText | None = Field(
        default=None,
        sa_type=sa.String(200),
        description="Who wrote the record, by role.",
        schema_extra={"examples": ["health visitor 1"]},
    )
    significant: bool = Field(
        default=False, description="Whether the reviewers marked the entry significant."
    )


class ChronologyEntry(ChronologyEntryFields, Tracked, table=True):
    __tablename__ = "chronology_entry"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)


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
