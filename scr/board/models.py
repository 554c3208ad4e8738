"""A safeguarding partnership (until 2019 the Local Safeguarding Children Board)."""

from sqlmodel import Field

from scr.common.columns import Tracked, enum_column
from scr.vocabulary import Region


class Board(Tracked, table=True):
    __tablename__ = "board"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    code: str = Field(max_length=100, unique=True)
    region: Region = Field(sa_column=enum_column(Region))
