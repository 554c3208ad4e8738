"""Agencies that work with families: a national reference list that a board may extend."""

from typing import Annotated

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked
from scr.common.types import ShortText

AgencyCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=60, pattern=r"^[a-z0-9][a-z0-9-]{0,59}$"),
    Field(description="Lower-case letters, digits and '-', e.g. 'health-visiting'."),
]


class AgencyFields(SQLModel):
    """An agency's fields a client writes: the table and its schemas share them."""

    code: AgencyCode = Field(
        sa_type=sa.String(100),
        unique=True,
        description="The agency's code, unique across the national list and every board's "
        "additions: lower-case letters, digits and '-', e.g. 'health-visiting'.",
    )
    name: ShortText = Field(
        sa_type=sa.String(200),
        description="The agency's name as the review's reports show it (an organisation, "
        "never a person).",
    )


class Agency(AgencyFields, Tracked, table=True):
    __tablename__ = "agency"

    id: int | None = Field(default=None, primary_key=True)
    # None for the national list's agencies, which no client writes: a client adds only a
    # board's own (AgencyCreate requires the board), so the field is kept apart.
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True)
