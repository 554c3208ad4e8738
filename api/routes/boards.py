"""Safeguarding partnerships."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, status

from api.deps import (
    BoardDep,
    CascadeQuery,
    ItemId,
    PagingDep,
    PrincipalDep,
    SessionDep,
    allow,
    own_board,
    page_of,
)
from api.routing import APIRouter
from scr.account import commission as commission_service
from scr.account.schemas import CommissionCreate, CommissionRead
from scr.board import service as board_service
from scr.board.models import Board
from scr.board.schemas import BoardCreate, BoardRead, BoardUpdate
from scr.common.schemas import Page
from scr.vocabulary import Role
from scr.workflow import service as review_service

router = APIRouter(prefix="/boards", tags=["boards"])
AdminOnly = allow(Role.admin, doing="change the partnerships")


@router.get("", response_model=Page[BoardRead])
def list_(
    session: SessionDep,
    principal: PrincipalDep,
    paging: PagingDep,
    commissioned: Annotated[
        bool,
        Query(
            description="true: only the partnerships you may open reviews for (for a "
            "reviewer, those that have commissioned you; for an administrator, all)."
        ),
    ] = False,
) -> Page[BoardRead]:
    """List the boards (a board member sees their own)."""
    among: list[int] | None = None
    if commissioned and principal.role != Role.admin:
        among = (
            commission_service.commissioning_boards(session=session, user_id=principal.user_id)
            if principal.role == Role.reviewer and principal.user_id is not None
            else []
        )
    result = board_service.list_(
        session=session, only=own_board(principal), among=among, **paging.model_dump()
    )
    return page_of(BoardRead, result)


@router.post(
    "", response_model=BoardRead, status_code=status.HTTP_201_CREATED, dependencies=[AdminOnly]
)
def create(session: SessionDep, principal: PrincipalDep, data: BoardCreate) -> Board:
    """Create a board."""
    return board_service.create(session=session, data=data, actor=principal.name)


@router.get("/{board_id}", response_model=BoardRead)
def read(board: BoardDep) -> Board:
    """Read a board."""
    return board


@router.patch("/{board_id}", response_model=BoardRead, dependencies=[AdminOnly])
def update(
    session: SessionDep, principal: PrincipalDep, board: BoardDep, data: BoardUpdate
) -> Board:
    """Change a board; send the version you read."""
    return board_service.update(session=session, board=board, data=data, actor=principal.name)


@router.delete("/{board_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[AdminOnly])
def delete(session: SessionDep, board: BoardDep, cascade: CascadeQuery = False) -> None:
    """Delete a board; with its reviews only when cascade=true."""
    review_service.delete_board(session=session, board=board, cascade=cascade)


@router.get(
    "/{board_id}/commissions", response_model=list[CommissionRead], dependencies=[AdminOnly]
)
def commissions(session: SessionDep, board: BoardDep) -> list[CommissionRead]:
    """The reviewers the board has commissioned: they may open reviews for it."""
    return commission_service.list_(session=session, board=board)


@router.post(
    "/{board_id}/commissions",
    response_model=CommissionRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[AdminOnly],
)
def commission(
    session: SessionDep, principal: PrincipalDep, board: BoardDep, data: CommissionCreate
) -> CommissionRead:
    """Record that the board has commissioned a reviewer (by their account's e-mail)."""
    return commission_service.commission(
        session=session, board=board, email=data.email, actor=principal.name
    )


@router.delete(
    "/{board_id}/commissions/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[AdminOnly],
)
def withdraw(session: SessionDep, board: BoardDep, user_id: ItemId) -> None:
    """End a commission: the reviewer opens no more reviews for the board (those they work
    on stay theirs)."""
    commission_service.withdraw(session=session, board=board, user_id=user_id)
