"""What clients send and receive about the multi-agency chronology."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from scr.common.schemas import ReadBase, WriteBase, reject_null
from scr.common.types import Id, LongText, ShortText, Version
from scr.vocabulary import DatePrecision


class ChronologyEntryCreate(WriteBase):
    entry_date: date = Field(description="For a month or year, any day in it (e.g. the 1st).")
    date_precision: DatePrecision = DatePrecision.day
    agency_id: Id
    summary: LongText = Field(min_length=1)
    source: ShortText | None = Field(default=None, examples=["GP records"])
    significant: bool = False


class ChronologyEntryUpdate(WriteBase):
    version: Version
    entry_date: date | None = None
    date_precision: DatePrecision | None = None
    agency_id: Id | None = None
    summary: LongText | None = Field(default=None, min_length=1)
    source: ShortText | None = None
    significant: bool | None = None

    _not_null = reject_null("entry_date", "date_precision", "agency_id", "summary", "significant")


class ChronologyEntryRead(ReadBase):
    review_id: int
    entry_date: date
    date_precision: DatePrecision
    agency_id: int
    summary: str
    source: str | None
    significant: bool
