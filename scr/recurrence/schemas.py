"""What clients send and receive about findings found before."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from scr.common.schemas import WriteBase
from scr.common.types import MAX_INT


class FoundBeforeCreate(WriteBase):
    earlier_finding_id: int = Field(
        ge=1, le=MAX_INT, description="The earlier finding (of another review) this one repeats."
    )


class EarlierFinding(BaseModel):
    """A finding of another review, named as the method names it."""

    finding_id: int
    review_id: int
    reference: str
    board_id: int
    board_name: str
    name: str = Field(examples=["Finding 2"])
    title: str | None = Field(
        default=None, description="Only while you may read that review's findings."
    )


class FoundBeforeRead(BaseModel):
    id: int
    finding_id: int
    earlier: EarlierFinding
    found_before: str = Field(
        examples=["Found before in Testshire Safeguarding Partnership TST-1, Finding 2"]
    )
    created_at: datetime
    updated_by: str | None


class SharedCode(BaseModel):
    code: str
    label: str


class Suggestion(BaseModel):
    """An earlier finding like this one, and why it was suggested."""

    earlier: EarlierFinding
    statement: str
    scope: Literal["partnership", "national"] = Field(
        description="partnership: a review of the same partnership; national: a published "
        "review of another partnership."
    )
    shared_codes: list[SharedCode] = Field(description="Agreed typology codes both carry.")
    shared_words: list[str] = Field(description="The words both statements use that weigh most.")
    text_score: float = Field(description="BM25 similarity of the titles and statements.")


class CameBack(BaseModel):
    """A later finding in which an earlier one came back."""

    finding_id: int
    review_id: int
    reference: str
    name: str


class RecurringFinding(BaseModel):
    """A finding of the partnership that came back in later reviews, and how often."""

    earlier: EarlierFinding
    came_back: int = Field(description="How many later findings it came back in.")
    reviews: int = Field(description="How many later reviews those findings are in.")
    later: list[CameBack]
