"""A published review is frozen: neither it nor any record it holds changes.

Kept by a flush hook on every session, as the revision is, so no service (nor a route added
later) can forget it: a change to a published review, or to a ``Tracked`` record carrying
the ``review_id`` of one, is refused with ``Conflict`` before anything is written. Three
things still happen to a published review: its lead reviewer reopens it (``thaw``, then
the status moves back to draft), an import replaces an imported copy with a newer revision
(``thaw`` too), and a known identifier is added to it (that only ever holds back more: the
export rescans it and withholds it if a hit opens). Deleting a whole review is an
administrator's act and is not refused here.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from scr.common.columns import Tracked
from scr.errors import Conflict
from scr.review.models import Review
from scr.vocabulary import ReviewStatus

_THAWED = "scr.thawed_reviews"
"""``session.info`` key: the published reviews this transaction may change."""

_BOOKKEEPING = frozenset({"revision", "revised_at", "cleared_revision"})

_ADDABLE: set[type] = set()
"""The records that may still be added to a published review (its known identifiers). Each
such model says so itself, with ``addable``, where it is defined: the review sits below the
records it holds and imports none of them."""


def addable(model: type) -> None:
    """Let a new ``model`` record be added to a published review."""
    _ADDABLE.add(model)


def thaw(session: Session, review: Review) -> None:
    """Let this transaction change the published ``review`` (reopening it, or replacing an
    imported copy)."""
    thaw_ids(session, [review.id])


def thaw_ids(session: Session, review_ids: Iterable[int | None]) -> None:
    """Let this transaction change the published reviews with these ids (imported copies
    written without the ORM)."""
    session.info.setdefault(_THAWED, set()).update(review_ids)


def _was_published(review: Review) -> bool:
    """Whether the review stood published before this flush's changes."""
    history = sa.inspect(review).attrs.status.history
    before = history.deleted[0] if history.deleted else review.status
    return bool(before == ReviewStatus.published)


def _content_changed(review: Review) -> bool:
    state = sa.inspect(review)
    return any(a.history.has_changes() for a in state.attrs if a.key not in _BOOKKEEPING)


def ensure_not_published(review: Review) -> None:
    """Refuse (409) any change to a published review, saying so."""
    if review.status == ReviewStatus.published:
        _refuse(review)


def _refuse(review: Review) -> None:
    raise Conflict(
        f"Review {review.reference} is published, so neither it nor its records can be "
        "changed. Its lead reviewer may reopen it, with a reason, to change it and publish "
        "it again.",
        published=True,
    )


@event.listens_for(Session, "before_flush")
def _keep_published_frozen(session: Session, _context: Any, _instances: Any) -> None:
    thawed: set[int] = session.info.get(_THAWED, set())
    for record in chain(session.new, session.dirty, session.deleted):
        if isinstance(record, Review):
            if (
                record in session.dirty
                and record.id not in thawed
                and _was_published(record)
                and _content_changed(record)
            ):
                _refuse(record)
            continue
        review_id = getattr(record, "review_id", None)
        if not isinstance(record, Tracked) or not isinstance(review_id, int):
            continue
        if record in session.dirty and not session.is_modified(record):
            continue
        if review_id in thawed or (isinstance(record, tuple(_ADDABLE)) and record in session.new):
            continue
        review = session.get(Review, review_id)
        if review is not None and review not in session.deleted and _was_published(review):
            _refuse(review)


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    # Only when the whole transaction ends: a savepoint's end (naming the instance, say, or
    # an import's line) fires after_commit too, and would forget a thaw still needed.
    if transaction.parent is None:
        session.info.pop(_THAWED, None)
