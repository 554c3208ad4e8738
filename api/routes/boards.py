"""Safeguarding partnerships."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from api.deps import CascadeQuery, ItemId, PagingDep, PrincipalDep, SessionDep, allow, page_of
from scr.board import service as board_service
from scr.board.models import Board
from scr.board.schemas import BoardCreate, BoardRead, BoardUpdate
from scr.common.schemas import Page
from scr.errors import NotFound
from scr.vocabulary import Role

router = APIRouter(prefix="/boards", tags=["boards"])
AdminOnly = allow(Role.admin, doing="change the partnerships")


def _own_board(principal: PrincipalDep) -> int | None:
    """A board member sees only their own board; others see every board."""
    return principal.board_id if principal.role == Role.board else None


def _board(session: SessionDep, principal: PrincipalDep, board_id: ItemId) -> Board:
    only = _own_board(principal)
    if only is not None and only != board_id:
        raise NotFound(f"There is no board with id {board_id}.")
    return board_service.get(session=session, board_id=board_id)


BoardDep = Annotated[Board, Depends(_board)]


@router.get("", response_model=Page[BoardRead])
def list_(session: SessionDep, principal: PrincipalDep, paging: PagingDep) -> Page[BoardRead]:
    """List the boards (a board member sees their own)."""
    result = board_service.list_(session=session, only=_own_board(principal), **paging.model_dump())
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
    board_service.delete(session=session, board=board, cascade=cascade)
