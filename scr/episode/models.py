"""Key practice episodes and the chronology entries their appraisal relies on."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from scr.chronology.models import ChronologyEntry
from scr.common.columns import Tracked, enum_column
from scr.records import kinds
from scr.vocabulary import AppraisalRating


class EpisodeCitation(SQLModel, table=True):
    """An episode's appraisal relies on this chronology entry."""

    __tablename__ = "episode_citation"

    episode_id: int = Field(foreign_key="key_practice_episode.id", primary_key=True)
    chronology_entry_id: int = Field(
        foreign_key="chronology_entry.id", primary_key=True, index=True
    )


class KeyPracticeEpisode(Tracked, table=True):
    __tablename__ = "key_practice_episode"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    ordinal: int
    title: str = Field(max_length=200)
    period_start: date | None = None
    period_end: date | None = None
    agency_ids: list[int] = Field(default_factory=list, sa_type=sa.JSON, nullable=False)
    roles_involved: list[str] = Field(default_factory=list, sa_type=sa.JSON, nullable=False)
    what_happened: str | None = Field(default=None, sa_type=sa.Text)
    view_at_the_time: str | None = Field(default=None, sa_type=sa.Text)
    appraisal: str | None = Field(default=None, sa_type=sa.Text)
    appraisal_rating: AppraisalRating | None = Field(
        default=None, sa_column=enum_column(AppraisalRating, nullable=True)
    )
    went_well: str | None = Field(default=None, sa_type=sa.Text)
    queries: str | None = Field(default=None, sa_type=sa.Text)
    suggested_changes: str | None = Field(default=None, sa_type=sa.Text)

    cited_entries: list[ChronologyEntry] = Relationship(
        link_model=EpisodeCitation,
        sa_relationship_kwargs={"lazy": "selectin", "order_by": "ChronologyEntry.entry_date"},
    )

    @property
    def chronology_entry_ids(self) -> list[int]:
        """Ids of the chronology entries the appraisal relies on, earliest first."""
        return [entry.id for entry in self.cited_entries if entry.id is not None]


kinds.register("episode", KeyPracticeEpisode)
