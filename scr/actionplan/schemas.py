"""What clients send and receive about a board's action plan across its reviews."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from scr.common.schemas import UpdateBase, WriteBase, reject_null
from scr.common.types import Id, LongText, ShortText, Version
from scr.finding.models import ActionFields, ActionNoteFields, BoardQuestionFields
from scr.finding.schemas import BoardActionRead
from scr.vocabulary import ActionStatus, ReviewStatus

OPEN = (ActionStatus.planned, ActionStatus.in_progress)
"""The statuses of an action still to be done: past its due date, such an action is overdue."""


class ActionFilters(BaseModel):
    """Which of the board's actions to list; every filter given must hold."""

    status: ActionStatus | None = Field(default=None, description="Only actions at this status.")
    overdue: bool | None = Field(
        default=None, description="Only actions past their due date and not done or dropped."
    )
    agency_id: Id | None = Field(default=None, description="Only the actions this agency owns.")
    review_id: Id | None = Field(
        default=None, description="Only the actions answering this review's questions."
    )


class ActionPlanItem(BoardActionRead):
    """An action with the review, finding and question it answers."""

    overdue: bool = Field(description="Past its due date and neither done nor dropped.")
    agency_name: str | None = Field(description="The name of the agency that owns it.")
    review_id: int = Field(description="The review whose finding's question it answers.")
    review_reference: str = Field(description="That review's reference.")
    review_status: ReviewStatus = Field(description="Where that review stands.")
    finding_id: int = Field(description="The finding whose question it answers.")
    finding_ordinal: int = Field(description="That finding's number in its review.")
    finding_title: str = Field(description="That finding's title.")
    question_id: int = Field(description="The question for the Board it answers.")
    question_ordinal: int = Field(description="That question's number in its finding.")
    question: str = Field(description="The question, as the review poses it to the Board.")
    question_version: int = Field(
        description="The question's version: send it back with a change to the Board's response."
    )
    board_response: str | None = Field(description="The Board's response to the question.")
    response_date: date | None = Field(description="When the Board responded.")


class ActionCreate(ActionFields, WriteBase):
    """An action the Board adds after publication (the exchange's action, with an agency)."""


class ActionUpdate(UpdateBase, fields=ActionFields):
    """A board member's change to an action; send the version you read."""

    version: Version
    description: LongText | None = None
    owner_role: ShortText | None = None
    agency_id: Id | None = None
    due_date: date | None = None
    status: ActionStatus | None = None
    evidence_of_impact: LongText | None = None

    _not_null = reject_null("description", "status")


class ActionNoteCreate(ActionNoteFields, WriteBase):
    """A dated note of the progress made on an action."""


class ResponseUpdate(UpdateBase, fields=BoardQuestionFields):
    """The Board's response to a question for it; send the question's version you read."""

    version: Version
    board_response: LongText | None = None
    response_date: date | None = None
