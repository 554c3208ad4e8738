"""Patterns across reviews, counted in SQL on either engine.

Every figure is a number of reviews, never of tags, counted from the reviews' agreed tags in
one typology version: older tags are mapped to it, and a code counts the reviews tagged with
it or with any of its descendants (``code_rollup``). Figures leave a board's own view only
through ``disclosure``: a board member's query of their own board (or an administrator's of
one board) is shown in full; anything else is suppressed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    cast,
    distinct,
    func,
    literal_column,
    null,
    select,
    true,
    union_all,
)
from sqlmodel import Session, col

from scr.account.access import Principal
from scr.board.models import Board
from scr.coding import catalogue
from scr.errors import InvalidInput, NotFound
from scr.link.models import CausalLink
from scr.patterns import disclosure, rollup
from scr.patterns.models import CodeRollup
from scr.patterns.schemas import (
    Chain,
    Chains,
    CodeFrequency,
    CodePair,
    CodeTrend,
    Cooccurrence,
    Count,
    CrossTable,
    Frequencies,
    PatternFilters,
    TableCell,
    TableRow,
    Trends,
    YearCount,
)
from scr.patterns.statistics import fisher_greater, lift
from scr.review.models import Review
from scr.review.service import review_year
from scr.tag.models import Tag
from scr.vocabulary import (
    AgeBand,
    LinkKind,
    NodeKind,
    Outcome,
    Region,
    ReviewStatus,
    ReviewType,
    Role,
    TagTarget,
)
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
    stmt = select(col(Board.code), col(Board.id)).where(col(Board.code).in_(wanted))
    found: dict[str, int] = {}
    for code, board_id in session.execute(stmt).all():
        found[code] = board_id
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
class _Query:
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


def _counted_as(version: str) -> ColumnElement[bool]:
    """Join a tag to the codes it counts under in ``version``."""
    return and_(
        col(CodeRollup.to_version) == version,
        col(CodeRollup.from_version) == col(Tag.typology_version),
        col(CodeRollup.from_code) == col(Tag.code),
    )


def _prepare(session: Session, filters: PatternFilters, scope: Scope) -> _Query:
    version, typology = _typology(filters)
    rollup.ensure(session, version)
    year = review_year()
    conditions: list[ColumnElement[bool]] = []
    stmt = select(col(Review.id))
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
            .join(CodeRollup, _counted_as(version))
            .where(col(Tag.agreed), col(CodeRollup.to_code) == code)
        )
        conditions.append(col(Review.id).in_(having))
    return _Query(version, typology, stmt.where(*conditions), everything=not conditions)


def _tagged(query: _Query, filters: PatternFilters, *, exact: bool) -> AnySelect:
    """(review, code) for each agreed tag of the selected reviews; with ``exact``, only the
    code each tag maps to, without its ancestors."""
    stmt: AnySelect = (
        select(col(Tag.review_id).label("review_id"), col(CodeRollup.to_code).label("code"))
        .join(CodeRollup, _counted_as(query.version))
        .where(col(Tag.agreed), query.selects(col(Tag.review_id)))
    )
    if filters.kind:
        stmt = stmt.where(col(Tag.target_kind).in_(filters.kind))
    if exact:
        stmt = stmt.where(col(CodeRollup.depth) == 0)
    return stmt


def _reviews_column(query: _Query) -> Any:
    """The number of selected reviews, as a column any aggregate can carry (saving a query)."""
    count = select(func.count()).select_from(query.reviews.subquery())
    return count.scalar_subquery().label("selected_reviews")


def _review_count(session: Session, query: _Query, rows: Sequence[Any]) -> int:
    """The selected reviews: carried by the aggregate's rows, or counted when there are none."""
    if rows:
        return int(rows[0][-1])
    return int(session.execute(select(_reviews_column(query))).scalar_one())


def _counts(values: Sequence[int], scope: Scope) -> list[Count]:
    if scope.full:
        return [Count(reviews=v) for v in values]
    return [
        Count(reviews=cell.value, suppressed=cell.suppressed)
        for cell in disclosure.suppress_counts(values, scope.threshold)
    ]


def _share(count: Count, of: Count) -> float | None:
    if count.reviews is None or not of.reviews:
        return None
    return count.reviews / of.reviews


def _label(typology: Typology, code: str) -> str:
    found = typology.code(code)
    return found.label if found is not None else code


def _ordered(items: list[Any], count: Any, key: Any) -> list[Any]:
    """Largest first; suppressed figures last, in code order, so their order says nothing."""
    shown = sorted(
        (i for i in items if count(i).reviews is not None),
        key=lambda i: (-count(i).reviews, key(i)),
    )
    hidden = sorted((i for i in items if count(i).reviews is None), key=key)
    return shown + hidden


