"""What clients send and receive about agencies."""

from __future__ import annotations

from pydantic import Field

from scr.agency.models import AgencyCode as AgencyCode  # (the exchange's agencies use it too)
from scr.agency.models import AgencyFields
from scr.common.schemas import DescribedRead, WriteBase
from scr.common.types import Id


class AgencyCreate(AgencyFields, WriteBase):
    """A board's own addition to the national list of agencies."""

    board_id: Id = Field(description="The board whose own list the agency joins.")


class AgencyRead(DescribedRead, fields=AgencyFields):
    code: str
    name: str
    board_id: int | None = Field(
        description="The board whose own list the agency is in; none for the national list."
    )
