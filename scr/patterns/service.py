"""Patterns across reviews, counted in the pattern index (``scr/patterns/index``).

Every figure is a number of reviews, never of tags, counted from the reviews' agreed tags in
one typology version: older tags are mapped to it, and a code counts the reviews tagged with
it or with any of its descendants. Figures leave a board's own view only through
``published``: a board member's query of their own board (or an administrator's of one
board) is shown exactly; anything else is protected (``disclosure``).

This module holds frequencies, co-occurrence, trends and chains; ``tables`` the
cross-tabulations, ``selection`` which reviews count and ``published`` how figures are shown.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlmodel import Session

from scr.errors import InvalidInput
from scr.patterns import published, selection
from scr.patterns.disclosure import Tally
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
from typology.loader import Typology


def frequencies(
    *, session: Session, filters: PatternFilters, scope: Scope, limit: int, offset: int
) -> Frequencies:
    """Per code, the number and share of the selected reviews that have it."""
    query = selection.select_reviews(session, filters, scope)
    counts, keys = query.tallies(query.codes(filters.kind, exact=False))
    head = published.head(query, scope, query.reviews())
    items = []
    for column in np.flatnonzero(counts):
        code = query.coded.codes[column]
        count = published.count(Tally(int(counts[column]), int(keys[column])), scope)
        items.append(
            CodeFrequency(
                code=code,
                label=selection.label(query.typology, code),
                count=count,
                share=published.share(count, head["reviews"]),
            )
        )
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
    counts, _ = query.tallies(query.codes(filters.kind, exact=not rolled_up))
    present = np.flatnonzero(counts)
    has = query.codes(filters.kind, exact=not rolled_up)[np.ix_(query.mask, present)]
    together = has.T @ has  # reviews with both codes: one matrix product
    together_keys = has.T @ (has * query.keys[:, None])
    codes = [query.coded.codes[c] for c in present]
    selected = query.reviews()
    reviews = published.count(selected, scope)
    singles = [
        published.count(Tally(int(together[i, i]), int(together_keys[i, i])), scope)
        for i in range(len(codes))
    ]
    floor = selection.support_floor(min_support, scope)
    items = []
    for i, j in zip(*np.nonzero(np.triu(together >= floor, k=1)), strict=True):
        x, y = codes[i], codes[j]
        if rolled_up and _related(query.typology, x, y):
            continue
        count = published.count(Tally(int(together[i, j]), int(together_keys[i, j])), scope)
        if not selection.supported(count, min_support, scope):
            continue
        count_a, count_b = singles[i], singles[j]
        figures = (count.reviews, count_a.reviews, count_b.reviews, reviews.reviews)
        shown = [f for f in figures if f is not None]
        fitted = _feasible(*shown) if len(shown) == 4 else None
        items.append(
            CodePair(
                code_a=x,
                code_b=y,
                count=count,
                count_a=count_a,
                count_b=count_b,
                lift=lift(*fitted) if fitted else None,
                p_value=fisher_greater(*fitted) if fitted else None,
            )
        )
    items = published.ordered(items, lambda i: i.count, lambda i: (i.code_a, i.code_b))
    head = published.head(query, scope, selected)
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
    has = query.codes(filters.kind, exact=False)
    columns = [query.coded.column[c] for c in codes] if codes else list(range(has.shape[1]))
    year = query.index.rows.year
    dated = sorted({int(y) for y in year[query.mask & (year >= 0)]})
    by_year = np.stack([year == y for y in dated]) if dated else np.zeros((0, len(year)))
    counts = np.rint((by_year * query.weights) @ has).astype(np.int64)  # years x codes
    keys = np.rint((by_year * query.key_weights) @ has).astype(np.int64)
    found = [y for y, line in zip(dated, counts[:, columns], strict=True) if line.any()]
    first = filters.year_from or (found[0] if found else None)
    last = filters.year_to or (found[-1] if found else None)
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    place = {y: n for n, y in enumerate(dated)}

    def tally(y: int, column: int) -> Tally:
        if y not in place:
            return Tally(0)
        return Tally(int(counts[place[y], column]), int(keys[place[y], column]))

    items = []
    for column in columns:
        row = [tally(y, column) for y in years]
        if not any(t.reviews for t in row):
            continue
        cells, total = published.line(row, scope)
        code = query.coded.codes[column]
        items.append(
            CodeTrend(
                code=code,
                label=selection.label(query.typology, code),
                years=[YearCount(year=y, count=c) for y, c in zip(years, cells, strict=True)],
                count=total,
            )
        )
    items = published.ordered(items, lambda i: i.count, lambda i: i.code)
    head = published.head(query, scope, query.reviews())
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
    coded = query.coded
    chosen = query.mask[coded.chain_row]
    ids, rows = coded.chain_id[chosen], coded.chain_row[chosen]
    counts = np.bincount(ids, minlength=len(coded.chains))
    keys = np.bincount(ids, weights=query.index.rows.key[rows], minlength=len(coded.chains))
    floor = selection.support_floor(min_support, scope)
    items = []
    for chain in np.flatnonzero(counts >= floor):
        count = published.count(Tally(int(counts[chain]), int(np.rint(keys[chain]))), scope)
        if selection.supported(count, min_support, scope):
            codes = list(coded.chains[chain])
            items.append(
                Chain(
                    codes=codes,
                    labels=[selection.label(query.typology, c) for c in codes],
                    count=count,
                )
            )
    items = published.ordered(items, lambda i: i.count, lambda i: i.codes)
    head = published.head(query, scope, query.reviews())
    return Chains(
        **head, min_support=min_support, items=items[offset : offset + limit], total=len(items)
    )
