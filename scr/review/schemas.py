"""What clients send and receive about reviews."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from scr.common.schemas import ReadBase, WriteBase, reject_null
from scr.common.types import Code, Id, LongText, ShortText, Version
from scr.vocabulary import AgeBand, LearningTogetherSize, Outcome, ReviewStatus, ReviewType


class ReviewFields(WriteBase):
    """A review's own fields, without the board it belongs to."""

    reference: ShortText = Field(examples=["NBY-2025-01"])
    child_pseudonym: ShortText = Field(
        examples=["Child S"], description="A pseudonym, never the child's name."
    )
    review_type: ReviewType
    learning_together_size: LearningTogetherSize | None = None
    status: ReviewStatus = ReviewStatus.scoping
    incident_date: date | None = None
    notification_date: date | None = None
    start_date: date | None = None
    publication_date: date | None = None
    scope_start: date | None = None
    scope_end: date | None = None
    child_age_band: AgeBand | None = None
    outcome: Outcome | None = None
    context_codes: list[Code] = Field(default_factory=list, max_length=50)
    case_summary: LongText | None = None


class ReviewCreate(ReviewFields):
    board_id: Id


class ReviewUpdate(WriteBase):
    """Only the fields sent change; ``version`` must be the one you read."""

    version: Version
    reference: ShortText | None = None
    child_pseudonym: ShortText | None = None
    review_type: ReviewType | None = None
    learning_together_size: LearningTogetherSize | None = None
    status: ReviewStatus | None = None
    incident_date: date | None = None
    notification_date: date | None = None
    start_date: date | None = None
    publication_date: date | None = None
    scope_start: date | None = None
    scope_end: date | None = None
    child_age_band: AgeBand | None = None
    outcome: Outcome | None = None
    context_codes: list[Code] | None = Field(default=None, max_length=50)
    case_summary: LongText | None = None
    checks_override_reason: LongText | None = Field(
        default=None,
        min_length=10,
        description="Moving to draft or published while blocking checks fail needs a lead "
        "reviewer's written reason; it is kept with the review.",
    )

    _not_null = reject_null(
        "reference", "child_pseudonym", "review_type", "status", "context_codes"
    )


class ReviewReopen(WriteBase):
    """Reopen a published review: send the version you read and why."""

    version: Version
    reason: LongText = Field(
        min_length=10,
        examples=["The family's solicitor found a street name in finding 2."],
        description="Why the published review is reopened; kept with the review and audited.",
    )


class ReviewRead(ReadBase):
    board_id: int
    reference: str
    child_pseudonym: str
    review_type: ReviewType
    learning_together_size: LearningTogetherSize | None
    status: ReviewStatus
    incident_date: date | None
    notification_date: date | None
    start_date: date | None
    publication_date: date | None
    scope_start: date | None
    scope_end: date | None
    child_age_band: AgeBand | None
    outcome: Outcome | None
    context_codes: list[str]
    case_summary: str | None
    checks_override_reason: str | None
    checks_overridden_by: str | None
    checks_overridden_at: datetime | None


class ReviewFilters(BaseModel):
    """Filters of the review list; ``year`` is the year the review was notified."""

    board_id: Id | None = None
    status: ReviewStatus | None = None
    review_type: ReviewType | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
