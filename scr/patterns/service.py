"""Patterns across reviews, counted in SQL on either engine.

Every figure is a number of reviews, never of tags, counted from the reviews' agreed tags in
one typology version: older tags are mapped to it, and a code counts the reviews tagged with
it or with any of its descendants (``code_rollup``). Figures leave a board's own view only
through ``disclosure``: a board member's query of their own board (or an administrator's of
one board) is shown in full; anything else is suppressed.

This module holds frequencies, co-occurrence, trends and chains; ``tables`` the
cross-tabulations, ``selection`` which reviews count and ``published`` how figures are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    cast,
    distinct,
    func,
    null,
    select,
    union_all,
)
from sqlmodel import Session, col

from scr.errors import InvalidInput
from scr.link.models import CausalLink
from scr.patterns import published, selection
from scr.patterns.models import CodeRollup
from scr.patterns.schemas import (
    Chain,
    Chains,
    CodeFrequency,
    CodePair,
    CodeTrend,
    Cooccurrence,
    Frequencies,
    PatternFilters,
    Trends,
    YearCount,
)
from scr.patterns.selection import Scope
from scr.patterns.statistics import fisher_greater, lift
from scr.review.models import Review
from scr.review.service import review_year
from scr.tag.models import Tag
from scr.vocabulary import (
    LinkKind,
    NodeKind,
    TagTarget,
)
from typology.loader import Typology


def frequencies(
    *, session: Session, filters: PatternFilters, scope: Scope, limit: int, offset: int
) -> Frequencies:
    """Per code, the number and share of the selected reviews that have it."""
    query = selection.select_reviews(session, filters, scope)
    tagged = selection.tagged(query, filters, exact=False).subquery()
    rows = session.execute(
        select(
            tagged.c.code, func.count(distinct(tagged.c.review_id)), selection.reviews_column(query)
        ).group_by(tagged.c.code)
    ).all()
    head = published.head(query, scope, selection.review_count(session, query, rows))
    counts = published.counts([row[1] for row in rows], scope)
    items = [
        CodeFrequency(
            code=row[0],
            label=selection.label(query.typology, row[0]),
            count=count,
            share=published.share(count, head["reviews"]),
        )
        for row, count in zip(rows, counts, strict=True)
    ]
    items = published.ordered(items, lambda i: i.count, lambda i: i.code)
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
    query = selection.select_reviews(session, filters, scope)
    pairs_of = selection.tagged(query, filters, exact=not rolled_up).distinct().cte("review_code")
    a, b = pairs_of.alias("a"), pairs_of.alias("b")
    selected = selection.reviews_column(query)
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
    reviews = selection.review_count(session, query, found)
    singles = {x: n for x, y, n, _ in found if y is None}
    rows = [
        (x, y, n)
        for x, y, n, _ in found
        if y is not None and not (rolled_up and _related(query.typology, x, y))
    ]
    codes = sorted(singles)
    single_counts = dict(
        zip(codes, published.counts([singles[c] for c in codes], scope), strict=True)
    )
    pair_counts = published.counts([n for _, _, n in rows], scope)
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
    items = published.ordered(items, lambda i: i.count, lambda i: (i.code_a, i.code_b))
    head = published.head(query, scope, reviews)
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
    query = selection.select_reviews(session, filters, scope)
    for code in codes:
        if query.typology.code(code) is None:
            raise InvalidInput(
                f"Typology {query.version} has no code {code}.", field=("query", "code")
            )
    tagged = selection.tagged(query, filters, exact=False).subquery()
    year = cast(review_year(), Integer).label("year")
    stmt = (
        select(
            tagged.c.code,
            year,
            func.count(distinct(tagged.c.review_id)),
            selection.reviews_column(query),
        )
        .join(Review, col(Review.id) == tagged.c.review_id)
        .where(year.is_not(None))
        .group_by(tagged.c.code, year)
    )
    if codes:
        stmt = stmt.where(tagged.c.code.in_(codes))
    rows = session.execute(stmt).all()
    reviews = selection.review_count(session, query, rows)
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
        cells, total = published.line(row, scope)
        items.append(
            CodeTrend(
                code=code,
                label=selection.label(query.typology, code),
                years=[YearCount(year=y, count=c) for y, c in zip(years, cells, strict=True)],
                count=total,
            )
        )
    items = published.ordered(items, lambda i: i.count, lambda i: i.code)
    head = published.head(query, scope, reviews)
    return Trends(**head, years=years, items=items[offset : offset + limit], total=len(items))


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
    query = selection.select_reviews(session, filters, scope)
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
        select(*codes, count, selection.reviews_column(query))
        .select_from(source)
        .where(
            influenced.c.kind == LinkKind.influenced.value,
            query.selects(influenced.c.review_id),
        )
        .group_by(*codes)
        .having(count >= min_support)
    ).all()
    reviews = selection.review_count(session, query, rows)
    counts = published.counts([row[3] for row in rows], scope)
    items = [
        Chain(
            codes=list(row[:3]),
            labels=[selection.label(query.typology, c) for c in row[:3]],
            count=n,
        )
        for row, n in zip(rows, counts, strict=True)
    ]
    items = published.ordered(items, lambda i: i.count, lambda i: i.codes)
    head = published.head(query, scope, reviews)
    return Chains(
        **head, min_support=min_support, items=items[offset : offset + limit], total=len(items)
    )
