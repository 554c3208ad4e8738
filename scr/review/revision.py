"""A review's revision: one step for every transaction that changes it or anything it holds.

The national exchange keys the copies of a review by its revision and asks for the reviews
revised since a time, so no change may slip past: the count is kept by a flush hook on every
session, not by each service remembering to do it. A record counts as the review's when it
is ``Tracked`` and carries a ``review_id`` (so the audit trail, which only reads, does not), or
belongs to one that does (a Board's question, the actions on it).
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from scr.common.columns import Tracked, utcnow
from scr.review.models import Review

_REVISED = "scr.revised_reviews"
"""``session.info`` key: the reviews already given a new revision in this transaction."""

_NOT_CONTENT = frozenset({"revision", "revised_at", "cleared_revision"})


def _review_changed(review: Review) -> bool:
    state = sa.inspect(review)
    return any(attr.history.has_changes() for attr in state.attrs if attr.key not in _NOT_CONTENT)


_HELD_THROUGH: dict[type, tuple[type, str]] = {}
"""The records a review holds through another record, not by a ``review_id`` of their own:
each with the record it belongs to and the column that names it (the Board's questions and the
actions agreed on them, which a board member changes after publication). Each such model says
so itself, with ``held_through``, where it is defined: the review sits below the records it
holds and imports none of them."""


def held_through(model: type, parent: type, column: str) -> None:
    """Count a change to a ``model`` record as a change to the review that holds its
    ``parent`` (the record its ``column`` names)."""
    _HELD_THROUGH[model] = (parent, column)


def _review_of(session: Session, record: Any) -> int | None:
    review_id = getattr(record, "review_id", None)
    if isinstance(review_id, int):
        return review_id
    through = _HELD_THROUGH.get(type(record))
    if through is None:
        return None
    parent_model, column = through
    parent_id = getattr(record, column, None)
    if parent_id is None:
        return None
    with session.no_autoflush:
        parent = session.get(parent_model, parent_id)
    return None if parent is None else _review_of(session, parent)


def _touched(session: Session) -> set[int]:
    touched: set[int] = set()
    for record in chain(session.new, session.dirty, session.deleted):
        if isinstance(record, Review):
            if record.id is not None and record in session.dirty and _review_changed(record):
                touched.add(record.id)
        elif isinstance(record, Tracked):
            review_id = _review_of(session, record)
            if review_id is not None:
                touched.add(review_id)
    return touched


@event.listens_for(Session, "before_flush")
def _revise(session: Session, _context: Any, _instances: Any) -> None:
    for review_id in sorted(_touched(session)):
        revise(session, review_id)


def revise(session: Session, review_id: int) -> None:
    """Give the review its new revision for this transaction (once, however often called).

    The flush hook calls it for every record the ORM writes; a service that writes rows
    without the ORM (a bulk insert of thousands) calls it itself.
    """
    revised: set[int] = session.info.setdefault(_REVISED, set())
    if review_id in revised:
        return
    review = session.get(Review, review_id)
    if review is None or review in session.deleted:
        return
    # Counted in SQL, not on the copy loaded earlier: two transactions changing different
    # records of one review each add one, whichever commits first (the row is locked from
    # this UPDATE until the transaction ends). The attribute reads back afterwards.
    review.revision = Review.revision + 1
    review.revised_at = utcnow()
    revised.add(review_id)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_REVISED, None)
