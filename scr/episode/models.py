"""Key practice episodes and the chronology entries their appraisal relies on."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from scr.chronology.models import ChronologyEntry
from scr.common.columns import Tracked, enum_type, narrative
from scr.common.types import Id, LongText, ShortText
from scr.records import kinds
from scr.vocabulary import AppraisalRating


class EpisodeCitation(SQLModel, table=True):
    """An episode's appraisal relies on this chronology entry."""

    __tablename__ = "episode_citation"

    episode_id: int = Field(foreign_key="key_practice_episode.id", primary_key=True)
    chronology_entry_id: int = Field(
        foreign_key="chronology_entry.id", primary_key=True, index=True
    )


class EpisodeFields(SQLModel):
    """A key practice episode's fields a client writes: the table and its schemas share them."""

    title: ShortText = Field(sa_type=sa.String(200), description="The episode's title, one line.")
    period_start: date | None = Field(
        default=None, description="The day of the act or omission, or when the period began."
    )
    period_end: date | None = Field(default=None, description="When the period of work ended.")
    agency_ids: list[Id] = Field(
        default_factory=list,
        max_length=50,
        sa_type=sa.JSON,
        nullable=False,
        description="The agencies involved.",
    )
    roles_involved: list[ShortText] = Field(
        default_factory=list,
        max_length=50,
        sa_type=sa.JSON,
        nullable=False,
        description="The roles involved, never people's names.",
        schema_extra={"examples": [["health visitor 1", "social worker 2"]]},
    )
    what_happened: LongText | None = narrative(
        "What happened: the act, omission or period of work."
    )
    view_at_the_time: LongText | None = narrative(
        "The practitioners' view at the time (local rationality)."
    )
    appraisal: LongText | None = narrative(
        "The appraisal, on what was knowable at the time, never with hindsight."
    )
    appraisal_rating: AppraisalRating | None = Field(
        default=None,
        sa_type=enum_type(AppraisalRating),
        description="The appraisal in a word: how the practice compared with what was expected.",
    )
    went_well: LongText | None = narrative("What went well, and why.")
    queries: LongText | None = narrative("Questions the review still has open.")
    suggested_changes: LongText | None = narrative("The changes the practitioners suggest.")


class KeyPracticeEpisode(EpisodeFields, Tracked, table=True):
    __tablename__ = "key_practice_episode"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    ordinal: int

    cited_entries: list[ChronologyEntry] = Relationship(
        link_model=EpisodeCitation,
        sa_relationship_kwargs={"lazy": "selectin", "order_by": "ChronologyEntry.entry_date"},
    )

    @property
    def chronology_entry_ids(self) -> list[int]:
        """Ids of the chronology entries the appraisal relies on, earliest first."""
        return [entry.id for entry in self.cited_entries if entry.id is not None]


kinds.register("episode", KeyPracticeEpisode)
