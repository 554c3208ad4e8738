"""Which agencies a board may name: the national list and its own, never another board's."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from scr.agency import service as agency_service
from scr.agency.schemas import AgencyCreate
from scr.common.types import MAX_INT
from scr.errors import Conflict, InvalidInput
from tests.factories import agency_id, make_board


def test_a_board_uses_the_national_list_and_its_own_agencies_but_not_another_boards(
    session: Session,
) -> None:
    board, other = make_board(session), make_board(session)
    theirs = agency_service.create(
        session=session,
        data=AgencyCreate(code="their-nursery", name="A nursery", board_id=other.id),
    )
    assert theirs.id is not None
    field = ("body", "agency_id")
    agency_service.ensure_usable(session, other.id, [theirs.id, agency_id(session)], field)
    agency_service.ensure_usable(session, board.id, [agency_id(session)], field)
    for unusable in (theirs.id, MAX_INT, MAX_INT + 1):
        with pytest.raises(InvalidInput, match=f"no agency with id {unusable}") as refused:
            agency_service.ensure_usable(session, board.id, [unusable], field)
        assert refused.value.field == field


def test_a_boards_list_shows_its_own_agencies_and_not_another_boards(session: Session) -> None:
    board, other = make_board(session), make_board(session)
    agency_service.create(
        session=session, data=AgencyCreate(code="own-nursery", name="A nursery", board_id=board.id)
    )

    def codes(board_id: int | None) -> set[str]:
        listed, _total = agency_service.list_(
            session=session, board_id=board_id, limit=500, offset=0
        )
        return {agency.code for agency in listed}

    assert "own-nursery" in codes(board.id)
    assert "own-nursery" not in codes(other.id)
    assert "own-nursery" not in codes(None)
    assert agency_service.get_by_code(session=session, code="gp") is not None


def test_an_agency_code_is_taken_once(session: Session) -> None:
    board = make_board(session)
    data = AgencyCreate(code="twice-nursery", name="A nursery", board_id=board.id)
    agency_service.create(session=session, data=data)
    with pytest.raises(Conflict, match="'twice-nursery' already exists"):
        agency_service.create(session=session, data=data)