def _disclosure(query: _Query, scope: Scope, reviews: int) -> dict[str, Any]:
    [count] = _counts([reviews], scope)
    return {
        "suppressed": not scope.full,
        "threshold": scope.threshold,
        "reviews": count,
        "version": query.version,
    }


def frequencies(
    *, session: Session, filters: PatternFilters, scope: Scope, limit: int, offset: int
) -> Frequencies:
    """Per code, the number and share of the selected reviews that have it."""
    query = _prepare(session, filters, scope)
    tagged = _tagged(query, filters, exact=False).subquery()
    rows = session.execute(
        select(
            tagged.c.code, func.count(distinct(tagged.c.review_id)), _reviews_column(query)
        ).group_by(tagged.c.code)
    ).all()
    head = _disclosure(query, scope, _review_count(session, query, rows))
    counts = _counts([row[1] for row in rows], scope)
    items = [
        CodeFrequency(
            code=row[0],
            label=_label(query.typology, row[0]),
            count=count,
            share=_share(count, head["reviews"]),
        )
        for row, count in zip(rows, counts, strict=True)
    ]
    items = _ordered(items, lambda i: i.count, lambda i: i.code)
    return Frequencies(**head, items=items[offset : offset + limit], total=len(items))


def _related(typology: Typology, a: str, b: str) -> bool:
    return a in typology.ancestors(b) or b in typology.ancestors(a)


def cooccurrence(
    *,
    session: Session,
    filters: PatternFilters,
    scope: Scope,
    min_support: int,
    rolled_up: bool,
    limit: int,
    offset: int,
) -> Cooccurrence:
    """Pairs of codes found in the same reviews at least ``min_support`` times, with lift and
    Fisher's exact test. Codes are those the tags map to, or with ``rolled_up`` their
    ancestors too (a code and its own ancestor are not a pair)."""
    query = _prepare(session, filters, scope)
    pairs_of = _tagged(query, filters, exact=not rolled_up).distinct().cte("review_code")
    a, b = pairs_of.alias("a"), pairs_of.alias("b")
    selected = _reviews_column(query)
    # One statement: each code's reviews (second code null), then each pair's.
    singles_then_pairs = union_all(
        select(pairs_of.c.code, cast(null(), String), func.count(), selected).group_by(
            pairs_of.c.code
        ),
        select(a.c.code, b.c.code, func.count(), selected)
        .select_from(a.join(b, and_(a.c.review_id == b.c.review_id, a.c.code < b.c.code)))
        .group_by(a.c.code, b.c.code)
        .having(func.count() >= min_support),
    )
    found = session.execute(singles_then_pairs).all()
    reviews = _review_count(session, query, found)
    singles = {x: n for x, y, n, _ in found if y is None}
    rows = [
        (x, y, n)
        for x, y, n, _ in found
        if y is not None and not (rolled_up and _related(query.typology, x, y))
    ]
    codes = sorted(singles)
    single_counts = dict(zip(codes, _counts([singles[c] for c in codes], scope), strict=True))
    pair_counts = _counts([n for _, _, n in rows], scope)
    items = []
    for (x, y, n), count in zip(rows, pair_counts, strict=True):
        count_a, count_b = single_counts[x], single_counts[y]
        shown = None not in (count.reviews, count_a.reviews, count_b.reviews)
        items.append(
            CodePair(
                code_a=x,
                code_b=y,
                count=count,
                count_a=count_a,
                count_b=count_b,
                lift=lift(n, singles[x], singles[y], reviews) if shown else None,
                p_value=fisher_greater(n, singles[x], singles[y], reviews) if shown else None,
            )
        )
    items = _ordered(items, lambda i: i.count, lambda i: (i.code_a, i.code_b))
    head = _disclosure(query, scope, reviews)
    return Cooccurrence(
        **head, min_support=min_support, items=items[offset : offset + limit], total=len(items)
    )


