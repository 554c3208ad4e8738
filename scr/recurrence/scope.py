"""Where an earlier finding may come from, and how one is named.

One condition on ``Review`` (``linkable_reviews``) is used by the suggestions, by a link's
check and when a link is shown: a review of the same partnership that the caller may see
(``scr.account.access.visible_reviews``), or a review of any partnership that is published
and cleared by the identifier scan at its current revision (published, scanned learning, as
the national body reads it). Nothing outside it is read: not its statement, not its codes,
not that it exists.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import col

from scr.board.models import Board
from scr.finding.models import Finding
from scr.records import names as record_names
from scr.recurrence.schemas import EarlierFinding
from scr.review.models import Review
from scr.vocabulary import ReviewStatus


def linkable_reviews(review: Review, visible: ColumnElement[bool]) -> ColumnElement[bool]:
    """The reviews whose findings ``review``'s findings may be found before in."""
    published = and_(
        col(Review.status) == ReviewStatus.published,
        col(Review.cleared_revision) == col(Review.revision),
    )
    return and_(
        col(Review.id) != review.id,
        or_(and_(col(Review.board_id) == review.board_id, visible), published),
    )


EARLIER: tuple[Any, ...] = (
    col(Finding.id),
    col(Finding.review_id),
    col(Finding.ordinal),
    col(Finding.title),
    col(Finding.statement),
    col(Review.reference),
    col(Review.board_id),
    col(Board.name),
)


def earlier_rows(*where: Any) -> Any:
    """The columns of ``EARLIER`` for the findings ``where`` selects."""
    return (
        sa.select(*EARLIER)
        .join(Review, col(Review.id) == col(Finding.review_id))
        .join(Board, col(Board.id) == col(Review.board_id))
        .where(*where)
    )


def earlier_finding(row: Any, *, titled: bool = True) -> EarlierFinding:
    return EarlierFinding(
        finding_id=row[0],
        review_id=row[1],
        reference=row[5],
        board_id=row[6],
        board_name=row[7],
        name=record_names.finding(row[2]),
        title=row[3] if titled else None,
    )


def found_before(earlier: EarlierFinding) -> str:
    return f"Found before in {earlier.board_name} {earlier.reference}, {earlier.name}"
