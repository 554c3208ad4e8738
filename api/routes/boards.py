"""Safeguarding partnerships."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from api.deps import CascadeQuery, ItemId, PagingDep, SessionDep, page_of
from scr.board import service as board_service
from scr.board.models import Board
from scr.board.schemas import BoardCreate, BoardRead, BoardUpdate
from scr.common.schemas import Page

router = APIRouter(prefix="/boards", tags=["boards"])


def _board(session: SessionDep, board_id: ItemId) -> Board:
    return board_service.get(session=session, board_id=board_id)


BoardDep = Annotated[Board, Depends(_board)]


@router.get("", response_model=Page[BoardRead])
def list_(session: SessionDep, paging: PagingDep) -> Page[BoardRead]:
    """List the boards."""
    return page_of(BoardRead, board_service.list_(session=session, **paging.model_dump()))


@router.post("", response_model=BoardRead, status_code=status.HTTP_201_CREATED)
def create(session: SessionDep, data: BoardCreate) -> Board:
    """Create a board."""
    return board_service.create(session=session, data=data)


@router.get("/{board_id}", response_model=BoardRead)
def read(board: BoardDep) -> Board:
    """Read a board."""
    return board


@router.patch("/{board_id}", response_model=BoardRead)
def update(session: SessionDep, board: BoardDep, data: BoardUpdate) -> Board:
    """Change a board; send the version you read."""
    return board_service.update(session=session, board=board, data=data)


@router.delete("/{board_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, board: BoardDep, cascade: CascadeQuery = False) -> None:
    """Delete a board; with its reviews only when cascade=true."""
    board_service.delete(session=session, board=board, cascade=cascade)
