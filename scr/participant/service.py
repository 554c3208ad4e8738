"""The people in a review, recorded by role and agency."""

from __future__ import annotations

from sqlmodel import Session, col, select

from scr.agency import named
from scr.common import crud
from scr.participant.models import Participant
from scr.participant.schemas import ParticipantCreate, ParticipantRead, ParticipantUpdate
from scr.review.models import Review


def list_(
    *, session: Session, review: Review, limit: int, offset: int
) -> tuple[list[Participant], int]:
    """List the review's participants."""
    stmt = select(Participant).where(Participant.review_id == review.id)
    return crud.page(session, stmt.order_by(col(Participant.id)), limit=limit, offset=offset)


def create(
    *, session: Session, review: Review, data: ParticipantCreate, actor: str | None = None
) -> Participant:
    """Add a participant."""
    return named.add(session, review, Participant, data, actor=actor)


def update(
    *,
    session: Session,
    review: Review,
    participant: Participant,
    data: ParticipantUpdate,
    actor: str | None = None,
) -> Participant:
    """Change a participant, refusing a stale version."""
    return named.change(
        session, review, participant, data, ParticipantRead.model_validate, actor=actor
    )


def delete(*, session: Session, participant: Participant) -> None:
    """Remove a participant (nothing links to one)."""
    session.delete(participant)
    session.flush()
