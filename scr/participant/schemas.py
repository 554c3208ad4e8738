"""What clients send and receive about a review's participants (roles, never names)."""

from __future__ import annotations

from pydantic import Field

from scr.common.schemas import DescribedRead, UpdateBase, WriteBase, reject_null
from scr.common.types import Id, ShortText, Version
from scr.participant.models import ParticipantFields
from scr.vocabulary import ParticipantRole


class ParticipantCreate(ParticipantFields, WriteBase):
    """A participant, as a client writes it."""


class ParticipantUpdate(UpdateBase, fields=ParticipantFields):
    version: Version
    role: ParticipantRole | None = None
    agency_id: Id | None = None
    job_role: ShortText | None = None

    _not_null = reject_null("role", "job_role")


class ParticipantRead(DescribedRead, fields=ParticipantFields):
    review_id: int = Field(description="The review they take part in.")
    role: ParticipantRole
    agency_id: int | None
    job_role: str
