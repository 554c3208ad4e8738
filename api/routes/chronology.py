"""A review's multi-agency chronology."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import (
    CascadeQuery,
    ChronologyEntryDep,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
    page_of,
)
from scr.chronology import service as chronology_service
from scr.chronology.models import ChronologyEntry
from scr.chronology.schemas import (
    ChronologyEntryCreate,
    ChronologyEntryRead,
    ChronologyEntryUpdate,
)
from scr.common.schemas import Page

router = APIRouter(prefix="/reviews/{review_id}/chronology", tags=["chronology"])


@router.get("", response_model=Page[ChronologyEntryRead])
def list_(
    session: SessionDep, review: ReviewDep, paging: PagingDep, significant: bool | None = None
) -> Page[ChronologyEntryRead]:
    """List the chronology by date; significant=true for the significant entries only."""
    result = chronology_service.list_(
        session=session, review=review, significant=significant, **paging.model_dump()
    )
    return page_of(ChronologyEntryRead, result)


@router.post("", response_model=ChronologyEntryRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: ChronologyEntryCreate
) -> ChronologyEntry:
    """Add a chronology entry."""
    return chronology_service.create(
        session=session, review=review, data=data, actor=principal.name
    )


@router.get("/{entry_id}", response_model=ChronologyEntryRead)
def read(entry: ChronologyEntryDep) -> ChronologyEntry:
    """Read a chronology entry."""
    return entry


@router.patch("/{entry_id}", response_model=ChronologyEntryRead)
def update(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    entry: ChronologyEntryDep,
    data: ChronologyEntryUpdate,
) -> ChronologyEntry:
    """Change a chronology entry; send the version you read."""
    return chronology_service.update(
        session=session, review=review, entry=entry, data=data, actor=principal.name
    )


@router.delete("/{entry_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, entry: ChronologyEntryDep, cascade: CascadeQuery = False) -> None:
    """Delete a chronology entry; if episodes cite it, only with cascade=true."""
    chronology_service.delete(session=session, entry=entry, cascade=cascade)
