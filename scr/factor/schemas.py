"""What clients send and receive about contributory factors."""

from __future__ import annotations

from pydantic import Field

from scr.common.schemas import DescribedRead, UpdateBase, WriteBase, reject_null
from scr.common.types import Code, LongText, Paragraph, Version
from scr.factor.models import FactorFields
from scr.vocabulary import FactorLevel

_CODES = (
    "Typology codes, recorded as your tags on the factor (the agreed ones, if you lead the review)."
)


class FactorCreate(FactorFields, WriteBase):
    typology_codes: list[Code] = Field(default_factory=list, max_length=50, description=_CODES)


class FactorUpdate(UpdateBase, fields=FactorFields):
    version: Version
    description: Paragraph | None = None
    level: FactorLevel | None = None
    detail: LongText | None = None
    typology_codes: list[Code] | None = Field(default=None, max_length=50, description=_CODES)

    _not_null = reject_null("description", "level", "typology_codes")


class FactorRead(DescribedRead, fields=FactorFields):
    review_id: int = Field(description="The review the factor belongs to.")
    name: str = Field(
        description="The factor's name: its number within the review, in the order factors "
        "were recorded (scr.records.names).",
        examples=["Factor 4"],
    )
    description: str
    level: FactorLevel
    detail: str | None
    typology_codes: list[str] = Field(
        description="The codes your coding gives the factor (the agreed ones, if you lead the "
        "review or do not code)."
    )
