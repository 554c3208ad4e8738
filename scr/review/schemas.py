"""What clients send and receive about reviews."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from scr.common.schemas import DescribedRead, UpdateBase, WriteBase, reject_null
from scr.common.types import Code, Id, LongText, ShortText, Version
from scr.review import quality
from scr.review.models import ReviewFields
from scr.vocabulary import (
    AgeBand,
    LearningTogetherSize,
    MarkerStatus,
    Outcome,
    QualityMarker,
    ReviewStatus,
    ReviewType,
)


class FamilyMember(WriteBase):
    """One member of the child's family as the report names them: by pseudonym only."""

    pseudonym: ShortText = Field(examples=["Mother"], description="A pseudonym, never a name.")
    relationship: ShortText = Field(
        examples=["Child M's mother"],
        description="How they are related to the child, named by the child's pseudonym.",
    )


_MARKER = "Which of SCIE's 18 quality markers of a good review."
_MARKER_STATUS = "How the review stands against the marker."
_MARKER_NOTE = "What the reviewers noted of the review's standing against it."


class QualityMarkerIn(WriteBase):
    """A review's standing against one of SCIE's quality markers."""

    marker: QualityMarker = Field(description=_MARKER)
    status: MarkerStatus = Field(description=_MARKER_STATUS)
    note: LongText | None = Field(default=None, description=_MARKER_NOTE)


class QualityMarkerRead(BaseModel):
    marker: QualityMarker = Field(description=_MARKER)
    group: str = Field(
        description="The marker's group: setting up the review, running it, or its outputs."
    )
    label: str = Field(description="The marker's name, as SCIE words it.")
    status: MarkerStatus = Field(description=_MARKER_STATUS)
    note: str | None = Field(description=_MARKER_NOTE)


QualityMarkers = Annotated[
    list[QualityMarkerIn], Field(max_length=18), AfterValidator(quality.refuse_repeats)
]
"""The markers assessed; sending the list replaces it (a marker left out is not assessed)."""

_CONTEXT_CODES = (
    "Case-context codes, recorded as your tags on the review (the agreed ones, if you lead it)."
)
_BOARD = "The board (safeguarding partnership) the review belongs to."
_FAMILY = "The members of the child's family as the report names them, by pseudonym only."
_MARKERS = (
    "SCIE's quality markers assessed so far; sending the list replaces it (a marker left out "
    "is not assessed)."
)


class ReviewIn(ReviewFields, WriteBase):
    """A review as a client writes it, without the board it belongs to: ``ReviewFields``, and
    what the table keeps in another form: the case-context codes (as tags) and the family and
    quality-marker lists (as plain JSON, each entry checked here)."""

    __field_order__ = (
        "reference",
        "child_pseudonym",
        "review_type",
        "learning_together_size",
        "incident_date",
        "notification_date",
        "start_date",
        "publication_date",
        "scope_start",
        "scope_end",
        "child_age_band",
        "outcome",
        "context_codes",
        "case_summary",
        "reason_for_review",
        "family_composition",
        "independence",
        "methodological_comment",
        "acknowledgements",
        "rapid_review_date",
        "rapid_review_outcome",
        "quality_markers",
    )

    context_codes: list[Code] = Field(
        default_factory=list, max_length=50, description=_CONTEXT_CODES
    )
    family_composition: list[FamilyMember] = Field(
        default_factory=list, max_length=50, description=_FAMILY
    )
    quality_markers: QualityMarkers = Field(default_factory=list, description=_MARKERS)


def _opened_at_scoping(value: Any) -> Any:
    if value not in (ReviewStatus.scoping, ReviewStatus.scoping.value):
        raise ValueError(
            "must be scoping, or left out: a review is opened at scoping, and its status moves "
            "on only through the guarded steps, as the checks and the identifier scan allow "
            "(change the review once it is open)."
        )
    return value


class ReviewCreate(ReviewIn):
    """A review is opened at scoping: its status moves on only through ``ReviewUpdate``,
    where draft and published are guarded by the checks and published by the identifier
    scan, so no request opens one further on."""

    board_id: Id = Field(description=_BOARD)
    status: Literal[ReviewStatus.scoping] = Field(
        default=ReviewStatus.scoping,
        description="Always scoping, and best left out: a review is opened at scoping.",
    )

    _only_scoping = field_validator("status", mode="before")(_opened_at_scoping)


