"""A review's key practice episodes."""

from __future__ import annotations

from fastapi import status

from api.deps import (
    CascadeQuery,
    EpisodeDep,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
    page_of,
)
from api.routing import APIRouter
from scr.common.schemas import Page
from scr.episode import service as episode_service
from scr.episode.models import KeyPracticeEpisode
from scr.episode.schemas import EpisodeCreate, EpisodeRead, EpisodeUpdate

router = APIRouter(prefix="/reviews/{review_id}/episodes", tags=["episodes"])


@router.get("", response_model=Page[EpisodeRead])
def list_(session: SessionDep, review: ReviewDep, paging: PagingDep) -> Page[EpisodeRead]:
    """List the key practice episodes in order."""
    result = episode_service.list_(session=session, review=review, **paging.model_dump())
    return page_of(EpisodeRead, result)


@router.post("", response_model=EpisodeRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: EpisodeCreate
) -> KeyPracticeEpisode:
    """Add a key practice episode."""
    return episode_service.create(session=session, review=review, data=data, actor=principal.name)


@router.get("/{episode_id}", response_model=EpisodeRead)
def read(episode: EpisodeDep) -> KeyPracticeEpisode:
    """Read a key practice episode."""
    return episode


@router.patch("/{episode_id}", response_model=EpisodeRead)
def update(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    episode: EpisodeDep,
    data: EpisodeUpdate,
) -> KeyPracticeEpisode:
    """Change a key practice episode; send the version you read."""
    return episode_service.update(
        session=session, review=review, episode=episode, data=data, actor=principal.name
    )


@router.delete("/{episode_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, episode: EpisodeDep, cascade: CascadeQuery = False) -> None:
    """Delete a key practice episode; if links touch it, only with cascade=true."""
    episode_service.delete(session=session, episode=episode, cascade=cascade)
