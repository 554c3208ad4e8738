"""A review's team: the workbench accounts assigned to it, its lead reviewer and its coders.

The lead reviewer adds a second coder from the reviewers the review's partnership has
commissioned (``scr.account.commission``), so that blind double coding works on any review,
and takes one off. Nobody joins a published review (its coding is closed with the rest of
it), but a coder may still be taken off one: taking access away is always safe. A reviewer
taken off no longer sees the review; the tags they made stay, under their name, as the
coding history of the review.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from scr.account.models import Commission, ReviewAssignment, User
from scr.common.lookup import id_of
from scr.errors import Conflict, InvalidInput, NotFound
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.team.schemas import TeamCandidateRead, TeamMemberRead
from scr.vocabulary import ReviewStatus, Role


def list_(*, session: Session, review: Review) -> list[TeamMemberRead]:
    """The review's team: lead reviewers first, then the other coders, by e-mail."""
    rows = session.exec(
        select(ReviewAssignment, User)
        .join(User, col(User.id) == col(ReviewAssignment.user_id))
        .where(ReviewAssignment.review_id == review.id)
        .order_by(col(ReviewAssignment.lead).desc(), col(User.email))
    ).all()
    return [
        TeamMemberRead(
            user_id=id_of(user),
            email=user.email,
            lead=assignment.lead,
            submitted=tag_service.has_submitted(session, review, user.email),
        )
        for assignment, user in rows
    ]


def candidates(*, session: Session, review: Review) -> list[TeamCandidateRead]:
    """The reviewers the review's partnership has commissioned who are not on its team."""
    on_team = select(ReviewAssignment.user_id).where(ReviewAssignment.review_id == review.id)
    rows = session.exec(
        select(User)
        .join(Commission, col(Commission.user_id) == col(User.id))
        .where(
            Commission.board_id == review.board_id,
            User.role == Role.reviewer,
            col(User.disabled).is_(False),
            col(User.id).not_in(on_team),
        )
        .order_by(col(User.email))
    ).all()
    return [TeamCandidateRead(user_id=id_of(u), email=u.email) for u in rows]


def add(*, session: Session, review: Review, user_id: int) -> TeamMemberRead:
    """Add a commissioned reviewer to the team as a coder (not a lead reviewer); not to a
    published review, whose coding is closed with the rest of it."""
    if review.status == ReviewStatus.published:
        raise Conflict(
            "The review is published, so its coding is closed: reopen it before adding a coder."
        )
    user = session.get(User, user_id)
    commissioned = session.get(Commission, (review.board_id, user_id)) is not None
    # One answer for an account that does not exist, is not a reviewer, or belongs to another
    # partnership: the lead learns nothing about accounts outside their partnership's list.
    if user is None or user.role != Role.reviewer or user.disabled or not commissioned:
        raise InvalidInput(
            "That account is not a reviewer this review's partnership has commissioned: "
            "choose one from the list, or ask an administrator to record the commission.",
            field=("body", "user_id"),
        )
    if session.get(ReviewAssignment, (user_id, id_of(review))) is not None:
        raise Conflict(f"{user.email} is already on this review's team.")
    session.add(ReviewAssignment(user_id=user_id, review_id=id_of(review), lead=False))
    session.flush()
    return TeamMemberRead(
        user_id=user_id,
        email=user.email,
        lead=False,
        submitted=tag_service.has_submitted(session, review, user.email),
    )


def remove(*, session: Session, review: Review, user_id: int) -> None:
    """Take a coder off the team; a lead reviewer stays."""
    assignment = session.get(ReviewAssignment, (user_id, id_of(review)))
    if assignment is None:
        raise NotFound("That account is not on this review's team.")
    if assignment.lead:
        raise Conflict(
            "A lead reviewer cannot be taken off the team here; an administrator changes "
            "who leads a review."
        )
    session.delete(assignment)
    session.flush()
