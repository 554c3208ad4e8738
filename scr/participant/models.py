"""Who takes part in a review, by role and agency only: never by name."""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, enum_type
from scr.common.types import Id, ShortText
from scr.vocabulary import ParticipantRole


class ParticipantFields(SQLModel):
    """A participant's fields a client writes: the table and its schemas share them."""

    role: ParticipantRole = Field(
        sa_type=enum_type(ParticipantRole),
        description="How they take part: lead reviewer, review team, case group or family.",
    )
    agency_id: Id | None = Field(
        default=None,
        foreign_key="agency.id",
        index=True,
        description="The agency they work for, if any.",
    )
    job_role: ShortText = Field(
        sa_type=sa.String(200),
        description="A role, never a name.",
        schema_extra={"examples": ["health visitor 1"]},
    )


class Participant(ParticipantFields, Tracked, table=True):
    __tablename__ = "participant"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
