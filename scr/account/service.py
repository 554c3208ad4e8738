"""Accounts: create, list, disable, assign to reviews, and sign in."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from scr import db
from scr.account import passwords, security
from scr.account.models import ApiToken, ReviewAssignment, SignInAttempt, User
from scr.account.schemas import MachineTokenCreate, normal_email
from scr.board import service as board_service
from scr.board.models import Board
from scr.common import crud
from scr.common.columns import utcnow
from scr.common.lookup import get_or_404, id_of
from scr.config import Settings, signing_secret
from scr.errors import Conflict, InvalidInput, NotFound, TooManyAttempts
from scr.review.models import Review
from scr.vocabulary import Role


def _email(value: str, field: tuple[str | int, ...] = ("body", "email")) -> str:
    email = normal_email(value)
    if email is None:
        raise InvalidInput(f"{value[:60]!r} is not an e-mail address.", field=field)
    return email


def get_by_email(*, session: Session, email: str) -> User | None:
    """The account with this e-mail address, if any."""
    return session.exec(select(User).where(User.email == email.strip().lower())).first()


def create(
    *,
    session: Session,
    email: str,
    role: Role,
    password: str,
    board_code: str | None = None,
    actor: str | None = None,
) -> User:
    """Open an account; a board member belongs to exactly one board."""
    email = _email(email)
    if get_by_email(session=session, email=email) is not None:
        raise Conflict(f"There is already an account for {email}.")
    weakness = passwords.weakness(password, email=email)
    if weakness is not None:
        raise InvalidInput(weakness, field=("body", "password"))
    board_id = None
    if role == Role.board:
        if not board_code:
            raise InvalidInput("A board member's account needs --board CODE.")
        board = board_service.get_by_code(session=session, code=board_code)
        if board is None:
            raise NotFound(f"There is no board with code {board_code}.")
        board_id = board.id
    elif board_code:
        raise InvalidInput(f"Only board members belong to a board, not a {role.value}.")
    user = User(
        email=email, role=role, board_id=board_id, password_hash=security.hash_password(password)
    )
    crud.add(session, user, actor=actor)
    return user


def list_(*, session: Session) -> list[User]:
    """Every account, by e-mail address."""
    return list(session.exec(select(User).order_by(col(User.email))))


def _existing(session: Session, email: str) -> User:
    user = get_by_email(session=session, email=email)
    if user is None:
        raise NotFound(f"There is no account for {email}.")
    return user


def disable(*, session: Session, email: str, actor: str | None = None) -> User:
    """Stop an account signing in; its history stays."""
    user = _existing(session, email)
    crud.apply_changes(user, {"disabled": True}, actor=actor)
    session.flush()
    return user


def assign(*, session: Session, email: str, review_id: int, lead: bool = False) -> None:
    """Let a reviewer work on a review (as its lead reviewer, with ``lead``)."""
    user = _existing(session, email)
    if user.role != Role.reviewer:
        raise InvalidInput(
            f"Only reviewers are assigned to reviews; {email} is a {user.role.value}."
        )
    review = get_or_404(session, Review, review_id, "review")
    assign_user(session=session, user_id=id_of(user), review_id=id_of(review), lead=lead)


def assign_user(*, session: Session, user_id: int, review_id: int, lead: bool) -> None:
    """Record (or update) that the account works on the review."""
    assignment = session.get(ReviewAssignment, (user_id, review_id))
    if assignment is None:
        assignment = ReviewAssignment(user_id=user_id, review_id=review_id)
    assignment.lead = lead
    session.add(assignment)
    session.flush()


def sign_in(
    *, session: Session, settings: Settings, email: str, password: str, address: str
) -> str | None:
    """An access token for the right e-mail and password, else None; refuses (TooManyAttempts)
    once an account or an address has failed too often in the last minute."""
    email = _email(email, field=("body", "username"))
    # Counted and recorded one at a time per account and per address: otherwise parallel
    # guesses all count the same failures before any of them is recorded.
    db.serialize(session, f"sign-in account {email}", f"sign-in address {address}")
    since = utcnow() - timedelta(minutes=1)
    failures = session.exec(
        select(func.count())
        .select_from(SignInAttempt)
        .where(
            col(SignInAttempt.at) >= since,
            col(SignInAttempt.succeeded).is_(False),
            (col(SignInAttempt.email) == email) | (col(SignInAttempt.address) == address),
        )
    ).one()
    if failures >= settings.sign_in_failures_per_minute:
        raise TooManyAttempts("Too many failed sign-ins. Wait a minute and try again.")
    user = get_by_email(session=session, email=email)
    usable = user is not None and not user.disabled
    # The same work whether or not the account exists, so its time gives nothing away.
    hashed = user.password_hash if user is not None and usable else security.dummy_hash()
    ok = security.verify_password(password, hashed) and usable
    session.add(SignInAttempt(email=email, address=address, at=utcnow(), succeeded=ok))
    session.flush()
    if not ok or user is None:
        return None
    return security.issue_access_token(
        subject=str(user.id), secret=signing_secret(settings), minutes=settings.access_token_minutes
    )


MACHINE_ROLES = (Role.admin, Role.board, Role.national)


def create_machine_token(
    *, session: Session, settings: Settings, data: MachineTokenCreate, actor: str
) -> tuple[ApiToken, str]:
    """A new machine token and its secret, which is not kept: only its hash is. It lasts the
    days asked for (the configured default otherwise), never more than the maximum."""
    days = data.days or settings.machine_token_days
    if days > settings.machine_token_max_days:
        raise InvalidInput(
            f"A machine token lasts at most {settings.machine_token_max_days} days here.",
            field=("body", "days"),
        )
    if data.role not in MACHINE_ROLES:
        raise InvalidInput(
            "Machine tokens are for administrators, boards and national analysts; a reviewer "
            "signs in as a person, with their own assignments.",
            field=("body", "role"),
        )
    if (data.role == Role.board) != (data.board_id is not None):
        raise InvalidInput(
            "A board token needs board_id, and only a board token has one.",
            field=("body", "board_id"),
        )
    if data.board_id is not None and session.get(Board, data.board_id) is None:
        raise InvalidInput(
            f"There is no board with id {data.board_id}.", field=("body", "board_id")
        )
    secret = security.new_machine_token()
    now = utcnow()
    token = ApiToken(
        name=data.name,
        role=data.role,
        board_id=data.board_id,
        token_hash=security.hash_machine_token(secret),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    crud.add(session, token, actor=actor)
    return token, secret


def list_machine_tokens(*, session: Session, limit: int, offset: int) -> tuple[list[ApiToken], int]:
    """Every machine token, newest first (revoked ones too, with when)."""
    stmt = select(ApiToken).order_by(col(ApiToken.id).desc())
    return crud.page(session, stmt, limit=limit, offset=offset)


def revoke_machine_token(*, session: Session, token_id: int, actor: str) -> ApiToken:
    """Stop a machine token working; revoking twice changes nothing."""
    token = get_or_404(session, ApiToken, token_id, "machine token")
    if token.revoked_at is None:
        crud.apply_changes(token, {"revoked_at": utcnow()}, actor=actor)
        session.flush()
    return token
