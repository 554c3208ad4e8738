"""Which reviews a pattern query counts, and how their agreed tags join the typology.

The filters and the caller's scope select the reviews; a tag counts under the codes
``code_rollup`` gives for the typology version asked (its own mapped code and, unless
``exact``, that code's ancestors).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    select,
    true,
)
from sqlmodel import Session, col

from scr.account.access import Principal
from scr.board.models import Board
from scr.coding import catalogue
from scr.errors import InvalidInput, NotFound
from scr.patterns import disclosure, lattice, rollup
from scr.patterns.disclosure import Tally
from scr.patterns.models import CodeRollup
from scr.patterns.schemas import Count, PatternFilters
from scr.review.models import Review
from scr.review.service import review_year
from scr.tag.models import Tag
from scr.vocabulary import ReviewStatus, Role
from typology.loader import Typology

AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class Scope:
    """Whose reviews a query counts, and whether its figures are shown in full."""

    boards: tuple[int, ...] | None  # None: every board
    full: bool
    threshold: int


def scope_for(
    session: Session, principal: Principal, filters: PatternFilters, threshold: int
) -> Scope:
    """A board member counts their own board unless they name others; only a board's own view
    (a board member's of their board, an administrator's of one board) is shown in full."""
    wanted = list(dict.fromkeys(filters.board))
    found: dict[str, int] = {}
    if wanted:
        stmt = select(col(Board.code), col(Board.id)).where(col(Board.code).in_(wanted))
        found = {str(code): int(board_id) for code, board_id in session.execute(stmt).all()}
    for code in wanted:
        if code not in found:
            raise InvalidInput(f"There is no board with code {code}.", field=("query", "board"))
    ids: list[int] = [found[code] for code in wanted]
    if principal.role == Role.board and not ids and principal.board_id is not None:
        ids = [principal.board_id]
    own = principal.role == Role.board and ids == [principal.board_id]
    full = own or (principal.role == Role.admin and len(ids) == 1)
    return Scope(tuple(ids) or None, full, threshold)


@dataclass(frozen=True)
class Selection:
    """A query's resolved typology version and the reviews it selects (a subquery), and
    whether that is every review (then no condition is added: the planner does better)."""

    version: str
    typology: Typology
    reviews: AnySelect
    everything: bool

    def selects(self, review_id: Any) -> ColumnElement[bool]:
        """The condition that ``review_id`` is one of the selected reviews."""
        return true() if self.everything else review_id.in_(self.reviews)


def _typology(filters: PatternFilters) -> tuple[str, Typology]:
    version = filters.version or catalogue.current_version()
    try:
        typology = catalogue.get(version)
    except NotFound as exc:
        raise InvalidInput(str(exc), field=("query", "version")) from None
    for code in filters.context:
        if typology.code(code) is None:
            raise InvalidInput(
                f"Typology {version} has no code {code}.", field=("query", "context")
            )
    return version, typology


def counted_as(version: str) -> ColumnElement[bool]:
    """Join a tag to the codes it counts under in ``version``."""
    return and_(
        col(CodeRollup.to_version) == version,
        col(CodeRollup.from_version) == col(Tag.typology_version),
        col(CodeRollup.from_code) == col(Tag.code),
    )


def select_reviews(session: Session, filters: PatternFilters, scope: Scope) -> Selection:
    """The reviews a query counts: outside a board's own view, one cell of the lattice, and
    published reviews only (the national body learns from published reviews)."""
    version, typology = _typology(filters)
    rollup.ensure(session, version)
    year = review_year()
    conditions: list[ColumnElement[bool]] = []
    stmt = select(col(Review.id))
    if not scope.full:
        lattice.check(filters)
        conditions.append(col(Review.status) == ReviewStatus.published)
    if scope.boards is not None:
        conditions.append(col(Review.board_id).in_(scope.boards))
    if filters.region:
        stmt = stmt.join(Board, col(Board.id) == col(Review.board_id))
        conditions.append(col(Board.region).in_(filters.region))
    if filters.year_from is not None:
        conditions.append(year >= filters.year_from)
    if filters.year_to is not None:
        conditions.append(year <= filters.year_to)
    for column, values in (
        (Review.review_type, filters.review_type),
        (Review.outcome, filters.outcome),
        (Review.child_age_band, filters.age_band),
        (Review.status, filters.status),
    ):
        if values:
            conditions.append(col(column).in_(values))
    for code in filters.context:
        having = (
            select(col(Tag.review_id))
            .join(CodeRollup, counted_as(version))
            .where(col(Tag.agreed), col(CodeRollup.to_code) == code)
        )
        conditions.append(col(Review.id).in_(having))
    return Selection(version, typology, stmt.where(*conditions), everything=not conditions)


def tagged(query: Selection, filters: PatternFilters, *, exact: bool) -> AnySelect:
    """(review, code) for each agreed tag of the selected reviews; with ``exact``, only the
    code each tag maps to, without its ancestors."""
    stmt: AnySelect = (
        select(col(Tag.review_id).label("review_id"), col(CodeRollup.to_code).label("code"))
        .join(CodeRollup, counted_as(query.version))
        .where(col(Tag.agreed), query.selects(col(Tag.review_id)))
    )
    if filters.kind:
        stmt = stmt.where(col(Tag.target_kind).in_(filters.kind))
    if exact:
        stmt = stmt.where(col(CodeRollup.depth) == 0)
    return stmt


def reviews_columns(query: Selection) -> tuple[Any, Any]:
    """The number of selected reviews and the sum of their record keys, as two columns any
    aggregate can carry last (saving a query)."""
    reviews = query.reviews.subquery()
    keys = select(func.coalesce(func.sum(col(Review.record_key)), 0)).where(
        col(Review.id).in_(select(reviews.c.id))
    )
    return (
        select(func.count()).select_from(reviews).scalar_subquery().label("selected_reviews"),
        keys.scalar_subquery().label("selected_keys"),
    )


def review_count(session: Session, query: Selection, rows: Sequence[Any]) -> Tally:
    """The selected reviews: carried by the aggregate's rows, or counted when there are none."""
    if rows:
        return Tally(int(rows[0][-2]), int(rows[0][-1]))
    reviews, keys = session.execute(select(*reviews_columns(query))).one()
    return Tally(int(reviews), int(keys))


