"""Reading what the pattern index holds from the database: for every review, or for some."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlmodel import Session, col

from scr.board.models import Board
from scr.review.models import Review
from scr.vocabulary import (
    AgeBand,
    Outcome,
    Region,
    ReviewStatus,
    ReviewType,
    TagTarget,
)

# Each attribute as a small integer: its place in the vocabulary, -1 when unknown.
ATTRIBUTES: dict[str, list[str]] = {
    "review_type": [t.value for t in ReviewType],
    "outcome": [o.value for o in Outcome],
    "age_band": [a.value for a in AgeBand],
    "status": [s.value for s in ReviewStatus],
}
REGIONS = [r.value for r in Region]
KINDS = [k.value for k in TagTarget]
_CHUNK = 500  # ids per IN list


@dataclass(frozen=True)
class Fingerprint:
    """What changes whenever anything the index holds changes."""

    reviews: tuple[Any, ...]
    boards: tuple[Any, ...]


def fingerprint(session: Session) -> Fingerprint:
    review = sa.select(
        sa.func.count(),
        sa.func.sum(col(Review.id)),
        sa.func.sum(col(Review.revision)),
        sa.func.max(col(Review.revised_at)),
    )
    board = sa.select(sa.func.count(), sa.func.sum(col(Board.id)), sa.func.sum(col(Board.version)))
    return Fingerprint(tuple(session.execute(review).one()), tuple(session.execute(board).one()))


Stamp = tuple[int, str]
"""A review's revision and revision time (as the database writes it: only ever compared)."""


def revisions(session: Session, since: datetime | None = None) -> dict[int, Stamp]:
    """Every review's stamp, or only those of the reviews revised at ``since`` or later: what
    says which changed since. (The time read as text: making 200,000 datetimes took most of
    the 0.7 s this took.)"""
    stamp = sa.cast(col(Review.revised_at), sa.Text)
    stmt = sa.select(col(Review.id), col(Review.revision), stamp)
    if since is not None:
        stmt = stmt.where(col(Review.revised_at) >= since)
    rows: Iterable[Any] = session.connection().execute(stmt)
    return {int(i): (int(r), str(t)) for i, r, t in rows}


def boards(session: Session) -> dict[int, tuple[str, int]]:
    """Every board's code and region (as its place in ``REGIONS``)."""
    rows = session.execute(sa.select(col(Board.id), col(Board.code), col(Board.region)))
    return {int(i): (str(code), REGIONS.index(Region(region).value)) for i, code, region in rows}


