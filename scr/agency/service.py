"""Agencies: the national reference list plus each board's own additions."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_
from sqlmodel import Session, col, select

from scr.agency.models import Agency
from scr.agency.schemas import AgencyCreate
from scr.board.models import Board
from scr.common import crud
from scr.common.types import MAX_INT
from scr.errors import Conflict, InvalidInput


def list_(
    *, session: Session, board_id: int | None, limit: int, offset: int
) -> tuple[list[Agency], int]:
    """The national agencies, plus a board's own when ``board_id`` is given."""
    stmt = select(Agency).where(
        or_(col(Agency.board_id).is_(None), col(Agency.board_id) == board_id)
    )
    return crud.page(session, stmt.order_by(col(Agency.name)), limit=limit, offset=offset)


def get_by_code(*, session: Session, code: str) -> Agency | None:
    """The agency with this code, if any."""
    return session.exec(select(Agency).where(Agency.code == code)).first()


def create(*, session: Session, data: AgencyCreate, actor: str | None = None) -> Agency:
    """Add an agency to a board's list."""
    if session.get(Board, data.board_id) is None:
        raise InvalidInput(
            f"There is no board with id {data.board_id}.", field=("body", "board_id")
        )
    if get_by_code(session=session, code=data.code) is not None:
        raise Conflict(f"An agency with code {data.code!r} already exists.")
    agency = Agency(**data.model_dump())
    crud.add(session, agency, actor=actor)
    return agency


def ensure_usable(
    session: Session, board_id: int, agency_ids: Iterable[int], field: tuple[str | int, ...]
) -> None:
    """Refuse agencies that do not exist or belong to another board's list."""
    for agency_id in agency_ids:
        agency = session.get(Agency, agency_id) if agency_id <= MAX_INT else None
        if agency is None or agency.board_id not in (None, board_id):
            raise InvalidInput(
                f"There is no agency with id {agency_id} in this board's list of agencies.",
                field=field,
            )


def ensure_sent_usable(session: Session, board_id: int, agency_id: int | None) -> None:
    """Refuse the ``agency_id`` sent in a request's body unless it is left empty or names an
    agency the board may use."""
    if agency_id is not None:
        ensure_usable(session, board_id, [agency_id], ("body", "agency_id"))
