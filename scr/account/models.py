"""Accounts of the people and machines that use the workbench, and who works on which review."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, UtcDateTime, enum_column, utcnow
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


class ApiToken(Tracked, table=True):
    """A token for a machine (e.g. a national instance pulling exports); stored hashed."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    token_hash: str = Field(max_length=64, unique=True)
    role: Role = Field(sa_column=enum_column(Role))
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True)
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
