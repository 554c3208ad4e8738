"""Who takes part in a review, by role and agency only: never by name."""

from sqlmodel import Field

from scr.common.columns import Tracked, enum_column
from scr.vocabulary import ParticipantRole


class Participant(Tracked, table=True):
    __tablename__ = "participant"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    role: ParticipantRole = Field(sa_column=enum_column(ParticipantRole))
    agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    job_role: str = Field(max_length=200)
