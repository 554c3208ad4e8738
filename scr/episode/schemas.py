"""What clients send and receive about key practice episodes."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from scr.common.schemas import ReadBase, WriteBase, reject_null
from scr.common.types import Id, LongText, ShortText, Version
from scr.vocabulary import AppraisalRating

_FIELDS_HELP = {
    "what_happened": "What happened: the act, omission or period of work.",
    "view_at_the_time": "The practitioners' view at the time (local rationality).",
    "appraisal": "The appraisal, on what was knowable at the time, never with hindsight.",
}


class EpisodeCreate(WriteBase):
    ordinal: int | None = Field(
        default=None, ge=1, le=10_000, description="Its number in the review; next when omitted."
    )
    title: ShortText
    period_start: date | None = None
    period_end: date | None = None
    agency_ids: list[Id] = Field(default_factory=list, max_length=50)
    roles_involved: list[ShortText] = Field(
        default_factory=list, max_length=50, examples=[["health visitor 1", "social worker 2"]]
    )
    what_happened: LongText | None = Field(default=None, description=_FIELDS_HELP["what_happened"])
    view_at_the_time: LongText | None = Field(
        default=None, description=_FIELDS_HELP["view_at_the_time"]
    )
    appraisal: LongText | None = Field(default=None, description=_FIELDS_HELP["appraisal"])
    appraisal_rating: AppraisalRating | None = None
    chronology_entry_ids: list[Id] = Field(
        default_factory=list, max_length=200, description="Chronology entries the appraisal uses."
    )
    went_well: LongText | None = None
    queries: LongText | None = None
    suggested_changes: LongText | None = None


class EpisodeUpdate(WriteBase):
    version: Version
    ordinal: int | None = Field(default=None, ge=1, le=10_000)
    title: ShortText | None = None
    period_start: date | None = None
    period_end: date | None = None
    agency_ids: list[Id] | None = Field(default=None, max_length=50)
    roles_involved: list[ShortText] | None = Field(default=None, max_length=50)
    what_happened: LongText | None = None
    view_at_the_time: LongText | None = None
    appraisal: LongText | None = None
    appraisal_rating: AppraisalRating | None = None
    chronology_entry_ids: list[Id] | None = Field(default=None, max_length=200)
    went_well: LongText | None = None
    queries: LongText | None = None
    suggested_changes: LongText | None = None

    _not_null = reject_null(
        "ordinal", "title", "agency_ids", "roles_involved", "chronology_entry_ids"
    )


class EpisodeRead(ReadBase):
    review_id: int
    ordinal: int
    title: str
    period_start: date | None
    period_end: date | None
    agency_ids: list[int]
    roles_involved: list[str]
    what_happened: str | None
    view_at_the_time: str | None
    appraisal: str | None
    appraisal_rating: AppraisalRating | None
    chronology_entry_ids: list[int]
    went_well: str | None
    queries: str | None
    suggested_changes: str | None
