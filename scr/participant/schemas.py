"""What clients send and receive about a review's participants (roles, never names)."""

from __future__ import annotations

from pydantic import Field

from scr.common.schemas import ReadBase, WriteBase, reject_null
from scr.common.types import Id, ShortText, Version
from scr.vocabulary import ParticipantRole


class ParticipantCreate(WriteBase):
    role: ParticipantRole
    agency_id: Id | None = None
    job_role: ShortText = Field(examples=["health visitor 1"], description="A role, never a name.")


class ParticipantUpdate(WriteBase):
    version: Version
    role: ParticipantRole | None = None
    agency_id: Id | None = None
    job_role: ShortText | None = None

    _not_null = reject_null("role", "job_role")


class ParticipantRead(ReadBase):
    review_id: int
    role: ParticipantRole
    agency_id: int | None
    job_role: str
