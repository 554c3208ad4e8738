"""What clients send and receive about findings, their questions for the Board and actions."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ConfigDict, Field

from scr.common.schemas import (
    DescribedModel,
    DescribedRead,
    UpdateBase,
    WriteBase,
    reject_null,
)
from scr.common.types import Code, LongText, ShortText, Version
from scr.finding.models import (
    ActionFields,
    ActionNoteFields,
    BoardActionFields,
    BoardQuestionFields,
    FindingFields,
)
from scr.vocabulary import ActionStatus, PatternKind

_ORDINAL = "Its number in the list; next when omitted."
_ORDINAL_READ = "Its number in the list."


class BoardActionIn(BoardActionFields, WriteBase):
    """An action the Board agreed, as a client writes it."""


_QUESTIONS_ACTIONS = "The actions the Board agreed in response, in order."


class BoardQuestionIn(BoardQuestionFields, WriteBase):
    """A question for the Board, as a client writes it."""

    actions: list[BoardActionIn] = Field(
        default_factory=list, max_length=50, description=_QUESTIONS_ACTIONS
    )


_CATEGORY = (
    "The systemic pattern it shows, a typology code: recorded as your tag on the finding (the "
    "agreed one, if you lead the review)."
)
_QUESTIONS = "Questions for the Board."


class FindingCreate(FindingFields, WriteBase):
    __field_order__ = (
        "ordinal",
        "title",
        "statement",
        "pattern_kind",
        "category",
        "how_it_appeared",
        "evidence_beyond_case",
        "why_it_matters",
        "questions",
    )

    ordinal: int | None = Field(default=None, ge=1, le=10_000, description=_ORDINAL)
    category: Code | None = Field(default=None, description=_CATEGORY)
    questions: list[BoardQuestionIn] = Field(
        default_factory=list, max_length=50, description=_QUESTIONS
    )


class FindingUpdate(UpdateBase, fields=FindingFields):
    """Sending ``questions`` replaces the whole list (with their responses and actions)."""

    version: Version
    ordinal: int | None = Field(default=None, ge=1, le=10_000, description=_ORDINAL)
    title: ShortText | None = None
    statement: LongText | None = None
    pattern_kind: PatternKind | None = None
    category: Code | None = Field(default=None, description=_CATEGORY)
    how_it_appeared: LongText | None = None
    evidence_beyond_case: LongText | None = None
    why_it_matters: LongText | None = None
    questions: list[BoardQuestionIn] | None = Field(
        default=None, max_length=50, description=_QUESTIONS
    )

    _not_null = reject_null("ordinal", "title", "statement", "pattern_kind", "questions")


class ActionNoteRead(DescribedModel, fields=ActionNoteFields):
    id: int = Field(description="The note's number.")
    noted_on: date
    note: str
    created_at: datetime = Field(description="When the note was recorded (UTC).")
    created_by: str | None = Field(description="Who recorded it (their user name).")


class BoardActionRead(DescribedRead, fields=ActionFields):
    ordinal: int = Field(description=_ORDINAL_READ)
    description: str
    owner_role: str | None
    agency_id: int | None
    due_date: date | None
    status: ActionStatus
    evidence_of_impact: str | None
    notes: list[ActionNoteRead] = Field(description="Dated notes of progress, earliest first.")


class BoardQuestionRead(DescribedRead, fields=BoardQuestionFields):
    ordinal: int = Field(description=_ORDINAL_READ)
    question: str
    board_response: str | None
    response_date: date | None
    actions: list[BoardActionRead] = Field(description=_QUESTIONS_ACTIONS)


class FindingRead(DescribedRead, fields=FindingFields):
    # (every answer carries category: the schema says so, though it has a default)
    model_config = ConfigDict(
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    review_id: int = Field(description="The review the finding belongs to.")
    ordinal: int = Field(description=_ORDINAL_READ)
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
    questions: list[BoardQuestionRead] = Field(description=_QUESTIONS)
