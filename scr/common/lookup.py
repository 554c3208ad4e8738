"""Loading a record of a review or answering that it does not exist, written once."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel

from scr.errors import NotFound

M = TypeVar("M", bound=SQLModel)


def id_of(record: Any) -> int:
    """The id of a saved record (records are flushed before their id is used)."""
    assert record.id is not None, "record has not been saved yet"
    return int(record.id)


def get_or_404(session: Session, model: type[M], item_id: int, noun: str) -> M:
    """The record with ``item_id``, or NotFound naming it."""
    record = session.get(model, item_id)
    if record is None:
        raise NotFound(f"There is no {noun} with id {item_id}.")
    return record


def get_in_review(session: Session, model: type[M], review_id: int, item_id: int, noun: str) -> M:
    """The record ``item_id`` of review ``review_id``; another review's record is not found."""
    record: Any = session.get(model, item_id)
    if record is None or record.review_id != review_id:
        raise NotFound(f"There is no {noun} with id {item_id} in review {review_id}.")
    result: M = record
    return result
