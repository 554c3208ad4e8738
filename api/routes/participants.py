"""The roles taking part in a review."""

from __future__ import annotations

from fastapi import status

from api.deps import PagingDep, ParticipantDep, PrincipalDep, ReviewDep, SessionDep, page_of
from api.routing import APIRouter
from scr.common.schemas import Page
from scr.participant import service as participant_service
from scr.participant.models import Participant
from scr.participant.schemas import ParticipantCreate, ParticipantRead, ParticipantUpdate

router = APIRouter(prefix="/reviews/{review_id}/participants", tags=["participants"])


@router.get("", response_model=Page[ParticipantRead])
def list_(session: SessionDep, review: ReviewDep, paging: PagingDep) -> Page[ParticipantRead]:
    """List the participants."""
    result = participant_service.list_(session=session, review=review, **paging.model_dump())
    return page_of(ParticipantRead, result)


@router.post("", response_model=ParticipantRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: ParticipantCreate
) -> Participant:
    """Add a participant, by role and agency."""
    return participant_service.create(
        session=session, review=review, data=data, actor=principal.name
    )


@router.get("/{participant_id}", response_model=ParticipantRead)
def read(participant: ParticipantDep) -> Participant:
    """Read a participant."""
    return participant


@router.patch("/{participant_id}", response_model=ParticipantRead)
def update(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    participant: ParticipantDep,
    data: ParticipantUpdate,
) -> Participant:
    """Change a participant; send the version you read."""
    return participant_service.update(
        session=session, review=review, participant=participant, data=data, actor=principal.name
    )


@router.delete("/{participant_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, participant: ParticipantDep) -> None:
    """Remove a participant."""
    participant_service.delete(session=session, participant=participant)