class ReviewUpdate(UpdateBase, fields=ReviewFields):
    """Only the fields sent change; ``version`` must be the one you read."""

    version: Version
    reference: ShortText | None = None
    child_pseudonym: ShortText | None = None
    review_type: ReviewType | None = None
    learning_together_size: LearningTogetherSize | None = None
    status: ReviewStatus | None = Field(
        default=None,
        description="Where the review moves to. Draft and published need the completeness "
        "checks to pass (or a lead reviewer's reason), published the identifier scan too.",
    )
    incident_date: date | None = None
    notification_date: date | None = None
    start_date: date | None = None
    publication_date: date | None = None
    scope_start: date | None = None
    scope_end: date | None = None
    child_age_band: AgeBand | None = None
    outcome: Outcome | None = None
    context_codes: list[Code] | None = Field(
        default=None, max_length=50, description=_CONTEXT_CODES
    )
    case_summary: LongText | None = None
    reason_for_review: LongText | None = None
    family_composition: list[FamilyMember] | None = Field(
        default=None, max_length=50, description=_FAMILY
    )
    independence: LongText | None = None
    methodological_comment: LongText | None = None
    acknowledgements: LongText | None = None
    rapid_review_date: date | None = None
    rapid_review_outcome: LongText | None = None
    quality_markers: QualityMarkers | None = Field(default=None, description=_MARKERS)
    checks_override_reason: LongText | None = Field(
        default=None,
        min_length=10,
        description="Moving to draft or published while blocking checks fail needs a lead "
        "reviewer's written reason; it is kept with the review.",
    )

    _not_null = reject_null(
        "reference",
        "child_pseudonym",
        "review_type",
        "status",
        "context_codes",
        "family_composition",
        "quality_markers",
    )


class ReviewReopen(WriteBase):
    """Reopen a published review: send the version you read and why."""

    version: Version
    reason: LongText = Field(
        min_length=10,
        examples=["The family's solicitor found a street name in finding 2."],
        description="Why the published review is reopened; kept with the review and audited.",
    )


class ReviewRead(DescribedRead, fields=ReviewFields):
    # (every answer carries context_codes: the schema says so, though it has a default)
    model_config = ConfigDict(
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    board_id: int = Field(description=_BOARD)
    reference: str
    child_pseudonym: str
    review_type: ReviewType
    learning_together_size: LearningTogetherSize | None
    status: ReviewStatus = Field(
        description="Where the review stands: scoping, gathering, analysis, findings, draft, "
        "published or archived."
    )
    incident_date: date | None
    notification_date: date | None
    start_date: date | None
    publication_date: date | None
    scope_start: date | None
    scope_end: date | None
    child_age_band: AgeBand | None
    outcome: Outcome | None
    context_codes: list[str] = Field(
        default_factory=list,
        description="The case-context codes your coding gives the review (the agreed ones, if "
        "you lead it or do not code).",
    )
    case_summary: str | None
    reason_for_review: str | None
    family_composition: list[FamilyMember] = Field(description=_FAMILY)
    independence: str | None
    methodological_comment: str | None
    acknowledgements: str | None
    rapid_review_date: date | None
    rapid_review_outcome: str | None
    quality_markers: list[QualityMarkerRead] = Field(
        description="All 18 of SCIE's quality markers in order, each with its status."
    )
    checks_override_reason: str | None = Field(
        description="The lead reviewer's reason for moving the review on while blocking "
        "completeness checks failed, if they did."
    )
    checks_overridden_by: str | None = Field(
        description="Who moved it on over the checks (their user name)."
    )
    checks_overridden_at: datetime | None = Field(
        description="When it was moved on over the checks (UTC)."
    )

    @field_validator("quality_markers", mode="before")
    @classmethod
    def _all_markers(cls, stored: list[Any]) -> list[Any]:
        return quality.checklist(stored)


class ReviewImported(ReviewRead):
    held_back: str | None = Field(
        default=None,
        description="Why the review stands at a lower status than the file's, if it does: a "
        "file marked published is published here only if it passes the publication gate here.",
    )


class ReviewFilters(BaseModel):
    """Filters of the review list; ``year`` is the year the review was notified."""

    board_id: Id | None = None
    status: ReviewStatus | None = None
    review_type: ReviewType | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
