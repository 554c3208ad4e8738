"""The multi-agency chronology of a review."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from scr.agency import named
from scr.chronology.models import ChronologyEntry
from scr.chronology.schemas import (
    ChronologyEntryCreate,
    ChronologyEntryRead,
    ChronologyEntryUpdate,
    ChronologyFilters,
)
from scr.common import crud
from scr.review.models import Review
from scr.vocabulary import DatePrecision


def list_(
    *,
    session: Session,
    review: Review,
    limit: int,
    offset: int,
    filters: ChronologyFilters | None = None,
) -> tuple[list[ChronologyEntry], int]:
    """List the review's chronology by date (and time), filtered."""
    stmt = select(ChronologyEntry).where(ChronologyEntry.review_id == review.id)
    stmt = stmt.where(*_conditions(filters or ChronologyFilters()))
    return crud.page(session, stmt.order_by(*ORDER), limit=limit, offset=offset)


ORDER = (
    col(ChronologyEntry.entry_date),
    col(ChronologyEntry.entry_time).is_(None),
    col(ChronologyEntry.entry_time),
    col(ChronologyEntry.id),
)
"""The chronology's order: by date, an entry's known time before none, then as entered."""


def _conditions(filters: ChronologyFilters) -> list[Any]:
    """The filters as SQL; a month or year entry is in a period its month or year overlaps."""
    conditions: list[Any] = []
    if filters.significant is not None:
        conditions.append(col(ChronologyEntry.significant) == filters.significant)
    if filters.agency_id is not None:
        conditions.append(col(ChronologyEntry.agency_id) == filters.agency_id)
    for word in (filters.q or "").split():
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%"
        conditions.append(
            or_(
                *(
                    col(c).ilike(pattern, escape="\\")
                    for c in (
                        ChronologyEntry.summary,
                        ChronologyEntry.source,
                        ChronologyEntry.author_role,
                    )
                )
            )
        )
    precision = col(ChronologyEntry.date_precision)
    day = col(ChronologyEntry.entry_date)
    if filters.date_from is not None:
        start = filters.date_from
        conditions.append(
            or_(
                and_(precision == DatePrecision.day, day >= start),
                and_(precision == DatePrecision.month, day >= start.replace(day=1)),
                and_(precision == DatePrecision.year, day >= start.replace(month=1, day=1)),
            )
        )
    if filters.date_to is not None:
        conditions.append(day <= filters.date_to)
    return conditions


def create(
    *, session: Session, review: Review, data: ChronologyEntryCreate, actor: str | None = None
) -> ChronologyEntry:
    """Add an entry to the review's chronology."""
    return named.add(session, review, ChronologyEntry, data, actor=actor)


def update(
    *,
    session: Session,
    review: Review,
    entry: ChronologyEntry,
    data: ChronologyEntryUpdate,
    actor: str | None = None,
) -> ChronologyEntry:
    """Change an entry, refusing a stale version."""
    return named.change(
        session, review, entry, data, ChronologyEntryRead.model_validate, actor=actor
    )
