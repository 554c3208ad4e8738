"""What clients send and receive about key practice episodes."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from scr.common.schemas import DescribedRead, UpdateBase, WriteBase, reject_null
from scr.common.types import Id, LongText, ShortText, Version
from scr.episode.models import EpisodeFields
from scr.vocabulary import AppraisalRating

_ORDINAL = "Its number in the review; next when omitted."
_CITED = "Chronology entries the appraisal uses."


class EpisodeCreate(EpisodeFields, WriteBase):
    __field_order__ = (
        "ordinal",
        "title",
        "period_start",
        "period_end",
        "agency_ids",
        "roles_involved",
        "what_happened",
        "view_at_the_time",
        "appraisal",
        "appraisal_rating",
        "chronology_entry_ids",
        "went_well",
        "queries",
        "suggested_changes",
    )

    ordinal: int | None = Field(default=None, ge=1, le=10_000, description=_ORDINAL)
    chronology_entry_ids: list[Id] = Field(default_factory=list, max_length=200, description=_CITED)


class EpisodeUpdate(UpdateBase, fields=EpisodeFields):
    version: Version
    ordinal: int | None = Field(default=None, ge=1, le=10_000, description=_ORDINAL)
    title: ShortText | None = None
    period_start: date | None = None
    period_end: date | None = None
    agency_ids: list[Id] | None = None
    roles_involved: list[ShortText] | None = None
    what_happened: LongText | None = None
    view_at_the_time: LongText | None = None
    appraisal: LongText | None = None
    appraisal_rating: AppraisalRating | None = None
    chronology_entry_ids: list[Id] | None = Field(default=None, max_length=200, description=_CITED)
    went_well: LongText | None = None
    queries: LongText | None = None
    suggested_changes: LongText | None = None

    _not_null = reject_null(
        "ordinal", "title", "agency_ids", "roles_involved", "chronology_entry_ids"
    )


class EpisodeRead(DescribedRead, fields=EpisodeFields):
    review_id: int = Field(description="The review the episode belongs to.")
    ordinal: int = Field(description="Its number in the review.")
    title: str
    period_start: date | None
    period_end: date | None
    agency_ids: list[int]
    roles_involved: list[str]
    what_happened: str | None
    view_at_the_time: str | None
    appraisal: str | None
    appraisal_rating: AppraisalRating | None
    chronology_entry_ids: list[int] = Field(
        description="Chronology entries the appraisal uses, earliest first."
    )
    went_well: str | None
    queries: str | None
    suggested_changes: str | None
