"""What clients send and receive about the multi-agency chronology."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from scr.chronology.models import ChronologyEntryFields
from scr.common.schemas import DescribedModel, DescribedRead, UpdateBase, WriteBase, reject_null
from scr.common.types import Id, LongText, ShortText, TimeOfDay, Version
from scr.vocabulary import DatePrecision


class ChronologyEntryCreate(ChronologyEntryFields, WriteBase):
    """A chronology entry, as a client writes it."""


class ChronologyEntryUpdate(UpdateBase, fields=ChronologyEntryFields):
    version: Version
    entry_date: date | None = None
    date_precision: DatePrecision | None = None
    entry_time: TimeOfDay | None = None
    agency_id: Id | None = None
    summary: LongText | None = None
    source: ShortText | None = None
    author_role: ShortText | None = None
    significant: bool | None = None

    _not_null = reject_null("entry_date", "date_precision", "agency_id", "summary", "significant")


class ChronologyFilters(BaseModel):
    """Which entries a list shows; every filter narrows."""

    significant: bool | None = Field(default=None, description="true: significant entries only.")
    q: ShortText | None = Field(
        default=None, description="Words that must all be in the summary, source or author role."
    )
    agency_id: Id | None = Field(default=None, description="Only this agency's entries.")
    date_from: date | None = Field(default=None, description="Entries on or after this day.")
    date_to: date | None = Field(default=None, description="Entries on or before this day.")


class ChronologyEntryRead(DescribedRead, fields=ChronologyEntryFields):
    review_id: int = Field(description="The review whose chronology it is in.")
    entry_date: date
    date_precision: DatePrecision
    entry_time: TimeOfDay | None
    agency_id: int
    summary: str
    source: str | None
    author_role: str | None
    significant: bool


class ChronologyImportOutcome(StrEnum):
    """What an import does with a row of an agency's spreadsheet."""

    imported = "imported"
    refused = "refused"
    duplicate = "duplicate"


class ChronologyImportRow(DescribedModel, fields=ChronologyEntryFields):
    """One row of the sheet, as the import reads it: the entry it makes, as far as it reads.

    Its entry's fields are described by ``ChronologyEntryFields``; each is empty where the
    row does not give it or it cannot be read (then the row is refused)."""

    row: int = Field(description="The row's number in the sheet, as the spreadsheet shows it.")
    outcome: ChronologyImportOutcome = Field(
        description="What the import does with the row: imports it, refuses it, or leaves it "
        "out as a duplicate of an entry already in the chronology."
    )
    reason: str | None = Field(
        default=None, description="Why it is refused, or which entry it repeats."
    )
    entry_date: date | None = None
    date_precision: DatePrecision | None = None
    entry_time: TimeOfDay | None = None
    summary: str | None = None
    source: str | None = None
    author_role: str | None = None
    significant: bool = False
    duplicate_of: int | None = Field(
        default=None, description="The id of the existing entry this row repeats."
    )


class ChronologyImportReport(BaseModel):
    """What an import of an agency's chronology found (a preview) or brought in (a commit)."""

    committed: bool = Field(description="False for a preview: nothing was written.")
    file_name: str = Field(description="The uploaded file's name.")
    sha256: str = Field(description="The file's SHA-256, to tell one upload from another.")
    agency_id: int = Field(description="The agency whose records the file holds.")
    agency_code: str = Field(description="That agency's code.")
    sheet: str = Field(description="The sheet read: a workbook's, or CSV.")
    sheets: list[str] = Field(
        default_factory=list,
        description="A workbook's visible sheets, in order, to choose another with `sheet`; "
        "empty for CSV.",
    )
    header_row: int = Field(
        description="The number of the row holding the headers, as the spreadsheet shows it."
    )
    headers: list[str] = Field(description="The sheet's columns, by their header text.")
    columns: dict[str, str] = Field(
        description="Which column fills each field (date, time, summary, source, significant, "
        "author_role), by its header text."
    )
    columns_from: Literal["given", "remembered", "guessed"] = Field(
        description="Where those columns came from: given with the upload, remembered from the "
        "board's last import from the agency, or guessed from the header names."
    )
    imported: int = Field(description="The rows imported (in a preview: that would be).")
    refused: int = Field(description="The rows refused; while any is, a commit imports nothing.")
    duplicates: int = Field(description="The rows left out as repeats of existing entries.")
    rows: list[ChronologyImportRow] = Field(description="Every row under the headers, in order.")
