"""A case review: the window on the system that everything else belongs to."""

import secrets
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, UtcDateTime, enum_column, utcnow
from scr.vocabulary import AgeBand, LearningTogetherSize, Outcome, ReviewStatus, ReviewType

RECORD_KEYS = 2**30
"""Record keys are drawn uniformly from 0 to RECORD_KEYS - 1 (see scr/patterns/disclosure.py)."""


def new_record_key() -> int:
    """A review's fixed random record key, drawn once when the review is created here."""
    return secrets.randbelow(RECORD_KEYS)


class Review(Tracked, table=True):
    __tablename__ = "review"
    __table_args__ = (
        sa.UniqueConstraint("board_id", "reference"),
        # What the pattern index's fingerprint sums on every pattern request
        # (scr/patterns/index/load.py): read from this index, not from the wide rows.
        sa.Index("ix_review_fingerprint", "id", "revision", "revised_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True)
    reference: str = Field(max_length=200)
    child_pseudonym: str = Field(max_length=200)
    review_type: ReviewType = Field(sa_column=enum_column(ReviewType))
    learning_together_size: LearningTogetherSize | None = Field(
        default=None, sa_column=enum_column(LearningTogetherSize, nullable=True)
    )
    status: ReviewStatus = Field(default=ReviewStatus.scoping, sa_column=enum_column(ReviewStatus))
    incident_date: date | None = None
    notification_date: date | None = None
    start_date: date | None = None
    publication_date: date | None = None
    scope_start: date | None = None
    scope_end: date | None = None
    child_age_band: AgeBand | None = Field(
        default=None, sa_column=enum_column(AgeBand, nullable=True)
    )
    outcome: Outcome | None = Field(default=None, sa_column=enum_column(Outcome, nullable=True))
    # Its case-context codes are tags (scr/tag/form.py), not a column.
    case_summary: str | None = Field(default=None, sa_type=sa.Text)
    # What the published report says beside the analysis (scr/report): each is scanned.
    reason_for_review: str | None = Field(default=None, sa_type=sa.Text)
    family_composition: list[dict[str, str]] = Field(
        default_factory=list, sa_type=sa.JSON, nullable=False
    )
    independence: str | None = Field(default=None, sa_type=sa.Text)
    methodological_comment: str | None = Field(default=None, sa_type=sa.Text)
    acknowledgements: str | None = Field(default=None, sa_type=sa.Text)
    rapid_review_date: date | None = None
    rapid_review_outcome: str | None = Field(default=None, sa_type=sa.Text)
    # SCIE's quality markers someone has assessed, each {"marker", "status", "note"}
    # (scr/review/quality.py gives all 18 in order).
    quality_markers: list[dict[str, str | None]] = Field(
        default_factory=list, sa_type=sa.JSON, nullable=False
    )
    # Why a lead reviewer moved the review on while blocking completeness checks failed.
    checks_override_reason: str | None = Field(default=None, sa_type=sa.Text)
    checks_overridden_by: str | None = Field(default=None, max_length=200)
    checks_overridden_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    # Bumped once by every transaction that changes the review or anything it holds (see
    # scr/review/revision.py): what the national exchange keys a review's copies by.
    revision: int = Field(default=1, nullable=False)
    revised_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, index=True)
    # The revision at which the identifier scan last found nothing open (fixed or accepted).
    cleared_revision: int | None = None
    # The cell key method's record key: fixed for the review's life here, never exported, so
    # that the same reviews always get the same published figure (scr/patterns/disclosure.py).
    record_key: int = Field(default_factory=new_record_key, nullable=False)


class ReviewReopening(SQLModel, table=True):
    """A lead reviewer's reopening of a published review, with the reason: the review left
    every export then, until it passed the gate and was published again."""

    __tablename__ = "review_reopening"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    reason: str = Field(sa_type=sa.Text)
    reopened_by: str | None = Field(default=None, max_length=200)
    reopened_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
    revision: int = Field(description="The published revision that was withdrawn.")
