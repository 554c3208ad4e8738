"""Withdrawals: the reviews that left in the exchange and must no longer be counted.

A review of this instance is withdrawn when its lead reviewer reopens it or it is deleted
after it was published; one imported from another instance is withdrawn when a withdrawal
line from there is applied. Each is kept as one row per review (the latest), which the
export sends as a withdrawal line to everyone who pulls, and which the import consults so
that an older line of the review, sent again, is not taken back in.
"""

from __future__ import annotations

from sqlmodel import Session, select

from scr.board.models import Board
from scr.common.columns import utcnow
from scr.exchange.document import Source
from scr.exchange.instance import instance_id
from scr.exchange.models import ExchangeWithdrawal, ImportedReview
from scr.review.models import Review
from scr.vocabulary import ReviewStatus, WithdrawalReason


def standing(
    session: Session, *, instance: str, board: str, reference: str
) -> ExchangeWithdrawal | None:
    """The withdrawal kept for the review with this source key, if there is one."""
    return session.exec(
        select(ExchangeWithdrawal).where(
            ExchangeWithdrawal.source_instance == instance,
            ExchangeWithdrawal.source_board == board,
            ExchangeWithdrawal.reference == reference,
        )
    ).first()


def held_copy(session: Session, source: Source) -> ImportedReview | None:
    """Where the copy held here of the review with this source key came from, if one is."""
    return session.exec(
        select(ImportedReview).where(
            ImportedReview.source_instance == source.instance,
            ImportedReview.source_board == source.board,
            ImportedReview.reference == source.reference,
        )
    ).first()


def withdraw(
    session: Session,
    *,
    instance: str,
    board: str,
    reference: str,
    revision: int,
    reason: WithdrawalReason,
) -> ExchangeWithdrawal:
    """Keep the withdrawal of a review at ``revision`` (replacing an earlier one), dated now,
    so that an export since the last pull carries it."""
    row = standing(session, instance=instance, board=board, reference=reference)
    if row is None:
        row = ExchangeWithdrawal(
            source_instance=instance,
            source_board=board,
            reference=reference,
            revision=revision,
            reason=reason,
        )
    row.revision, row.reason, row.withdrawn_at = revision, reason, utcnow()
    session.add(row)
    session.flush()
    return row


def withdraw_own(session: Session, review: Review, reason: WithdrawalReason) -> None:
    """Withdraw a review of this instance from the exchange, if it may have left: it is
    published, or it was withdrawn before (reopened, and now deleted)."""
    board = session.get(Board, review.board_id)
    assert board is not None
    instance = instance_id(session)
    earlier = standing(session, instance=instance, board=board.code, reference=review.reference)
    if review.status != ReviewStatus.published and earlier is None:
        return
    withdraw(
        session,
        instance=instance,
        board=board.code,
        reference=review.reference,
        revision=review.revision,
        reason=reason,
    )


def clear_own(session: Session, review: Review) -> None:
    """Forget this instance's withdrawal of a review published again: its newer revision
    replaces the copies others hold."""
    board = session.get(Board, review.board_id)
    assert board is not None
    row = standing(
        session, instance=instance_id(session), board=board.code, reference=review.reference
    )
    if row is not None:
        session.delete(row)
        session.flush()
