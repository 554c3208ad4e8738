"""Boards: the safeguarding partnerships that commission reviews."""

from __future__ import annotations

from sqlmodel import Session, col, select

from scr.board.models import Board
from scr.board.schemas import BoardCreate, BoardRead, BoardUpdate
from scr.common import crud
from scr.common.lookup import get_or_404
from scr.errors import Conflict


def list_(
    *,
    session: Session,
    limit: int,
    offset: int,
    only: int | None = None,
    among: list[int] | None = None,
) -> tuple[list[Board], int]:
    """List boards by name (``only`` the one with that id, for a board member; ``among``
    only those ids)."""
    stmt = select(Board)
    if only is not None:
        stmt = stmt.where(Board.id == only)
    if among is not None:
        stmt = stmt.where(col(Board.id).in_(among))
    return crud.page(session, stmt.order_by(col(Board.name)), limit=limit, offset=offset)


def get(*, session: Session, board_id: int) -> Board:
    """Load a board or raise NotFound."""
    return get_or_404(session, Board, board_id, "board")


def get_by_code(*, session: Session, code: str) -> Board | None:
    """The board with this code, if any."""
    return session.exec(select(Board).where(Board.code == code)).first()


def _ensure_code_free(session: Session, code: str, board_id: int | None = None) -> None:
    other = get_by_code(session=session, code=code)
    if other is not None and other.id != board_id:
        raise Conflict(f"A board with code {code!r} already exists: choose another code.")


def create(*, session: Session, data: BoardCreate, actor: str | None = None) -> Board:
    """Create a board."""
    _ensure_code_free(session, data.code)
    board = Board(**data.model_dump())
    crud.add(session, board, actor=actor)
    return board


def update(*, session: Session, board: Board, data: BoardUpdate, actor: str | None = None) -> Board:
    """Change a board, refusing a stale version."""
    changes = crud.changes(session, board, data, BoardRead.model_validate)
    if "code" in changes:
        _ensure_code_free(session, changes["code"], board.id)
    crud.apply_changes(board, changes, actor=actor)
    session.flush()
    return board
