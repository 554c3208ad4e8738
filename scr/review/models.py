"""A case review: the window on the system that everything else belongs to."""

import secrets
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, UtcDateTime, enum_column, enum_type, narrative, utcnow
from scr.common.types import LongText, ShortText
from scr.vocabulary import AgeBand, LearningTogetherSize, Outcome, ReviewStatus, ReviewType

RECORD_KEYS = 2**30
"""Record keys are drawn uniformly from 0 to RECORD_KEYS - 1 (see scr/patterns/disclosure.py)."""


def new_record_key() -> int:
    """A review's fixed random record key, drawn once when the review is created here."""
    return secrets.randbelow(RECORD_KEYS)


class ReviewFields(SQLModel):
    """A review's fields a client writes: the table and its schemas share them.

    Not the board it belongs to or its status (a review is opened at scoping, and a file
    carries the status it was exported at), nor what the table holds in another form than a
    client writes it (``Review``'s comments say which)."""

    reference: ShortText = Field(
        sa_type=sa.String(200),
        description="The partnership's own reference for the review, unique within the board.",
        schema_extra={"examples": ["NBY-2025-01"]},
    )
    child_pseudonym: ShortText = Field(
        sa_type=sa.String(200),
        description="A pseudonym, never the child's name.",
        schema_extra={"examples": ["Child S"]},
    )
    review_type: ReviewType = Field(
        sa_type=enum_type(ReviewType),
        description="What kind of review it is: a serious case review (to 2018), a rapid "
        "review, a local child safeguarding practice review, a themed review or other.",
    )
    learning_together_size: LearningTogetherSize | None = Field(
        default=None,
        sa_type=enum_type(LearningTogetherSize),
        description="How large a Learning Together review it is: full, intensive, speed+, "
        "mid-range, focused or themed.",
    )
    incident_date: date | None = Field(
        default=None, description="When the incident that led to the review happened."
    )
    notification_date: date | None = Field(
        default=None, description="When the incident was notified (the year lists filter by)."
    )
    start_date: date | None = Field(default=None, description="When the review began.")
    publication_date: date | None = Field(
        default=None, description="When the review's report was published."
    )
    scope_start: date | None = Field(
        default=None, description="The first day of the period the review looks at."
    )
    scope_end: date | None = Field(
        default=None, description="The last day of the period the review looks at."
    )
    child_age_band: AgeBand | None = Field(
        default=None,
        sa_type=enum_type(AgeBand),
        description="The child's age when the incident happened, as a band, never a date of birth.",
    )
    outcome: Outcome | None = Field(
        default=None,
        sa_type=enum_type(Outcome),
        description="What happened to the child: death or serious harm.",
    )
    # Its case-context codes are tags (scr/tag/form.py), not a column.
    case_summary: LongText | None = narrative("A short account of the case and the family.")
    # What the published report says beside the analysis (scr/report): each is scanned.
    reason_for_review: LongText | None = narrative(
        "Why this case was reviewed: the criteria it met."
    )
    independence: LongText | None = narrative(
        "The lead reviewers' independence of the agencies involved."
    )
    methodological_comment: LongText | None = narrative(
        "Methodological comment and the review's limitations."
    )
    acknowledgements: LongText | None = narrative(
        "Who the review thanks for taking part, by role and agency, never by name."
    )
    rapid_review_date: date | None = Field(
        default=None, description="When the rapid review that preceded the review was held."
    )
    rapid_review_outcome: LongText | None = narrative("What the rapid review decided, and why.")


class Review(ReviewFields, Tracked, table=True):
    __tablename__ = "review"
    __table_args__ = (
        sa.UniqueConstraint("board_id", "reference"),
        # What the pattern index's fingerprint sums on every pattern request
        # (scr/patterns/index/load.py): read from this index, not from the wide rows.
        sa.Index("ix_review_fingerprint", "id", "revision", "revised_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True)
    status: ReviewStatus = Field(default=ReviewStatus.scoping, sa_column=enum_column(ReviewStatus))
    # The family's members and the quality markers are JSON here, kept as the plain dicts a
    # schema's entries dump to (scr/review/schemas.py: FamilyMember, QualityMarkerIn); the
    # schemas declare them, with the shape an entry must have.
    family_composition: list[dict[str, str]] = Field(
        default_factory=list, sa_type=sa.JSON, nullable=False
    )
    # SCIE's quality markers someone has assessed, each {"marker", "status", "note"}
    # (scr/review/quality.py gives all 18 in order).
    quality_markers: list[dict[str, str | None]] = Field(
        default_factory=list, sa_type=sa.JSON, nullable=False
    )
    # Why a lead reviewer moved the review on while blocking completeness checks failed:
    # written only with a guarded change of status (ReviewUpdate), never at creation.
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
