"""Agencies that work with families: a national reference list that a board may extend."""

from sqlmodel import Field

from scr.common.columns import Tracked


class Agency(Tracked, table=True):
    __tablename__ = "agency"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=100, unique=True)
    name: str = Field(max_length=200)
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True)
