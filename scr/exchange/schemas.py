"""What clients send and receive about known identifiers, scans and imports."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from scr.common.schemas import ReadBase, WriteBase
from scr.common.types import LongText, ShortText, storable
from scr.exchange.scan import HitKind
from scr.vocabulary import IdentifierKind


class IdentifierCreate(WriteBase):
    text: ShortText = Field(
        examples=["Oakfield Primary"],
        description="A word or phrase that identifies the child or family: a real name, a "
        "nickname, a street, a school, a date of birth. Never exported.",
    )
    kind: IdentifierKind


class IdentifierRead(ReadBase):
    review_id: int
    text: str
    kind: IdentifierKind


RecordKey = Annotated[
    str,
    StringConstraints(
        max_length=40,
        pattern=r"^(review|chronology|participant|episode|factor|finding|link|tag|agency):[1-9][0-9]{0,9}$",
    ),
    Field(description="The record the text is in, as kind:id.", examples=["episode:12"]),
]


class HitRead(BaseModel):
    """A possible identifier in text that would leave the instance."""

    record: str = Field(examples=["episode:12"])
    name: str = Field(
        description="The record's name as the method gives it (scr.records.names).",
        examples=["KPE 3"],
    )
    field: str = Field(examples=["appraisal"])
    start: int
    end: int
    kind: HitKind
    text: str
    context: str = Field(
        description="The hit with the words around it, as written, on one line.",
        examples=["…said that Kayleigh Marlowe had not been seen…"],
    )
    status: Literal["open", "accepted"]
    reason: str | None = Field(description="Why a lead reviewer accepted it, if they did.")
    accepted_by: str | None
    accepted_at: datetime | None


class ScanRead(BaseModel):
    review_id: int
    revision: int
    open: int = Field(description="Hits neither fixed nor accepted: they block publication.")
    accepted: int
    hits: list[HitRead]


FieldName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(storable),
]


class AcceptanceCreate(WriteBase):
    """Accept one hit as not identifying, giving the reason; it holds until the text changes."""

    record: RecordKey
    field: FieldName
    kind: HitKind
    text: ShortText
    reason: LongText = Field(
        min_length=10,
        examples=["The date of the strategy meeting, not a date of birth."],
    )


class ImportLineReport(BaseModel):
    line: int
    reference: str | None = None
    outcome: Literal["imported", "replaced", "unchanged", "older", "refused", "withdrawn"]
    message: str


class ImportReport(BaseModel):
    """What an import did, line by line. ``accepted`` is false when the file as a whole was
    refused (then nothing was imported)."""

    accepted: bool
    problems: list[str] = Field(description="Faults of the file as a whole.")
    lines: list[ImportLineReport]
    imported: int
    replaced: int
    unchanged: int
    older: int
    refused: int
    withdrawn: int = Field(
        description="Withdrawal lines applied: reviews reopened, deleted or withheld at their "
        "source, removed here if held."
    )
