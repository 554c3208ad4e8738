"""Bulk inserts without the ORM: rows read back as the ORM wrote them, ids in the rows'
order, and a broken constraint refused as SQLAlchemy's IntegrityError, on both engines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from scr.board.models import Board
from scr.records import write
from scr.vocabulary import Region


def _boards(*codes: str) -> list[dict[str, object]]:
    return [
        {"code": c, "name": f"Partnership {c}", "region": Region.north_west} | write.stamp("tester")
        for c in codes
    ]


def test_rows_come_back_as_written_with_their_ids_in_order(session: Session) -> None:
    first = write.insert(session, Board, _boards("WRT-A", "WRT-B", "WRT-C"), ids=True)
    then = write.insert(session, Board, _boards("WRT-D"), ids=True)
    assert len(set(first)) == 3
    assert then[0] > max(first)
    session.expire_all()
    boards = [session.get(Board, i) for i in [*first, *then]]
    assert [b.code for b in boards if b is not None] == ["WRT-A", "WRT-B", "WRT-C", "WRT-D"]
    board = boards[0]
    assert board is not None
    assert board.region == Region.north_west
    assert board.version == 1
    assert board.updated_by == "tester"
    assert board.created_at.tzinfo is not None
    assert abs(board.created_at - datetime.now(UTC)).total_seconds() < 60


def test_a_broken_constraint_is_an_integrity_error_and_its_savepoint_rolls_back(
    session: Session,
) -> None:
    write.insert(session, Board, _boards("WRT-E"))
    with pytest.raises(IntegrityError), session.begin_nested():
        write.insert(session, Board, _boards("WRT-F", "WRT-E"), ids=True)
    with pytest.raises(IntegrityError), session.begin_nested():
        write.insert(session, Board, _boards("WRT-G", "WRT-E"))
    (kept,) = write.insert(session, Board, _boards("WRT-F"), ids=True)
    board = session.get(Board, kept)
    assert board is not None
    assert board.code == "WRT-F"
