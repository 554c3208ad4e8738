"""Reading what the pattern index holds from the database: for every review, or for some."""

from __future__ import annotations

from collections import defaultdict
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


def _micros(when: datetime | None) -> int:
    return 0 if when is None else int(when.timestamp() * 1_000_000)


def revisions(session: Session) -> dict[int, tuple[int, int]]:
    """Every review's (revision, revision time): what says which changed since."""
    rows = session.execute(sa.select(col(Review.id), col(Review.revision), col(Review.revised_at)))
    return {int(i): (int(r), _micros(t)) for i, r, t in rows}


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
    stamp: np.ndarray  # (revision, revision time) of each, as two columns
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
                col(Review.revision),
                col(Review.revised_at),
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
            [values.index(_value(r[6 + n])) if r[6 + n] is not None else -1 for r in found],
            dtype=np.int8,
        )
        for n, (name, values) in enumerate(ATTRIBUTES.items())
    }
    return Rows(
        ids=np.array([r[0] for r in found], dtype=np.int64),
        stamp=np.array([(r[1], _micros(r[2])) for r in found], dtype=np.int64).reshape(-1, 2),
        board=np.array([r[3] for r in found], dtype=np.int64),
        key=np.array([r[4] for r in found], dtype=np.float64),
        year=np.array([_year(r[5]) for r in found], dtype=np.int32),
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
    """Agreed tags, one row each distinct (review, kind, version, code); the (version, code)s
    as places in ``sources``, shared by every ``Tags``."""

    review: np.ndarray
    kind: np.ndarray  # place in ``KINDS``
    source: np.ndarray  # place in ``sources``


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


def _raw(session: Session, sql: str, column: str, ids: Sequence[int] | None) -> list[Any]:
    """The rows of plain SQL (no type processing: the fast path for many rows) for the reviews
    ``ids`` (``column`` is their review id), or for every review."""
    if ids is None:
        return list(session.execute(sa.text(sql)).all())
    stmt = sa.text(f"{sql} AND {column} IN :ids").bindparams(sa.bindparam("ids", expanding=True))
    return list(session.execute(stmt, {"ids": list(ids)}).all())


def agreed_tags(session: Session, ids: Sequence[int] | None) -> Tags:
    rows: list[Any] = []
    for chunk in _chunks(ids):
        rows += _raw(
            session,
            "SELECT DISTINCT review_id, target_kind, typology_version, code FROM tag WHERE agreed",
            "review_id",
            chunk,
        )
    kinds = {kind: n for n, kind in enumerate(KINDS)}
    return Tags(
        review=np.array([r[0] for r in rows], dtype=np.int64),
        kind=np.array([kinds[r[1]] for r in rows], dtype=np.int8),
        source=np.array([source_place(r[2], r[3]) for r in rows], dtype=np.int64),
    )


Source = tuple[str, str]  # (typology version, code) of an agreed tag
Path = tuple[int, tuple[Source, ...], tuple[Source, ...], tuple[Source, ...]]
"""A factor that influenced a factor that contributed to an episode, in review ``[0]``: the
agreed (version, code)s of each of the three records."""


def chains(session: Session, ids: Sequence[int] | None) -> list[Path]:
    paths: list[Path] = []
    for chunk in _chunks(ids):
        codes: dict[tuple[str, int], list[Source]] = defaultdict(list)
        for kind, target, version, code in _raw(
            session,
            "SELECT target_kind, target_id, typology_version, code FROM tag "
            "WHERE agreed AND target_kind IN ('factor', 'episode')",
            "review_id",
            chunk,
        ):
            codes[(kind, int(target))].append((str(version), str(code)))
        for review, first, second, episode in _raw(
            session,
            "SELECT l1.review_id, l1.source_id, l1.target_id, l2.target_id "
            "FROM causal_link l1 JOIN causal_link l2 ON l2.review_id = l1.review_id "
            "AND l2.kind = 'contributed_to' AND l2.source_kind = 'factor' "
            "AND l2.source_id = l1.target_id "
            "WHERE l1.kind = 'influenced'",
            "l1.review_id",
            chunk,
        ):
            ends = (
                tuple(codes.get(("factor", int(first)), ())),
                tuple(codes.get(("factor", int(second)), ())),
                tuple(codes.get(("episode", int(episode)), ())),
            )
            if all(ends):
                paths.append((int(review), *ends))
    return paths
