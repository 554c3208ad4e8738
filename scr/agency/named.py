"""A review's records that each name one agency (its chronology entries, its participants):
added and changed alike, the agency sent checked against the review's board's list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel
from sqlmodel import Session

from scr.agency.service import ensure_sent_usable
from scr.common import crud
from scr.common.columns import Tracked
from scr.common.lookup import id_of
from scr.review.models import Review

T = TypeVar("T", bound=Tracked)


def change(
    session: Session,
    review: Review,
    record: T,
    data: crud.Versioned,
    read: Callable[[Any], BaseModel],
    *,
    actor: str | None,
) -> T:
    """Change ``record`` as ``data`` says, refusing a stale version (answered as ``read``
    reads the record) or an agency the board may not use."""
    changes = crud.changes(session, record, data, read)
    ensure_sent_usable(session, review.board_id, changes.get("agency_id"))
    crud.apply_changes(record, changes, actor=actor)
    session.flush()
    return record


class Sent(Protocol):
    """A Create schema of such a record: its fields, one of them the agency's id."""

    @property
    def agency_id(self) -> int | None: ...

    def model_dump(self) -> dict[str, Any]: ...


def add(
    session: Session, review: Review, model: Callable[..., T], data: Sent, *, actor: str | None
) -> T:
    """Add ``data`` to the review as a new record of ``model`` (its class), if the board may use
    its agency."""
    ensure_sent_usable(session, review.board_id, data.agency_id)
    record = model(review_id=id_of(review), **data.model_dump())
    crud.add(session, record, actor=actor)
    return record
