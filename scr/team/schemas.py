"""What clients send and receive about a review's team: the workbench accounts working on it."""

from __future__ import annotations

from pydantic import BaseModel, Field

from scr.common.schemas import WriteBase
from scr.common.types import Id

# No Fields class: a team is its review's assignments (ReviewAssignment), and what these
# schemas show of a member is read from other tables (the account's address, the coding
# submitted), while a client writes only the account to add.

_USER = "The member's workbench account."
_EMAIL = "The account's address."


class TeamMemberRead(BaseModel):
    """A workbench account working on the review: its lead reviewer, or a reviewer who codes it."""

    user_id: int = Field(description=_USER)
    email: str = Field(description=_EMAIL)
    lead: bool = Field(description="The review's lead reviewer (who also codes it).")
    submitted: bool = Field(description="Whether they have submitted their coding of it.")


class TeamCandidateRead(BaseModel):
    """A reviewer the review's partnership has commissioned who is not yet on its team."""

    user_id: int = Field(description="The reviewer's workbench account.")
    email: str = Field(description=_EMAIL)


class TeamMemberAdd(WriteBase):
    user_id: Id = Field(
        description="The account of a reviewer the review's partnership has commissioned; "
        "they join the team as a second coder."
    )