def trends(
    *,
    session: Session,
    filters: PatternFilters,
    scope: Scope,
    codes: Sequence[str],
    limit: int,
    offset: int,
) -> Trends:
    """Per code, the reviews that have it in each year (the year the review was notified)."""
    query = _prepare(session, filters, scope)
    for code in codes:
        if query.typology.code(code) is None:
            raise InvalidInput(
                f"Typology {query.version} has no code {code}.", field=("query", "code")
            )
    tagged = _tagged(query, filters, exact=False).subquery()
    year = cast(review_year(), Integer).label("year")
    stmt = (
        select(
            tagged.c.code, year, func.count(distinct(tagged.c.review_id)), _reviews_column(query)
        )
        .join(Review, col(Review.id) == tagged.c.review_id)
        .where(year.is_not(None))
        .group_by(tagged.c.code, year)
    )
    if codes:
        stmt = stmt.where(tagged.c.code.in_(codes))
    rows = session.execute(stmt).all()
    reviews = _review_count(session, query, rows)
    by_code: dict[str, dict[int, int]] = {}
    for code, y, n, _ in rows:
        by_code.setdefault(code, {})[int(y)] = n
    found = sorted({y for counts in by_code.values() for y in counts})
    first = filters.year_from or (found[0] if found else None)
    last = filters.year_to or (found[-1] if found else None)
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    items = []
    for code in sorted(by_code):
        row = [by_code[code].get(y, 0) for y in years]
        cells, total = _line(row, scope)
        items.append(
            CodeTrend(
                code=code,
                label=_label(query.typology, code),
                years=[YearCount(year=y, count=c) for y, c in zip(years, cells, strict=True)],
                count=total,
            )
        )
    items = _ordered(items, lambda i: i.count, lambda i: i.code)
    head = _disclosure(query, scope, reviews)
    return Trends(**head, years=years, items=items[offset : offset + limit], total=len(items))


def _line(values: list[int], scope: Scope) -> tuple[list[Count], Count]:
    """A row of counts that add up to its total, suppressed as a one-row table."""
    if scope.full:
        return [Count(reviews=v) for v in values], Count(reviews=sum(values))
    table = disclosure.suppress_table([values], scope.threshold)
    return [_count(c) for c in table.cells[0]], _count(table.row_totals[0])


def _count(cell: disclosure.Cell) -> Count:
    return Count(reviews=cell.value, suppressed=cell.suppressed)


def chains(
    *,
    session: Session,
    filters: PatternFilters,
    scope: Scope,
    min_support: int,
    limit: int,
    offset: int,
) -> Chains:
    """Recurring chains: a factor coded A influenced a factor coded B, which contributed to an
    episode coded C, counted in the reviews where the chain occurs."""
    query = _prepare(session, filters, scope)
    influenced, contributed = CausalLink.__table__.alias("l1"), CausalLink.__table__.alias("l2")  # type: ignore[attr-defined]
    codes = []
    joins: list[tuple[Any, ColumnElement[bool]]] = []
    for name, kind, record_id in (
        ("a", TagTarget.factor, influenced.c.source_id),
        ("b", TagTarget.factor, influenced.c.target_id),
        ("c", TagTarget.episode, contributed.c.target_id),
    ):
        tag, counted = Tag.__table__.alias(f"t{name}"), CodeRollup.__table__.alias(f"r{name}")  # type: ignore[attr-defined]
        joins.append(
            (
                tag,
                and_(
                    tag.c.review_id == influenced.c.review_id,
                    tag.c.target_kind == kind.value,
                    tag.c.target_id == record_id,
                    tag.c.agreed.is_(True),
                ),
            )
        )
        joins.append(
            (
                counted,
                and_(
                    counted.c.to_version == query.version,
                    counted.c.from_version == tag.c.typology_version,
                    counted.c.from_code == tag.c.code,
                    counted.c.depth == 0,
                ),
            )
        )
        codes.append(counted.c.to_code)
    source = influenced.join(
        contributed,
        and_(
            contributed.c.review_id == influenced.c.review_id,
            contributed.c.kind == LinkKind.contributed_to.value,
            contributed.c.source_kind == NodeKind.factor.value,
            contributed.c.source_id == influenced.c.target_id,
        ),
    )
    for table, on in joins:
        source = source.join(table, on)
    count = func.count(distinct(influenced.c.review_id))
    rows = session.execute(
        select(*codes, count, _reviews_column(query))
        .select_from(source)
        .where(
            influenced.c.kind == LinkKind.influenced.value,
            query.selects(influenced.c.review_id),
        )
        .group_by(*codes)
        .having(count >= min_support)
    ).all()
    reviews = _review_count(session, query, rows)
    counts = _counts([row[3] for row in rows], scope)
    items = [
        Chain(
            codes=list(row[:3]),
            labels=[_label(query.typology, c) for c in row[:3]],
            count=n,
        )
        for row, n in zip(rows, counts, strict=True)
    ]
    items = _ordered(items, lambda i: i.count, lambda i: i.codes)
    head = _disclosure(query, scope, reviews)
    return Chains(
        **head, min_support=min_support, items=items[offset : offset + limit], total=len(items)
    )


