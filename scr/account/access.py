"""Who may see and change what (design.md, 'Access'): the caller as a Principal, and the rules.

The order of the checks matters: a role that may never do something is told so (403) before
anything is looked up, and a record outside the caller's scope answers as if it did not exist
(404), so that neither answer says whether another board's record exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy import ColumnElement, bindparam, false, true
from sqlmodel import Session, col, select

from scr.account import security
from scr.account.models import ApiToken, ReviewAssignment, User
from scr.common.columns import utcnow
from scr.common.types import MAX_INT
from scr.errors import Forbidden, NotFound
from scr.review.models import Review
from scr.vocabulary import Role

ROLE_WORDS = {
    Role.admin: "an administrator",
    Role.reviewer: "a reviewer",
    Role.board: "a board member",
    Role.national: "a national analyst",
}


@dataclass(frozen=True)
class Principal:
    """The person or machine making a request."""

    name: str
    role: Role
    board_id: int | None = None
    user_id: int | None = None
    token_id: int | None = None
    reviews: frozenset[int] = field(default_factory=frozenset)
    leads: frozenset[int] = field(default_factory=frozenset)


_ACCOUNT = (
    sa.select(
        col(User.email),
        col(User.role),
        col(User.board_id),
        col(User.disabled),
        col(ReviewAssignment.review_id),
        col(ReviewAssignment.lead),
    )
    .outerjoin(ReviewAssignment, col(ReviewAssignment.user_id) == col(User.id))
    .where(col(User.id) == bindparam("user_id"))
)
"""The account and the reviews it is assigned to, as plain rows (built once)."""


def of_access_token(session: Session, claims: dict[str, object]) -> Principal | None:
    """The principal an access token's claims name, if the account exists and is enabled,
    with the reviews it is assigned to (one query).

    The account is read afresh for every request, never kept between them: disabling it, or
    changing its role, board or reviews, applies to its very next request, in every server
    process. The rows are read as plain values, not as objects of the session, which is most
    of what reading them cost.
    """
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject.isdigit() or int(subject) > MAX_INT:
        return None
    if session.new or session.dirty or session.deleted:
        session.flush()  # as a query of the session would: it reads what the session changed
    rows = session.connection().execute(_ACCOUNT, {"user_id": int(subject)}).all()
    if not rows or rows[0].disabled:
        return None
    first = rows[0]
    assigned = [(row.review_id, row.lead) for row in rows if row.review_id is not None]
    return Principal(
        name=first.email,
        role=first.role,
        board_id=first.board_id,
        user_id=int(subject),
        reviews=frozenset(review for review, _ in assigned),
        leads=frozenset(review for review, lead in assigned if lead),
    )


def of_machine_token(session: Session, token: str, *, max_days: int) -> Principal | None:
    """The principal of an unrevoked, unexpired machine token that lasts at most ``max_days``
    (one made under a longer setting stops at the maximum)."""
    hashed = security.hash_machine_token(token)
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == hashed)).first()
    if row is None or row.revoked_at is not None:
        return None
    now = utcnow()
    if row.expires_at <= now or now - row.created_at > timedelta(days=max_days):
        return None
    return Principal(
        name=f"token:{row.name}", role=row.role, board_id=row.board_id, token_id=row.id
    )


def require_role(principal: Principal, *roles: Role, doing: str) -> None:
    """Refuse (403) a caller whose role is not among ``roles``."""
    if principal.role not in roles:
        raise Forbidden(f"As {ROLE_WORDS[principal.role]} you cannot {doing}.")


def require_person(principal: Principal, *, doing: str) -> None:
    """Refuse (403) a machine token: some things only a person signed in may do."""
    if principal.token_id is not None:
        raise Forbidden(f"A machine token cannot {doing}; sign in as a person to do it.")


def may_see(principal: Principal, review: Review) -> bool:
    """Whether the review is within the caller's scope."""
    match principal.role:
        case Role.admin:
            return True
        case Role.reviewer:
            return review.id in principal.reviews
        case Role.board:
            return review.board_id == principal.board_id
        case Role.national:
            return False


def check_review(principal: Principal, review: Review | None, *, change: bool) -> Review:
    """The review, if the caller may read it (or change it, with ``change``); else 403 for a
    role that never may, 404 for one outside the caller's scope or missing."""
    if change:
        require_role(principal, Role.admin, Role.reviewer, doing="change a review's records")
    else:
        require_role(
            principal, Role.admin, Role.reviewer, Role.board, doing="read a review's records"
        )
    if review is None or not may_see(principal, review):
        raise NotFound("There is no such review, or it is not one you work on.")
    return review


def visible_reviews(principal: Principal) -> ColumnElement[bool]:
    """A condition on Review selecting the reviews the caller may see."""
    match principal.role:
        case Role.admin:
            return true()
        case Role.reviewer:
            return col(Review.id).in_(sorted(principal.reviews))
        case Role.board:
            return col(Review.board_id) == principal.board_id
        case Role.national:
            return false()


def may_override_checks(principal: Principal, review: Review) -> bool:
    """Only the review's lead reviewer (or an administrator) may override blocking checks."""
    return principal.role == Role.admin or review.id in principal.leads


def chronology_reviews(principal: Principal) -> ColumnElement[bool]:
    """A condition on Review selecting the reviews whose chronology search may show the caller:
    those they work on as a reviewer. The chronology is the reviewers' working material,
    agencies' records not yet analysed, so a board member (or an administrator, who is not
    one of a review's reviewers) does not find it through search."""
    if principal.role != Role.reviewer:
        return false()
    return col(Review.id).in_(sorted(principal.reviews))


def of_account(session: Session, email: str) -> Principal | None:
    """The principal of the enabled account with this address, as if it had signed in (the
    command line acts for an account, under the same rules as the API)."""
    user = session.exec(select(User).where(User.email == email)).first()
    if user is None or user.id is None:
        return None
    return of_access_token(session, {"sub": str(user.id)})
