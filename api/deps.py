"""Dependencies shared by the routes: the session, paging, and records loaded or 404 once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Path, Query
from pydantic import BaseModel
from sqlmodel import Session

from scr.chronology import service as chronology_service
from scr.chronology.models import ChronologyEntry
from scr.common.schemas import Page
from scr.common.types import MAX_INT
from scr.config import MAX_PAGE_SIZE
from scr.db import session_scope
from scr.episode import service as episode_service
from scr.episode.models import KeyPracticeEpisode
from scr.factor import service as factor_service
from scr.factor.models import ContributoryFactor
from scr.finding import service as finding_service
from scr.finding.models import Finding
from scr.link import service as link_service
from scr.link.models import CausalLink
from scr.participant import service as participant_service
from scr.participant.models import Participant
from scr.review import service as review_service
from scr.review.models import Review

R = TypeVar("R", bound=BaseModel)


def get_session() -> Iterator[Session]:
    """One transaction per request: committed if the route succeeds, rolled back if not."""
    with session_scope() as session:
        yield session


# scope="function" ends the transaction before the response is sent, so a failed commit
# becomes an error answer rather than a success that was never saved.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

ItemId = Annotated[int, Path(ge=1, le=MAX_INT, description="The record's id.")]


class Paging(BaseModel):
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_INT, description="Records to skip.")] = 0,
) -> Paging:
    """Read ``limit`` (capped) and ``offset``."""
    return Paging(limit=limit, offset=offset)


PagingDep = Annotated[Paging, Depends(paging)]
CascadeQuery = Annotated[
    bool,
    Query(description="Also delete the links or citations that would otherwise block this."),
]


def page_of(read: type[R], result: tuple[list[Any], int]) -> Page[R]:
    """Wrap a service's (records, total) as a list envelope of Read schemas."""
    items, total = result
    return Page[read](items=[read.model_validate(x) for x in items], total=total)  # type: ignore[valid-type]


def _review(session: SessionDep, review_id: ItemId) -> Review:
    return review_service.get(session=session, review_id=review_id)


ReviewDep = Annotated[Review, Depends(_review)]


def _entry(session: SessionDep, review: ReviewDep, entry_id: ItemId) -> ChronologyEntry:
    return chronology_service.get(session=session, review=review, entry_id=entry_id)


def _episode(session: SessionDep, review: ReviewDep, episode_id: ItemId) -> KeyPracticeEpisode:
    return episode_service.get(session=session, review=review, episode_id=episode_id)


def _factor(session: SessionDep, review: ReviewDep, factor_id: ItemId) -> ContributoryFactor:
    return factor_service.get(session=session, review=review, factor_id=factor_id)


def _link(session: SessionDep, review: ReviewDep, link_id: ItemId) -> CausalLink:
    return link_service.get(session=session, review=review, link_id=link_id)


def _finding(session: SessionDep, review: ReviewDep, finding_id: ItemId) -> Finding:
    return finding_service.get(session=session, review=review, finding_id=finding_id)


def _participant(session: SessionDep, review: ReviewDep, participant_id: ItemId) -> Participant:
    return participant_service.get(session=session, review=review, participant_id=participant_id)


ChronologyEntryDep = Annotated[ChronologyEntry, Depends(_entry)]
EpisodeDep = Annotated[KeyPracticeEpisode, Depends(_episode)]
FactorDep = Annotated[ContributoryFactor, Depends(_factor)]
LinkDep = Annotated[CausalLink, Depends(_link)]
FindingDep = Annotated[Finding, Depends(_finding)]
ParticipantDep = Annotated[Participant, Depends(_participant)]
