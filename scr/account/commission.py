"""Which reviewers a partnership has commissioned: a reviewer opens reviews only for those.

An administrator records a commission (the API's boards routes, or ``scr users commission``).
Ending one stops the reviewer opening new reviews for the partnership; the reviews they
already work on stay theirs (those are assignments, kept apart).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from scr.account.access import Principal
from scr.account.models import Commission, User
from scr.account.schemas import CommissionRead
from scr.board.models import Board
from scr.common.lookup import id_of
from scr.errors import Conflict, Forbidden, InvalidInput, NotFound
from scr.vocabulary import Role


def _read(commission: Commission, email: str) -> CommissionRead:
    return CommissionRead(
        board_id=commission.board_id,
        user_id=commission.user_id,
        email=email,
        created_at=commission.created_at,
        created_by=commission.created_by,
    )


def list_(*, session: Session, board: Board) -> list[CommissionRead]:
    """The reviewers the board has commissioned, by e-mail."""
    rows = session.exec(
        select(Commission, User)
        .join(User, col(User.id) == col(Commission.user_id))
        .where(Commission.board_id == board.id)
        .order_by(col(User.email))
    ).all()
    return [_read(c, u.email) for c, u in rows]


def has_commissioned(*, session: Session, board_id: int, user_id: int) -> bool:
    """Whether the board has commissioned this reviewer."""
    return session.get(Commission, (board_id, user_id)) is not None


def commission(
    *, session: Session, board: Board, email: str, actor: str | None = None
) -> CommissionRead:
    """Record that the board has commissioned the reviewer with this e-mail."""
    user = session.exec(select(User).where(User.email == email)).first()
    if user is None or user.role != Role.reviewer:
        raise InvalidInput(
            f"There is no reviewer's account for {email}: a board commissions reviewers, "
            "and an administrator creates their accounts.",
            field=("body", "email"),
        )
    if has_commissioned(session=session, board_id=id_of(board), user_id=id_of(user)):
        raise Conflict(f"Board {board.code} has already commissioned {email}.")
    made = Commission(board_id=id_of(board), user_id=id_of(user), created_by=actor)
    session.add(made)
    session.flush()
    return _read(made, user.email)


def withdraw(*, session: Session, board: Board, user_id: int) -> None:
    """End the board's commission of a reviewer; their reviews stay theirs."""
    found = session.get(Commission, (id_of(board), user_id))
    if found is None:
        raise NotFound(f"Board {board.code} has not commissioned that reviewer.")
    session.delete(found)
    session.flush()


def commissioning_boards(*, session: Session, user_id: int) -> list[int]:
    """The ids of the boards that have commissioned this reviewer."""
    stmt = select(Commission.board_id).where(Commission.user_id == user_id)
    return list(session.exec(stmt).all())


def ensure_may_open_for(session: Session, principal: Principal, board_id: int) -> None:
    """Refuse (403) a reviewer opening a review for a partnership that has not commissioned
    them (the same answer whether or not the partnership exists); administrators may."""
    if principal.role != Role.reviewer:
        return
    if principal.user_id is None or not has_commissioned(
        session=session, board_id=board_id, user_id=principal.user_id
    ):
        raise Forbidden(
            "You can open reviews only for the partnerships that have commissioned you; ask "
            "an administrator to record the commission."
        )
