"""What clients send and receive about accounts and tokens."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, StringConstraints

from scr.common.schemas import ReadBase
from scr.vocabulary import Role

Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    ),
]


class UserRead(ReadBase):
    email: str
    role: Role
    board_id: int | None
    disabled: bool


class AccessToken(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
