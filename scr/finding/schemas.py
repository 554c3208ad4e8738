"""What clients send and receive about findings, their questions for the Board and actions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from scr.common.schemas import ReadBase, WriteBase, reject_null
from scr.common.types import Code, LongText, ShortText, Version, storable
from scr.vocabulary import ActionStatus, PatternKind

Question = Annotated[
    str, StringConstraints(min_length=1, max_length=2000), AfterValidator(storable)
]
"""A question for the Board (``Field(max_length=...)`` would not narrow a ``LongText``)."""


class BoardActionIn(WriteBase):
    description: LongText = Field(min_length=1)
    owner_role: ShortText | None = Field(default=None, examples=["Head of early help"])
    due_date: date | None = None
    status: ActionStatus = ActionStatus.planned


class BoardQuestionIn(WriteBase):
    question: Question
    board_response: LongText | None = None
    response_date: date | None = None
    actions: list[BoardActionIn] = Field(default_factory=list, max_length=50)


class FindingCreate(WriteBase):
    ordinal: int | None = Field(default=None, ge=1, le=10_000)
    title: ShortText
    statement: LongText = Field(min_length=1, description="The systemic issue, stated generally.")
    pattern_kind: PatternKind = PatternKind.unsafe
    category: Code | None = Field(
        default=None,
        description="The systemic pattern it shows, a typology code: recorded as your tag on "
        "the finding (the agreed one, if you lead the review).",
    )
    how_it_appeared: LongText | None = None
    evidence_beyond_case: LongText | None = Field(
        default=None, description="Why this is not peculiar to this case: data, audits, reviews."
    )
    why_it_matters: LongText | None = None
    questions: list[BoardQuestionIn] = Field(
        default_factory=list, max_length=50, description="Questions for the Board."
    )


class FindingUpdate(WriteBase):
    """Sending ``questions`` replaces the whole list (with their responses and actions)."""

    version: Version
    ordinal: int | None = Field(default=None, ge=1, le=10_000)
    title: ShortText | None = None
    statement: LongText | None = Field(default=None, min_length=1)
    pattern_kind: PatternKind | None = None
    category: Code | None = None
    how_it_appeared: LongText | None = None
    evidence_beyond_case: LongText | None = None
    why_it_matters: LongText | None = None
    questions: list[BoardQuestionIn] | None = Field(default=None, max_length=50)

    _not_null = reject_null("ordinal", "title", "statement", "pattern_kind", "questions")


class ActionNoteRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    noted_on: date
    note: str
    created_at: datetime
    created_by: str | None


class BoardActionRead(ReadBase):
    ordinal: int
    description: str
    owner_role: str | None
    agency_id: int | None
    due_date: date | None
    status: ActionStatus
    evidence_of_impact: str | None
    notes: list[ActionNoteRead]


class BoardQuestionRead(ReadBase):
    ordinal: int
    question: str
    board_response: str | None
    response_date: date | None
    actions: list[BoardActionRead]


class FindingRead(ReadBase):
    # (every answer carries category: the schema says so, though it has a default)
    model_config = ConfigDict(
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    review_id: int
    ordinal: int
    title: str
    statement: str
    pattern_kind: PatternKind
    category: str | None = Field(
        default=None,
        description="The first of the codes your coding gives the finding (the agreed ones, if "
        "you lead the review or do not code).",
    )
    how_it_appeared: str | None
    evidence_beyond_case: str | None
    why_it_matters: str | None
    questions: list[BoardQuestionRead]
