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
    func,
    null,
    select,
    union_all,
)
from sqlmodel import Session

from scr.errors import InvalidInput
from scr.link.models import CausalLink
from scr.patterns import published, selection
from scr.patterns.disclosure import Tally
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
    cells = selection.keyed(tagged, tagged.c.code).subquery()
    rows = session.execute(
        select(
            cells.c.code,
            func.count(),
            func.sum(cells.c.record_key),
            *selection.reviews_columns(query),
        ).group_by(cells.c.code)
    ).all()
    head = published.head(query, scope, selection.review_count(session, query, rows))
    counts = published.counts([selection.tally(row[1], row[2]) for row in rows], scope)
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


def _feasible(together: int, count_a: int, count_b: int, reviews: int) -> tuple[int, ...]:
    """Published counts made consistent for Fisher's test (each change is small, so they may
    not quite fit together): every count within the reviews, the pair within what A and B
    allow."""
    count_a, count_b = min(count_a, reviews), min(count_b, reviews)
    low, high = max(0, count_a + count_b - reviews), min(count_a, count_b)
    return min(max(together, low), high), count_a, count_b, reviews


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
    Fisher's exact test, computed from the published counts. Codes are those the tags map to,
    or with ``rolled_up`` their ancestors too (a code and its own ancestor are not a pair)."""
    query = selection.select_reviews(session, filters, scope)
    tagged = selection.tagged(query, filters, exact=not rolled_up).subquery()
    pairs_of = selection.keyed(tagged, tagged.c.code).cte("review_code")
    a, b = pairs_of.alias("a"), pairs_of.alias("b")
    selected = selection.reviews_columns(query)
    keys = func.sum(pairs_of.c.record_key)
    # One statement: each code's reviews (second code null), then each pair's.
    singles_then_pairs = union_all(
        select(pairs_of.c.code, cast(null(), String), func.count(), keys, *selected).group_by(
            pairs_of.c.code
        ),
        select(a.c.code, b.c.code, func.count(), func.sum(a.c.record_key), *selected)
        .select_from(a.join(b, and_(a.c.review_id == b.c.review_id, a.c.code < b.c.code)))
        .group_by(a.c.code, b.c.code)
        .having(func.count() >= selection.support_floor(min_support, scope)),
    )
    found = session.execute(singles_then_pairs).all()
    selected_reviews = selection.review_count(session, query, found)
    reviews = published.count(selected_reviews, scope)
    singles = {x: selection.tally(n, k) for x, y, n, k, *_ in found if y is None}
    rows = [
        (x, y, selection.tally(n, k))
        for x, y, n, k, *_ in found
        if y is not None and not (rolled_up and _related(query.typology, x, y))
    ]
    codes = sorted(singles)
    single_counts = dict(
        zip(codes, published.counts([singles[c] for c in codes], scope), strict=True)
    )
    items = []
    for x, y, tally in rows:
        count = published.count(tally, scope)
        if not selection.supported(count, min_support, scope):
            continue
        count_a, count_b = single_counts[x], single_counts[y]
        figures = (count.reviews, count_a.reviews, count_b.reviews, reviews.reviews)
        shown = [f for f in figures if f is not None]
        together = _feasible(*shown) if len(shown) == 4 else None
        items.append(
            CodePair(
                code_a=x,
                code_b=y,
                count=count,
                count_a=count_a,
                count_b=count_b,
                lift=lift(*together) if together else None,
                p_value=fisher_greater(*together) if together else None,
            )
        )
    items = published.ordered(items, lambda i: i.count, lambda i: (i.code_a, i.code_b))
    head = published.head(query, scope, selected_reviews)
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
    cells = selection.keyed(tagged, tagged.c.code, extra=[year]).subquery()
    stmt = (
        select(
            cells.c.code,
            cells.c.year,
            func.count(),
            func.sum(cells.c.record_key),
            *selection.reviews_columns(query),
        )
        .where(cells.c.year.is_not(None))
        .group_by(cells.c.code, cells.c.year)
    )
    if codes:
        stmt = stmt.where(cells.c.code.in_(codes))
    rows = session.execute(stmt).all()
    reviews = selection.review_count(session, query, rows)
    by_code: dict[str, dict[int, Tally]] = {}
    for code, y, n, k, *_ in rows:
        by_code.setdefault(code, {})[int(y)] = selection.tally(n, k)
    found = sorted({y for counts in by_code.values() for y in counts})
    first = filters.year_from or (found[0] if found else None)
    last = filters.year_to or (found[-1] if found else None)
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    items = []
    for code in sorted(by_code):
        row = [by_code[code].get(y, Tally(0)) for y in years]
        cells_shown, total = published.line(row, scope)
        items.append(
            CodeTrend(
                code=code,
                label=selection.label(query.typology, code),
                years=[YearCount(year=y, count=c) for y, c in zip(years, cells_shown, strict=True)],
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
    chain_rows = (
        select(
            influenced.c.review_id.label("review_id"),
            *(code.label(name) for code, name in zip(codes, "abc", strict=True)),
        )
        .select_from(source)
        .where(
            influenced.c.kind == LinkKind.influenced.value,
            query.selects(influenced.c.review_id),
        )
        .subquery()
    )
    abc = [chain_rows.c.a, chain_rows.c.b, chain_rows.c.c]
    cells = selection.keyed(chain_rows, *abc).subquery()
    grouped = [cells.c.a, cells.c.b, cells.c.c]
    rows = session.execute(
        select(
            *grouped, func.count(), func.sum(cells.c.record_key), *selection.reviews_columns(query)
        )
        .group_by(*grouped)
        .having(func.count() >= selection.support_floor(min_support, scope))
    ).all()
    reviews = selection.review_count(session, query, rows)
    items = []
    for row in rows:
        count = published.count(selection.tally(row[3], row[4]), scope)
        if selection.supported(count, min_support, scope):
            items.append(
                Chain(
                    codes=list(row[:3]),
                    labels=[selection.label(query.typology, c) for c in row[:3]],
                    count=count,
                )
            )
    items = published.ordered(items, lambda i: i.count, lambda i: i.codes)
    head = published.head(query, scope, reviews)
    return Chains(
        **head, min_support=min_support, items=items[offset : offset + limit], total=len(items)
    )
