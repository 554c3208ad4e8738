"""What clients send and receive about agencies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from scr.common.schemas import ReadBase, WriteBase
from scr.common.types import Id, ShortText

AgencyCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=60, pattern=r"^[a-z0-9][a-z0-9-]{0,59}$"),
    Field(description="Lower-case letters, digits and '-', e.g. 'health-visiting'."),
]


class AgencyCreate(WriteBase):
    """A board's own addition to the national list of agencies."""

    code: AgencyCode
    name: ShortText
    board_id: Id


class AgencyRead(ReadBase):
    code: str
    name: str
    board_id: int | None