def tally(reviews: Any, keys: Any) -> Tally:
    """A row's count and key sum as a tally."""
    return Tally(int(reviews), int(keys or 0))


def keyed(rows: Any, *columns: Any, extra: Sequence[Any] = ()) -> AnySelect:
    """Each distinct combination of ``columns`` of ``rows`` (a subquery with a
    ``review_id``) once per review, with the review's record key (and ``extra`` columns of
    the review): what each cell's count and key sum are taken from."""
    once = select(rows.c.review_id, *columns).distinct().subquery()
    return select(once, col(Review.record_key).label("record_key"), *extra).join(
        Review, col(Review.id) == once.c.review_id
    )


def support_floor(min_support: int, scope: Scope) -> int:
    """The fewest reviews a pattern needs to be counted at all: outside a board's own view,
    one that could be published at ``min_support`` (which applies to the published figure, so
    that moving it never tells a true count)."""
    if scope.full:
        return min_support
    spread = disclosure.perturbation_table().largest_change
    return max(scope.threshold, min_support - spread)


def supported(count: Count, min_support: int, scope: Scope) -> bool:
    """Whether a published pattern count is listed: at least ``min_support``; outside a
    board's own view a suppressed one never is."""
    return count.reviews is not None and (scope.full or count.reviews >= min_support)


def label(typology: Typology, code: str) -> str:
    found = typology.code(code)
    return found.label if found is not None else code
