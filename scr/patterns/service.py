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
from scr.patterns import published, selection, statistics
from scr.patterns.disclosure import Tally
from scr.patterns.schemas import (
    Chain,
    Chains,
    CodeFrequency,
    CodePair,
    CodeTrend,
    Cooccurrence,
    Count,
    Frequencies,
    PatternFilters,
    Trends,
    YearCount,
)
from scr.patterns.selection import Scope
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


def _related(typology: Typology, codes: Sequence[str]) -> np.ndarray:
    """Which of ``codes`` is the other's ancestor, as a symmetric matrix."""
    place = {code: n for n, code in enumerate(codes)}
    related = np.zeros((len(codes), len(codes)), dtype=bool)
    for n, code in enumerate(codes):
        for ancestor in typology.ancestors(code):
            if ancestor in place:
                related[n, place[ancestor]] = related[place[ancestor], n] = True
    return related


def _feasible(
    together: np.ndarray, count_a: np.ndarray, count_b: np.ndarray, reviews: int
) -> tuple[np.ndarray, ...]:
    """Published counts made consistent for Fisher's test (each change is small, so they may
    not quite fit together): every count within the reviews, the pair within what A and B
    allow."""
    count_a, count_b = np.minimum(count_a, reviews), np.minimum(count_b, reviews)
    low, high = np.maximum(0, count_a + count_b - reviews), np.minimum(count_a, count_b)
    all_reviews = np.full(len(together), reviews, dtype=np.int64)
    return np.minimum(np.maximum(together, low), high), count_a, count_b, all_reviews


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
    Fisher's exact test, computed from the published counts, and the tests' q-values
    (Benjamini-Hochberg over every pair tested in the query, so the more pairs, the stronger
    the evidence a pair needs to be significant). Codes are those the tags map to,
    or with ``rolled_up`` their ancestors too (a code and its own ancestor are not a pair).
    Every pair is published at once, with numpy (``statistics`` holds the scalar reference)."""
    query = selection.select_reviews(session, filters, scope)
    together, together_keys = query.pairs(query.codes(filters.kind, exact=not rolled_up))
    present = np.flatnonzero(np.diagonal(together))
    together = together[np.ix_(present, present)]  # reviews with both
    together_keys = together_keys[np.ix_(present, present)]
    codes = [query.coded.codes[c] for c in present]
    selected = query.reviews()
    reviews = published.count(selected, scope)
    single, single_hidden = published.count_many(
        np.diagonal(together).copy(), np.diagonal(together_keys).copy(), scope
    )
    floor = selection.support_floor(min_support, scope)
    candidate = np.triu(together >= floor, k=1)
    if rolled_up:
        candidate &= ~_related(query.typology, codes)
    i, j = np.nonzero(candidate)  # row-major: (code_a, code_b) in code order
    count, hidden = published.count_many(together[i, j], together_keys[i, j], scope)
    listed = ~hidden & (scope.full | (count >= min_support))  # as ``selection.supported``
    i, j, count = i[listed], j[listed], count[listed]
    fitted = ~(single_hidden[i] | single_hidden[j]) & (reviews.reviews is not None)
    lifts = np.full(len(i), np.nan)
    p_values = np.full(len(i), np.nan)
    if fitted.any() and reviews.reviews is not None:
        figures = _feasible(count[fitted], single[i[fitted]], single[j[fitted]], reviews.reviews)
        lifts[fitted] = statistics.lift_many(*figures)
        p_values[fitted] = statistics.fisher_greater_many(*figures)
    # Every tested pair of the query, not only this page, is corrected for.
    q_values = np.full(len(i), np.nan)
    q_values[fitted] = statistics.benjamini_hochberg(p_values[fitted])
    rate = statistics.FALSE_DISCOVERY_RATE
    order = np.lexsort((j, i, -count))  # largest first, then in code order
    total = len(order)
    page = order[offset : offset + limit]
    items = [
        CodePair(
            code_a=codes[i[n]],
            code_b=codes[j[n]],
            count=Count(reviews=int(count[n])),
            count_a=published.as_count(int(single[i[n]]), bool(single_hidden[i[n]])),
            count_b=published.as_count(int(single[j[n]]), bool(single_hidden[j[n]])),
            lift=None if np.isnan(lifts[n]) else float(lifts[n]),
            p_value=None if np.isnan(p_values[n]) else float(p_values[n]),
            q_value=None if np.isnan(q_values[n]) else float(q_values[n]),
            significant=None if np.isnan(q_values[n]) else bool(q_values[n] <= rate),
        )
        for n in page.tolist()
    ]
    head = published.head(query, scope, selected)
    return Cooccurrence(
        **head,
        min_support=min_support,
        tested=int(fitted.sum()),
        false_discovery_rate=rate,
        items=items,
        total=total,
    )


def _by_year(
    query: selection.Selection, has: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """The reviews selected with each code in each year they were notified in (years with
    none left out), and the sums of their record keys: a matrix of which selected row falls in
    which year, times ``has`` (two matrix products, exact in float64 as in ``tallies``)."""
    year = query.index.rows.year
    chosen = np.flatnonzero(query.mask & (year >= 0))
    dated = np.unique(year[chosen])
    if len(chosen) == 0:
        empty = np.zeros((0, has.shape[1]), dtype=np.int64)
        return empty, empty, []
    in_year = np.zeros((len(dated), len(year)))
    in_year[np.searchsorted(dated, year[chosen]), chosen] = 1.0
    counts = in_year @ has
    keys = (in_year * query.index.rows.key) @ has
    return np.rint(counts).astype(np.int64), np.rint(keys).astype(np.int64), dated.tolist()


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
    counts, keys, dated = _by_year(query, has)  # years x codes
    found = [y for y, line in zip(dated, counts[:, columns], strict=True) if line.any()]
    first = filters.year_from or (found[0] if found else None)
    last = filters.year_to or (found[-1] if found else None)
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    # The years asked for x the codes asked for; a year no review was notified in counts 0.
    place = {y: n for n, y in enumerate(dated)}
    counted = [n for n, y in enumerate(years) if y in place]
    from_rows = [place[years[n]] for n in counted]
    cells = np.zeros((len(years), len(columns)), dtype=np.int64)
    cell_keys = np.zeros_like(cells)
    cells[counted] = counts[np.ix_(from_rows, columns)]
    cell_keys[counted] = keys[np.ix_(from_rows, columns)]
    shown, hidden = published.count_many(cells, cell_keys, scope)
    total_shown, total_hidden = published.count_many(cells.sum(0), cell_keys.sum(0), scope)
    items = []
    for j in np.flatnonzero(cells.any(axis=0)).tolist():
        code = query.coded.codes[columns[j]]
        line = zip(years, shown[:, j].tolist(), hidden[:, j].tolist(), strict=True)
        items.append(
            CodeTrend(
                code=code,
                label=selection.label(query.typology, code),
                years=[YearCount(year=y, count=published.as_count(v, s)) for y, v, s in line],
                count=published.as_count(int(total_shown[j]), bool(total_hidden[j])),
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
    candidates = np.flatnonzero(counts >= selection.support_floor(min_support, scope))
    shown, hidden = published.count_many(
        counts[candidates], np.rint(keys[candidates]).astype(np.int64), scope
    )
    # What ``selection.supported`` lists, for every chain at once: never a suppressed count,
    # and outside a board's own view only a published one of at least ``min_support``.
    listed = ~hidden if scope.full else ~hidden & (shown >= min_support)
    chains, shown = candidates[listed], shown[listed]
    order = np.lexsort((coded.chain_rank[chains], -shown))  # largest first, then code order
    items = []
    for n in order[offset : offset + limit].tolist():
        codes = list(coded.chains[chains[n]])
        labels = [selection.label(query.typology, c) for c in codes]
        items.append(Chain(codes=codes, labels=labels, count=Count(reviews=int(shown[n]))))
    head = published.head(query, scope, query.reviews())
    return Chains(**head, min_support=min_support, items=items, total=len(chains))
