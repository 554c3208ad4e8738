"""What clients send and receive about a review's team: the workbench accounts working on it."""

from __future__ import annotations

from pydantic import BaseModel, Field

from scr.common.schemas import WriteBase
from scr.common.types import Id


class TeamMemberRead(BaseModel):
    """A workbench account working on the review: its lead reviewer, or a reviewer who codes it."""

    user_id: int
    email: str
    lead: bool = Field(description="The review's lead reviewer (who also codes it).")
    submitted: bool = Field(description="Whether they have submitted their coding of it.")


class TeamCandidateRead(BaseModel):
    """A reviewer the review's partnership has commissioned who is not yet on its team."""

    user_id: int
    email: str


class TeamMemberAdd(WriteBase):
    user_id: Id = Field(
        description="The account of a reviewer the review's partnership has commissioned; "
        "they join the team as a second coder."
    )