def _chunks(ids: Sequence[int] | None) -> Iterable[Sequence[int] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _where(column: Any, ids: Sequence[int] | None) -> Any:
    return sa.true() if ids is None else column.in_(ids)


@dataclass(frozen=True)
class Rows:
    """Reviews as rows: sorted by id, one array an attribute."""

    ids: np.ndarray
    board: np.ndarray
    key: np.ndarray  # the record key, as float64 (exact, for matrix products)
    year: np.ndarray  # -1 when unknown
    attributes: dict[str, np.ndarray]


def review_rows(session: Session, ids: Sequence[int] | None) -> Rows:
    """The attributes of the reviews ``ids`` (every review when None)."""
    year = sa.func.coalesce(col(Review.notification_date), col(Review.incident_date))
    found: list[Any] = []
    for chunk in _chunks(ids):
        found += session.execute(
            sa.select(
                col(Review.id),
                col(Review.board_id),
                col(Review.record_key),
                year,
                col(Review.review_type),
                col(Review.outcome),
                col(Review.child_age_band),
                col(Review.status),
            ).where(_where(col(Review.id), chunk))
        ).all()
    found.sort(key=lambda r: r[0])
    attributes = {
        name: np.array(
            [values.index(_value(r[4 + n])) if r[4 + n] is not None else -1 for r in found],
            dtype=np.int8,
        )
        for n, (name, values) in enumerate(ATTRIBUTES.items())
    }
    return Rows(
        ids=np.array([r[0] for r in found], dtype=np.int64),
        board=np.array([r[1] for r in found], dtype=np.int64),
        key=np.array([r[2] for r in found], dtype=np.float64),
        year=np.array([_year(r[3]) for r in found], dtype=np.int32),
        attributes=attributes,
    )


def _value(value: Any) -> str:
    return str(getattr(value, "value", value))


def _year(value: Any) -> int:
    if value is None:
        return -1
    return int(value.year) if hasattr(value, "year") else int(str(value)[:4])


@dataclass(frozen=True)
class Tags:
    """Agreed tags, a row each: review, kind and id of the record, and its (version, code) as
    a place in ``sources``, shared by every ``Tags``."""

    review: np.ndarray
    kind: np.ndarray  # place in ``KINDS``
    target: np.ndarray  # the record's id
    source: np.ndarray  # place in ``sources``

    def without(self, reviews: np.ndarray) -> Tags:
        kept = ~np.isin(self.review, reviews)
        return Tags(self.review[kept], self.kind[kept], self.target[kept], self.source[kept])

    def then(self, other: Tags) -> Tags:
        return Tags(*(np.concatenate([getattr(self, f), getattr(other, f)]) for f in _TAG_FIELDS))


_TAG_FIELDS = ("review", "kind", "target", "source")
sources: list[tuple[str, str]] = []
_source_place: dict[tuple[str, str], int] = {}


def source_place(version: str, code: str) -> int:
    """The place of (version, code) in ``sources``, added the first time it is met."""
    key = (version, code)
    place = _source_place.get(key)
    if place is None:
        place = _source_place.setdefault(key, len(sources))
        if place == len(sources):
            sources.append(key)
    return place


def _columns(
    session: Session, sql: str, width: int, column: str, ids: Sequence[int] | None
) -> np.ndarray:
    """The rows of plain SQL of ``width`` columns as an array of objects, read through the
    driver's own cursor (no row objects: the fast path for a million rows), for the reviews
    ``ids`` (``column`` is their review id; the ids written into the SQL as whole numbers),
    or for every review."""
    found: list[Any] = []
    for chunk in _chunks(ids):
        where = (
            "" if chunk is None else f" AND {column} IN ({', '.join(map(str, map(int, chunk)))})"
        )
        cursor = session.connection().connection.cursor()
        try:
            cursor.execute(sql + where)
            found += cursor.fetchall()
        finally:
            cursor.close()
    if not found:
        return np.empty((0, width), dtype=object)
    return np.array(found, dtype=object)


def _numbered(values: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """Each value's place among the distinct values, and those values."""
    distinct = list(dict.fromkeys(values))
    places = {value: n for n, value in enumerate(distinct)}
    numbers = np.fromiter(map(places.__getitem__, values), dtype=np.int64, count=len(values))
    return numbers, distinct


def agreed_tags(session: Session, ids: Sequence[int] | None) -> Tags:
    """Every agreed tag of the reviews ``ids`` (every review when None)."""
    table = _columns(
        session,
        "SELECT review_id, target_kind, target_id, typology_version, code FROM tag WHERE agreed",
        5,
        "review_id",
        ids,
    )
    kind, kinds = _numbered(table[:, 1])
    version, versions = _numbered(table[:, 3])
    code, codes = _numbered(table[:, 4])
    pair, found = np.unique(version * max(len(codes), 1) + code, return_inverse=True)
    places = [source_place(versions[p // len(codes)], codes[p % len(codes)]) for p in pair]
    return Tags(
        review=table[:, 0].astype(np.int64),
        kind=np.array([KINDS.index(k) for k in kinds], dtype=np.int8)[kind],
        target=table[:, 2].astype(np.int64),
        source=np.array(places, dtype=np.int64)[found.reshape(-1)],
    )


Source = tuple[str, str]  # (typology version, code) of an agreed tag


@dataclass(frozen=True)
class Paths:
    """Each factor that influenced a factor that contributed to an episode: its review, and
    the ids of the three records."""

    review: np.ndarray
    first: np.ndarray
    second: np.ndarray
    episode: np.ndarray

    def without(self, reviews: np.ndarray) -> Paths:
        kept = ~np.isin(self.review, reviews)
        return Paths(self.review[kept], self.first[kept], self.second[kept], self.episode[kept])

    def then(self, other: Paths) -> Paths:
        fields = ("review", "first", "second", "episode")
        return Paths(*(np.concatenate([getattr(self, f), getattr(other, f)]) for f in fields))


def chains(session: Session, ids: Sequence[int] | None) -> Paths:
    """The causal paths of the reviews ``ids`` (every review when None); their records'
    codes come from their agreed tags (``snapshot.code``)."""
    table = _columns(
        session,
        "SELECT l1.review_id, l1.source_id, l1.target_id, l2.target_id "
        "FROM causal_link l1 JOIN causal_link l2 ON l2.review_id = l1.review_id "
        "AND l2.kind = 'contributed_to' AND l2.source_kind = 'factor' "
        "AND l2.source_id = l1.target_id "
        "WHERE l1.kind = 'influenced'",
        4,
        "l1.review_id",
        ids,
    )
    return Paths(*(table[:, n].astype(np.int64) for n in range(4)))
