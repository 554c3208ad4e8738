"""Accounts: create, list, disable, assign to reviews, and sign in."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from scr.account import security
from scr.account.models import ReviewAssignment, SignInAttempt, User
from scr.account.schemas import normal_email
from scr.board import service as board_service
from scr.common import crud
from scr.common.columns import utcnow
from scr.common.lookup import id_of
from scr.config import Settings, signing_secret
from scr.errors import Conflict, InvalidInput, NotFound, TooManyAttempts
from scr.review import service as review_service
from scr.vocabulary import Role

MIN_PASSWORD = 12


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
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"The password must be at least {MIN_PASSWORD} characters long.")
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
    crud.stamp_new(user, actor=actor)
    session.add(user)
    session.flush()
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


def assign(*, session: Session, email: str, review_id: int) -> None:
    """Let a reviewer work on a review."""
    user = _existing(session, email)
    if user.role != Role.reviewer:
        raise InvalidInput(
            f"Only reviewers are assigned to reviews; {email} is a {user.role.value}."
        )
    review = review_service.get(session=session, review_id=review_id)
    if session.get(ReviewAssignment, (id_of(user), id_of(review))) is None:
        session.add(ReviewAssignment(user_id=id_of(user), review_id=id_of(review)))
        session.flush()


def sign_in(
    *, session: Session, settings: Settings, email: str, password: str, address: str
) -> str | None:
    """An access token for the right e-mail and password, else None; refuses (TooManyAttempts)
    once an account or an address has failed too often in the last minute."""
    email = _email(email, field=("body", "username"))
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
    ok = (
        user is not None
        and not user.disabled
        and security.verify_password(password, user.password_hash)
    )
    session.add(SignInAttempt(email=email, address=address, at=utcnow(), succeeded=ok))
    session.flush()
    if not ok or user is None:
        return None
    return security.issue_access_token(
        subject=str(user.id), secret=signing_secret(settings), minutes=settings.access_token_minutes
    )
