"""What clients send and receive about a board's action plan across its reviews."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from scr.common.schemas import WriteBase, reject_null
from scr.common.types import Id, LongText, ShortText, Version
from scr.finding.schemas import BoardActionIn, BoardActionRead
from scr.vocabulary import ActionStatus, ReviewStatus

OPEN = (ActionStatus.planned, ActionStatus.in_progress)
"""The statuses of an action still to be done: past its due date, such an action is overdue."""


class ActionFilters(BaseModel):
    """Which of the board's actions to list; every filter given must hold."""

    status: ActionStatus | None = None
    overdue: bool | None = Field(
        default=None, description="Only actions past their due date and not done or dropped."
    )
    agency_id: Id | None = None
    review_id: Id | None = None


class ActionPlanItem(BoardActionRead):
    """An action with the review, finding and question it answers."""

    overdue: bool
    agency_name: str | None
    review_id: int
    review_reference: str
    review_status: ReviewStatus
    finding_id: int
    finding_ordinal: int
    finding_title: str
    question_id: int
    question_ordinal: int
    question: str
    question_version: int
    board_response: str | None
    response_date: date | None


class ActionCreate(BoardActionIn):
    """An action the Board adds after publication (the exchange's action, with an agency)."""

    agency_id: Id | None = Field(default=None, description="The agency that owns the action.")
    evidence_of_impact: LongText | None = None


class ActionUpdate(WriteBase):
    """A board member's change to an action; send the version you read."""

    version: Version
    description: LongText | None = Field(default=None, min_length=1)
    owner_role: ShortText | None = None
    agency_id: Id | None = None
    due_date: date | None = None
    status: ActionStatus | None = None
    evidence_of_impact: LongText | None = None

    _not_null = reject_null("description", "status")


class ActionNoteCreate(WriteBase):
    noted_on: date = Field(description="When the progress was made or reported.")
    note: LongText = Field(min_length=1)


class ResponseUpdate(WriteBase):
    """The Board's response to a question for it; send the question's version you read."""

    version: Version
    board_response: LongText | None = None
    response_date: date | None = None
