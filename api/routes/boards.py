"""Safeguarding partnerships."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import (
    BoardDep,
    CascadeQuery,
    PagingDep,
    PrincipalDep,
    SessionDep,
    allow,
    own_board,
    page_of,
)
from scr.board import service as board_service
from scr.board.models import Board
from scr.board.schemas import BoardCreate, BoardRead, BoardUpdate
from scr.common.schemas import Page
from scr.vocabulary import Role

router = APIRouter(prefix="/boards", tags=["boards"])
AdminOnly = allow(Role.admin, doing="change the partnerships")


@router.get("", response_model=Page[BoardRead])
def list_(session: SessionDep, principal: PrincipalDep, paging: PagingDep) -> Page[BoardRead]:
    """List the boards (a board member sees their own)."""
    result = board_service.list_(session=session, only=own_board(principal), **paging.model_dump())
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
