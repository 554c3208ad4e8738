"""A safeguarding partnership (until 2019 the Local Safeguarding Children Board)."""

from typing import Annotated

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, enum_type
from scr.common.types import ShortText
from scr.vocabulary import Region

BoardCode = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=50, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$"
    ),
]
"""A short code for the partnership: letters, digits, '-' and '_' (e.g. ``NORTHBY``)."""


class BoardFields(SQLModel):
    """A board's fields a client writes: the table and its schemas share them."""

    name: ShortText = Field(
        sa_type=sa.String(200),
        description="The partnership's name, as its reports give it.",
        schema_extra={"examples": ["Northby Safeguarding Children Partnership"]},
    )
    code: BoardCode = Field(
        sa_type=sa.String(100),
        unique=True,
        description="A short code for the partnership, unique among boards: letters, digits, "
        "'-' and '_'.",
        schema_extra={"examples": ["NORTHBY"]},
    )
    region: Region = Field(
        sa_type=enum_type(Region), description="The region of England the partnership is in."
    )


class Board(BoardFields, Tracked, table=True):
    __tablename__ = "board"

    id: int | None = Field(default=None, primary_key=True)
