"""Findings that come back: the links a reviewer makes from a finding to earlier ones ("found
before in ..."), and a partnership's findings that came back. Where an earlier finding may
come from is ``scr.recurrence.scope``; the suggestions are ``scr.recurrence.suggestions``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from scr.board.models import Board
from scr.common import crud
from scr.common.lookup import id_of
from scr.errors import Conflict, InvalidInput, NotFound
from scr.finding.models import Finding
from scr.records import names as record_names
from scr.recurrence import scope
from scr.recurrence.models import FoundBefore
from scr.recurrence.schemas import (
    CameBack,
    EarlierFinding,
    FoundBeforeCreate,
    FoundBeforeRead,
    RecurringFinding,
)
from scr.review import frozen
from scr.review.models import Review


def _links(session: Session, where: ColumnElement[bool]) -> list[Any]:
    return list(
        session.execute(
            sa.select(FoundBefore, *scope.EARLIER)
            .join(Finding, col(Finding.id) == col(FoundBefore.earlier_finding_id))
            .join(Review, col(Review.id) == col(Finding.review_id))
            .join(Board, col(Board.id) == col(Review.board_id))
            .where(where)
            .order_by(col(FoundBefore.id))
        ).all()
    )


def _read(
    session: Session, review: Review, visible: ColumnElement[bool], row: Any
) -> FoundBeforeRead:
    link: FoundBefore = row[0]
    titled = _may_link(session, review, visible, row[2])
    earlier = scope.earlier_finding(row[1:], titled=titled)
    return FoundBeforeRead(
        id=id_of(link),
        finding_id=link.finding_id,
        earlier=earlier,
        found_before=scope.found_before(earlier),
        created_at=link.created_at,
        updated_by=link.updated_by,
    )


def _may_link(
    session: Session, review: Review, visible: ColumnElement[bool], review_id: int
) -> bool:
    stmt = select(Review.id).where(
        col(Review.id) == review_id, scope.linkable_reviews(review, visible)
    )
    return session.exec(stmt).first() is not None


def list_(
    *, session: Session, review: Review, finding: Finding, visible: ColumnElement[bool]
) -> list[FoundBeforeRead]:
    """The earlier findings ``finding`` was found before in, in the order linked; an earlier
    finding the caller may no longer read (its review reopened) is named without its title."""
    rows = _links(session, col(FoundBefore.finding_id) == id_of(finding))
    return [_read(session, review, visible, row) for row in rows]


def link(
    *,
    session: Session,
    review: Review,
    finding: Finding,
    data: FoundBeforeCreate,
    visible: ColumnElement[bool],
    actor: str | None = None,
) -> FoundBeforeRead:
    """Record that ``finding`` was found before in an earlier finding the caller may see."""
    frozen.ensure_not_published(review)
    name = record_names.finding(finding.ordinal)
    earlier = session.get(Finding, data.earlier_finding_id)
    if earlier is not None and earlier.review_id == review.id:
        raise InvalidInput(
            f"{name} can only be found before in another review, not in its own review.",
            field=("body", "earlier_finding_id"),
        )
    if earlier is None or not _may_link(session, review, visible, earlier.review_id):
        raise NotFound(
            f"There is no finding with id {data.earlier_finding_id} that {name} may be linked "
            "to: it must be in a review of this partnership you may see, or a published one."
        )
    pair = (FoundBefore.finding_id == finding.id, FoundBefore.earlier_finding_id == earlier.id)
    back = (FoundBefore.finding_id == earlier.id, FoundBefore.earlier_finding_id == finding.id)
    named = _named(session, earlier)
    if session.exec(select(FoundBefore.id).where(*pair)).first() is not None:
        raise Conflict(f"{name} is already linked: {scope.found_before(named)}.")
    if session.exec(select(FoundBefore.id).where(*back)).first() is not None:
        raise Conflict(
            f"{name} cannot be found before in {named.reference}, {named.name}: that finding "
            f"is already linked as found before in {name} of this review."
        )
    record = FoundBefore(
        review_id=id_of(review), finding_id=id_of(finding), earlier_finding_id=id_of(earlier)
    )
    crud.stamp_new(record, actor=actor)
    session.add(record)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(f"{name} is already linked to that earlier finding.") from None
    rows = _links(session, col(FoundBefore.id) == record.id)
    return _read(session, review, visible, rows[0])


def _named(session: Session, finding: Finding) -> EarlierFinding:
    row = session.execute(scope.earlier_rows(col(Finding.id) == finding.id)).one()
    return scope.earlier_finding(row)


def unlink(*, session: Session, review: Review, finding: Finding, link_id: int) -> None:
    """Remove one of ``finding``'s links to an earlier finding."""
    frozen.ensure_not_published(review)
    record = session.get(FoundBefore, link_id)
    if record is None or record.finding_id != finding.id:
        raise NotFound(
            f"{record_names.finding(finding.ordinal)} has no link with id {link_id} to an "
            "earlier finding: it may have been removed already."
        )
    session.delete(record)
    session.flush()


def recurring(
    *, session: Session, board: Board, limit: int, offset: int
) -> tuple[list[RecurringFinding], int]:
    """The partnership's findings that came back in its later reviews, most often first.

    Links join findings into chains (a finding found before in one that was itself found
    before): each chain is counted once, under its first finding (the one found before in no
    other), and came back in every other finding of the chain. Only links between the
    partnership's own reviews count, so the figures say nothing of other partnerships.
    """
    of_board = select(Finding.id).join(Review, col(Review.id) == col(Finding.review_id))
    of_board = of_board.where(col(Review.board_id) == board.id)
    pairs = session.exec(
        select(FoundBefore.finding_id, FoundBefore.earlier_finding_id).where(
            col(FoundBefore.finding_id).in_(of_board),
            col(FoundBefore.earlier_finding_id).in_(of_board),
        )
    ).all()
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for later, earlier in pairs:
        parent[root(later)] = root(earlier)
    later_ones = {later for later, _ in pairs}
    chains: dict[int, list[int]] = defaultdict(list)
    for fid in list(parent):
        chains[root(fid)].append(fid)
    rows = {
        row[0]: row
        for row in session.execute(scope.earlier_rows(col(Finding.id).in_(list(parent)))).all()
    }
    found = []
    for members in chains.values():
        first = min(members, key=lambda f: (f in later_ones, rows[f][1], f))
        after = sorted((f for f in members if f != first), key=lambda f: (rows[f][1], f))
        found.append(
            RecurringFinding(
                earlier=scope.earlier_finding(rows[first]),
                came_back=len(after),
                reviews=len({rows[f][1] for f in after}),
                later=[
                    CameBack(
                        finding_id=f,
                        review_id=rows[f][1],
                        reference=rows[f][5],
                        name=record_names.finding(rows[f][2]),
                    )
                    for f in after
                ],
            )
        )
    found.sort(key=lambda r: (-r.came_back, -r.reviews, r.earlier.reference, r.earlier.name))
    return found[offset : offset + limit], len(found)
