"""What clients send and receive about accounts and tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

from scr.account.models import MachineTokenFields
from scr.common.schemas import DescribedRead, ReadBase, WriteBase
from scr.common.types import storable
from scr.vocabulary import Role

Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    ),
    AfterValidator(storable),
]
"""An account's address. At most 200 characters (not e-mail's 254): it is written as the
person who changed a record, coded a tag or overrode the checks, in 200-character columns."""
_EMAIL = TypeAdapter(Email)


def normal_email(value: str) -> str | None:
    """The address in its stored form (trimmed, lower case), or None if it is not one."""
    try:
        return _EMAIL.validate_python(value)
    except ValidationError:
        return None


_ROLE = "What the account may do: admin, reviewer, board member or national analyst."
_BOARD = "The board a board member's account belongs to; none for the other roles."


class UserRead(ReadBase):
    email: str = Field(description="The account's address, by which its holder signs in.")
    role: Role = Field(description=_ROLE)
    board_id: int | None = Field(description=_BOARD)
    disabled: bool = Field(description="Whether the account is disabled: it cannot sign in.")


class AccessToken(BaseModel):
    access_token: str = Field(description="The token to send as 'Authorization: Bearer ...'.")
    token_type: str = Field(default="bearer", description="Always bearer.")
    expires_in: int = Field(description="How many seconds the token lasts.")


class Me(BaseModel):
    """Who is signed in."""

    email: str = Field(description="Their account's address (a machine token's: token:NAME).")
    role: Role = Field(description=_ROLE)
    board_id: int | None = Field(description=_BOARD)
    reviews: list[int] = Field(description="The reviews a reviewer is assigned to, by id.")
    leads: list[int] = Field(description="Of those, the reviews they are lead reviewer of.")


class MachineTokenCreate(MachineTokenFields, WriteBase):
    days: int | None = Field(
        default=None,
        ge=1,
        le=5 * 366,
        description="How many days the token lasts: the instance's default (90) when unset, "
        "and never more than its maximum (a year unless configured).",
    )


class MachineTokenRead(DescribedRead, fields=MachineTokenFields):
    name: str
    role: Role
    board_id: int | None
    revoked_at: datetime | None = Field(description="When it was revoked, if it was (UTC).")
    expires_at: datetime = Field(description="When it stops working (UTC).")


class MachineTokenCreated(MachineTokenRead):
    token: str = Field(description="Shown this once; only its hash is kept.")


class CommissionCreate(WriteBase):
    email: Email = Field(
        examples=["lead.reviewer@example.org"],
        description="The reviewer's account: they may then open reviews for this partnership.",
    )


class CommissionRead(BaseModel):
    board_id: int = Field(description="The partnership that commissioned the reviewer.")
    user_id: int = Field(description="The reviewer's account.")
    email: str = Field(description="The reviewer's account's address.")
    created_at: datetime = Field(description="When the partnership commissioned them (UTC).")
    created_by: str | None = Field(description="Who recorded it (their user name).")
