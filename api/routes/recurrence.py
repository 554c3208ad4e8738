"""Findings that come back: suggestions of earlier findings like one, the links a reviewer
makes to them ("found before in ..."), and a partnership's findings that came back."""

from __future__ import annotations

from fastapi import status

from api.deps import (
    Audited,
    BoardDep,
    FindingDep,
    ItemId,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
    allow,
)
from api.routing import APIRouter
from scr.account import access
from scr.common.schemas import Page
from scr.recurrence import service as recurrence_service
from scr.recurrence import suggestions as recurrence_suggestions
from scr.recurrence.schemas import (
    FoundBeforeCreate,
    FoundBeforeRead,
    RecurringFinding,
    Suggestion,
)
from scr.vocabulary import Role

router = APIRouter(tags=["recurrence"])
_FINDING = "/reviews/{review_id}/findings/{finding_id}"


@router.get(f"{_FINDING}/suggestions", response_model=Page[Suggestion])
def suggestions(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    finding: FindingDep,
    paging: PagingDep,
) -> Page[Suggestion]:
    """Earlier findings like this one, each with why: those of this partnership's reviews you
    may see first, then those of published reviews nationally; ranked by the agreed codes
    they share, then by how alike the titles and statements read."""
    items, total = recurrence_suggestions.suggestions(
        session=session,
        review=review,
        finding=finding,
        visible=access.visible_reviews(principal),
        **paging.model_dump(),
    )
    return Page[Suggestion](items=items, total=total)


@router.get(f"{_FINDING}/found-before", response_model=list[FoundBeforeRead])
def list_(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, finding: FindingDep
) -> list[FoundBeforeRead]:
    """The earlier findings this finding was found before in."""
    return recurrence_service.list_(
        session=session, review=review, finding=finding, visible=access.visible_reviews(principal)
    )


@router.post(
    f"{_FINDING}/found-before",
    response_model=FoundBeforeRead,
    status_code=status.HTTP_201_CREATED,
)
def link(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    finding: FindingDep,
    data: FoundBeforeCreate,
) -> FoundBeforeRead:
    """Record that this finding was found before in an earlier one (409 if it is already)."""
    return recurrence_service.link(
        session=session,
        review=review,
        finding=finding,
        data=data,
        visible=access.visible_reviews(principal),
        actor=principal.name,
    )


@router.delete(f"{_FINDING}/found-before/{{link_id}}", status_code=status.HTTP_204_NO_CONTENT)
def unlink(session: SessionDep, review: ReviewDep, finding: FindingDep, link_id: ItemId) -> None:
    """Remove a link to an earlier finding."""
    recurrence_service.unlink(session=session, review=review, finding=finding, link_id=link_id)


@router.get(
    "/boards/{board_id}/recurring-findings",
    response_model=Page[RecurringFinding],
    dependencies=[
        allow(Role.admin, Role.board, doing="read a partnership's recurring findings"),
        Audited,
    ],
)
def recurring(session: SessionDep, board: BoardDep, paging: PagingDep) -> Page[RecurringFinding]:
    """The partnership's findings that came back in its later reviews, and how often: most
    often first. Only links between the partnership's own reviews count."""
    items, total = recurrence_service.recurring(session=session, board=board, **paging.model_dump())
    return Page[RecurringFinding](items=items, total=total)
