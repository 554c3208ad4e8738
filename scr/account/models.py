"""Accounts of the people and machines that use the workbench, and who works on which review."""

from datetime import datetime
from typing import Annotated

import sqlalchemy as sa
from pydantic import AfterValidator, StringConstraints
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, UtcDateTime, enum_column, enum_type, utcnow
from scr.common.types import Id, storable
from scr.vocabulary import Role


class User(Tracked, table=True):
    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True)
    role: Role = Field(sa_column=enum_column(Role))
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True)
    password_hash: str = Field(max_length=500)
    disabled: bool = False


class ReviewAssignment(SQLModel, table=True):
    """A reviewer works on this review."""

    __tablename__ = "review_assignment"

    user_id: int = Field(foreign_key="user_account.id", primary_key=True)
    review_id: int = Field(foreign_key="review.id", primary_key=True, index=True)
    # The lead reviewer may override blocking checks when moving the review on.
    lead: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class Commission(SQLModel, table=True):
    """A partnership has commissioned this reviewer: they may open reviews for it."""

    __tablename__ = "commission"

    board_id: int = Field(foreign_key="board.id", primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", primary_key=True, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)
    created_by: str | None = Field(default=None, max_length=200)


TokenName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(storable),
]
"""What a machine token is for; it acts as ``token:NAME``, which must fit the actor columns."""


class MachineTokenFields(SQLModel):
    """A machine token's fields a client writes: the table and its schemas share them."""

    name: TokenName = Field(
        sa_type=sa.String(200),
        description="What the token is for.",
        schema_extra={"examples": ["national instance"]},
    )
    role: Role = Field(
        sa_type=enum_type(Role),
        description="A board or national role; reviewers sign in as people.",
    )
    board_id: Id | None = Field(
        default=None,
        foreign_key="board.id",
        index=True,
        description="The board, for a board token.",
    )


class ApiToken(MachineTokenFields, Tracked, table=True):
    """A token for a machine (e.g. a national instance pulling exports); stored hashed."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    # (its secret is shown once, when it is made, and never kept: the API never shows this)
    token_hash: str = Field(max_length=64, unique=True)
    revoked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    expires_at: datetime = Field(sa_type=UtcDateTime, nullable=False)


class SignInAttempt(SQLModel, table=True):
    """Each sign-in attempt, to slow down password guessing across every API process."""

    __tablename__ = "sign_in_attempt"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    address: str = Field(max_length=100, index=True)
    at: datetime = Field(sa_type=UtcDateTime, index=True)
    succeeded: bool
