"""A review's team: who uses the workbench on it, who leads and who codes."""

from __future__ import annotations

from fastapi import status

from api.deps import ItemId, PrincipalDep, ReviewDep, SessionDep
from api.routing import APIRouter
from scr.account.access import Principal
from scr.common.schemas import Page
from scr.errors import Forbidden
from scr.review.models import Review
from scr.team import service as team_service
from scr.team.schemas import TeamCandidateRead, TeamMemberAdd, TeamMemberRead

router = APIRouter(prefix="/reviews/{review_id}/team", tags=["team"])


def _lead_only(principal: Principal, review: Review) -> None:
    if review.id not in principal.leads:
        raise Forbidden("Only the review's lead reviewer can change who is on its team.")


@router.get("", response_model=Page[TeamMemberRead])
def list_(session: SessionDep, review: ReviewDep) -> Page[TeamMemberRead]:
    """List the team (a handful of accounts, not paged): lead reviewers first, and for each
    whether they have submitted their coding."""
    members = team_service.list_(session=session, review=review)
    return Page[TeamMemberRead](items=members, total=len(members))


@router.get("/candidates", response_model=Page[TeamCandidateRead])
def candidates(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep
) -> Page[TeamCandidateRead]:
    """List the reviewers the lead reviewer may add as a second coder: those the review's
    partnership has commissioned who are not on the team yet."""
    _lead_only(principal, review)
    found = team_service.candidates(session=session, review=review)
    return Page[TeamCandidateRead](items=found, total=len(found))


@router.post("", response_model=TeamMemberRead, status_code=status.HTTP_201_CREATED)
def add(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: TeamMemberAdd
) -> TeamMemberRead:
    """Add a commissioned reviewer as a second coder (the lead reviewer only; not to a
    published review)."""
    _lead_only(principal, review)
    return team_service.add(session=session, review=review, user_id=data.user_id)


@router.delete("/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, user_id: ItemId
) -> None:
    """Take a coder off the team (the lead reviewer only); their tags stay."""
    _lead_only(principal, review)
    team_service.remove(session=session, review=review, user_id=user_id)