# The review attributes a table can cross; a typology code's children are the other axis kind.
_ATTRIBUTES: dict[str, tuple[Any, Iterable[str] | None]] = {
    "region": (col(Board.region), [r.value for r in Region]),
    "review_type": (col(Review.review_type), [t.value for t in ReviewType]),
    "outcome": (col(Review.outcome), [o.value for o in Outcome]),
    "age_band": (col(Review.child_age_band), [a.value for a in AgeBand]),
    "status": (col(Review.status), [s.value for s in ReviewStatus]),
    "board": (col(Board.code), None),
    "year": (cast(review_year(), Integer), None),
}
AXES = (*_ATTRIBUTES, "code:<a typology code>")


def _axis(
    query: _Query, filters: PatternFilters, axis: str
) -> tuple[AnySelect, list[str], list[str]]:
    """The (review, value) pairs of an axis, its values in order, and their labels."""
    if axis.startswith("code:"):
        parent = axis.removeprefix("code:")
        if query.typology.code(parent) is None:
            raise InvalidInput(
                f"Typology {query.version} has no code {parent}.", field=("query", "rows")
            )
        values = query.typology.children(parent)
        if not values:
            raise InvalidInput(
                f"Code {parent} has no narrower codes to tabulate.", field=("query", "rows")
            )
        tagged = _tagged(query, filters, exact=False).where(col(CodeRollup.to_code).in_(values))
        return tagged.distinct(), values, [_label(query.typology, v) for v in values]
    if axis not in _ATTRIBUTES:
        raise InvalidInput(
            f"There is no axis {axis}: use one of {', '.join(AXES)}.", field=("query", "rows")
        )
    expression, known = _ATTRIBUTES[axis]
    stmt = (
        select(col(Review.id).label("review_id"), expression.label("code"))
        .join(Board, col(Board.id) == col(Review.board_id))
        .where(query.selects(col(Review.id)), expression.is_not(None))
    )
    values = list(known) if known is not None else []
    return stmt, values, [v.replace("_", " ").capitalize() for v in values]


def table(
    *,
    session: Session,
    filters: PatternFilters,
    scope: Scope,
    rows_axis: str,
    columns_axis: str | None,
) -> CrossTable:
    """Reviews by one axis (and another), with row and column totals and percentages."""
    query = _prepare(session, filters, scope)
    left, row_values, row_labels = _axis(query, filters, rows_axis)
    lhs = left.subquery("lhs")
    count, selected = func.count(distinct(lhs.c.review_id)), _reviews_column(query)
    if columns_axis is None:
        stmt = select(lhs.c.code, literal_column("'all'"), count, selected).group_by(lhs.c.code)
        column_values, column_labels = ["all"], ["All"]
    else:
        right, column_values, column_labels = _axis(query, filters, columns_axis)
        rhs = right.subquery("rhs")
        stmt = (
            select(lhs.c.code, rhs.c.code, count, selected)
            .join(rhs, rhs.c.review_id == lhs.c.review_id)
            .group_by(lhs.c.code, rhs.c.code)
        )
    rows = session.execute(stmt).all()
    reviews = _review_count(session, query, rows)
    found = {(str(r), str(c)): n for r, c, n, _ in rows}
    for values, labels, index in ((row_values, row_labels, 0), (column_values, column_labels, 1)):
        extra = sorted({key[index] for key in found} - set(values))
        values.extend(extra)
        labels.extend(extra)
    matrix = [[found.get((r, c), 0) for c in column_values] for r in row_values]
    cells, row_totals, column_totals, grand = _table(matrix, scope)

    def cell(count: Count) -> TableCell:
        percent = None
        if count.reviews is not None and grand.reviews:
            percent = round(100 * count.reviews / grand.reviews, 1)
        return TableCell(count=count, percent=percent)

    return CrossTable(
        **_disclosure(query, scope, reviews),
        rows_axis=rows_axis,
        columns_axis=columns_axis,
        columns=column_values,
        column_labels=column_labels,
        rows=[
            TableRow(value=v, label=label, cells=[cell(c) for c in line], total=cell(total))
            for v, label, line, total in zip(row_values, row_labels, cells, row_totals, strict=True)
        ],
        column_totals=[cell(c) for c in column_totals],
        total=cell(grand),
    )


def _table(
    matrix: list[list[int]], scope: Scope
) -> tuple[list[list[Count]], list[Count], list[Count], Count]:
    if scope.full:
        columns = list(zip(*matrix, strict=True)) if matrix else []
        return (
            [[Count(reviews=v) for v in row] for row in matrix],
            [Count(reviews=sum(row)) for row in matrix],
            [Count(reviews=sum(c)) for c in columns],
            Count(reviews=sum(map(sum, matrix))),
        )
    t = disclosure.suppress_table(matrix, scope.threshold)
    return (
        [[_count(c) for c in row] for row in t.cells],
        [_count(c) for c in t.row_totals],
        [_count(c) for c in t.column_totals],
        _count(t.total),
    )
