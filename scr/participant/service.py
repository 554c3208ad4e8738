"""The people in a review, recorded by role and agency."""

from __future__ import annotations

from sqlmodel import Session, col, select

from scr.agency import service as agency_service
from scr.common import crud
from scr.common.lookup import id_of
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
    agency_service.ensure_sent_usable(session, review.board_id, data.agency_id)
    participant = Participant(review_id=id_of(review), **data.model_dump())
    crud.add(session, participant, actor=actor)
    return participant


def update(
    *,
    session: Session,
    review: Review,
    participant: Participant,
    data: ParticipantUpdate,
    actor: str | None = None,
) -> Participant:
    """Change a participant, refusing a stale version."""
    changes = crud.changes(session, participant, data, ParticipantRead.model_validate)
    agency_service.ensure_sent_usable(session, review.board_id, changes.get("agency_id"))
    crud.apply_changes(participant, changes, actor=actor)
    session.flush()
    return participant


def delete(*, session: Session, participant: Participant) -> None:
    """Remove a participant (nothing links to one)."""
    session.delete(participant)
    session.flush()
