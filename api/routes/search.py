"""Search across the reviews a caller may see."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from api.deps import PagingDep, PrincipalDep, SessionDep, audit
from api.routing import APIRouter
from scr.account import access
from scr.common.schemas import Page
from scr.search import service as search_service
from scr.search.schemas import SearchFilters, SearchHit
from scr.vocabulary import Role

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=Page[SearchHit])
def search(
    session: SessionDep,
    principal: PrincipalDep,
    request: Request,
    paging: PagingDep,
    filters: Annotated[SearchFilters, Query()],
) -> Page[SearchHit]:
    """Find words in the episodes, factors, findings, questions for the Board and actions of
    the reviews you may see, and in the chronology of the reviews you work on as a reviewer;
    best match first, each with a snippet whose matched words are marked. A review or board
    you may not see finds nothing, as if it held no such words."""
    access.require_role(
        principal, Role.admin, Role.reviewer, Role.board, doing="search the reviews' records"
    )
    audit(session, principal, request)
    items, total = search_service.search(
        session=session,
        filters=filters,
        visible=access.visible_reviews(principal),
        chronology=access.chronology_reviews(principal),
        **paging.model_dump(),
    )
    return Page[SearchHit](items=items, total=total)
