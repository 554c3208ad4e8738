"""Fictional accounts for the demo, one for each role, all with the same published password.

They are created only on a demonstration instance (SCR_DEMO), never on a real one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from scr.account import commission as commission_service
from scr.account import service as account_service
from scr.board.models import Board
from scr.common.lookup import id_of
from scr.review.models import Review
from scr.vocabulary import Role

DEMO_PASSWORD = "demo-password-1"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: Role
    what: str
    lead: bool = False
    assigned: bool = False
    of_board: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("admin@demo.example.org", Role.admin, "administrator"),
    DemoAccount(
        "lead.reviewer@demo.example.org",
        Role.reviewer,
        "lead reviewer of the demo review",
        lead=True,
        assigned=True,
    ),
    DemoAccount(
        "second.coder@demo.example.org",
        Role.reviewer,
        "reviewer on the demo review (second coder)",
        assigned=True,
    ),
    DemoAccount(
        "board.member@demo.example.org",
        Role.board,
        "board member of the demo partnership",
        of_board=True,
    ),
    DemoAccount("national.analyst@demo.example.org", Role.national, "national analyst"),
)


def ensure_demo_accounts(*, session: Session, review: Review) -> list[DemoAccount]:
    """Create the demo accounts that are missing; return those created."""
    board = session.get(Board, review.board_id)
    created = []
    for account in DEMO_ACCOUNTS:
        if account_service.get_by_email(session=session, email=account.email) is None:
            account_service.create(
                session=session,
                email=account.email,
                role=account.role,
                password=DEMO_PASSWORD,
                board_code=board.code if account.of_board and board else None,
                actor="demo",
            )
            created.append(account)
        if account.role == Role.reviewer and board is not None:
            user = account_service.get_by_email(session=session, email=account.email)
            if user is not None and not commission_service.has_commissioned(
                session=session, board_id=id_of(board), user_id=id_of(user)
            ):
                commission_service.commission(
                    session=session, board=board, email=account.email, actor="demo"
                )
        if account.assigned:
            account_service.assign(
                session=session, email=account.email, review_id=id_of(review), lead=account.lead
            )
    return created
