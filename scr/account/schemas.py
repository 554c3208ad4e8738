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

from scr.common.schemas import ReadBase, WriteBase
from scr.common.types import Id, storable
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


class UserRead(ReadBase):
    email: str
    role: Role
    board_id: int | None
    disabled: bool


class AccessToken(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class Me(BaseModel):
    """Who is signed in."""

    email: str
    role: Role
    board_id: int | None
    reviews: list[int] = Field(description="The reviews a reviewer is assigned to, by id.")
    leads: list[int] = Field(description="Of those, the reviews they are lead reviewer of.")


TokenName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(storable),
]
"""What a machine token is for; it acts as ``token:NAME``, which must fit the actor columns."""


class MachineTokenCreate(WriteBase):
    name: TokenName = Field(examples=["national instance"], description="What the token is for.")
    role: Role = Field(description="A board or national role; reviewers sign in as people.")
    board_id: Id | None = Field(default=None, description="The board, for a board token.")
    days: int | None = Field(
        default=None,
        ge=1,
        le=5 * 366,
        description="How many days the token lasts: the instance's default (90) when unset, "
        "and never more than its maximum (a year unless configured).",
    )


class MachineTokenRead(ReadBase):
    name: str
    role: Role
    board_id: int | None
    revoked_at: datetime | None
    expires_at: datetime


class MachineTokenCreated(MachineTokenRead):
    token: str = Field(description="Shown this once; only its hash is kept.")


class CommissionCreate(WriteBase):
    email: Email = Field(
        examples=["lead.reviewer@example.org"],
        description="The reviewer's account: they may then open reviews for this partnership.",
    )


class CommissionRead(BaseModel):
    board_id: int
    user_id: int
    email: str
    created_at: datetime
    created_by: str | None
