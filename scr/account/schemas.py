"""What clients send and receive about accounts and tokens."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, StringConstraints, TypeAdapter, ValidationError

from scr.common.schemas import ReadBase
from scr.common.types import storable
from scr.vocabulary import Role

Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    ),
    AfterValidator(storable),
]
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
