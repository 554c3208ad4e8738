"""Figures published for many cells at once with numpy are those the scalar reference gives
one cell at a time: counts, suppression and lift to the digit, p-values within a few units in
the last place (numpy's exp and the C library's round the last bit apart now and then)."""

from __future__ import annotations

import numpy as np
import pytest
from sqlmodel import Session

from scr.demo.corpus import add_corpus
from scr.patterns import disclosure, published, selection, service, statistics
from scr.patterns.disclosure import Tally
from scr.patterns.schemas import PatternFilters
from scr.patterns.selection import Scope
from scr.review.models import RECORD_KEYS
from typology.loader import Typology

P_VALUE_DIGITS = 1e-13  # relative


def test_publishing_many_cells_is_publishing_each() -> None:
    rng = np.random.default_rng(3)
    reviews = rng.integers(0, 40, size=5_000)
    keys = rng.integers(0, 200 * RECORD_KEYS, size=5_000)
    for threshold in (1, 10):
        values, suppressed = disclosure.publish_many(reviews, keys, threshold)
        cells = [
            disclosure.publish(Tally(int(r), int(k)), threshold)
            for r, k in zip(reviews.tolist(), keys.tolist(), strict=True)
        ]
        assert suppressed.tolist() == [c.suppressed for c in cells]
        assert values.tolist() == [-1 if c.value is None else c.value for c in cells]


def _quadruples(rng: np.random.Generator, count: int, largest: int) -> tuple[np.ndarray, ...]:
    reviews = rng.integers(1, largest, size=count)
    count_a = rng.integers(0, reviews + 1)
    count_b = rng.integers(0, reviews + 1)
    low = np.maximum(0, count_a + count_b - reviews)
    high = np.minimum(count_a, count_b)
    together = rng.integers(low, high + 1)
    return together, count_a, count_b, reviews


@pytest.mark.parametrize("largest", [30, 2_000, 20_000])
def test_fishers_test_and_lift_for_many_pairs_are_the_scalar_ones(largest: int) -> None:
    figures = _quadruples(np.random.default_rng(largest), 400, largest)
    p_values = statistics.fisher_greater_many(*figures)
    lifts = statistics.lift_many(*figures)
    for n, quadruple in enumerate(zip(*(f.tolist() for f in figures), strict=True)):
        assert p_values[n] == pytest.approx(
            statistics.fisher_greater(*quadruple), rel=P_VALUE_DIGITS
        )
        expected = statistics.lift(*quadruple)
        assert (None if np.isnan(lifts[n]) else float(lifts[n])) == expected


def test_counts_that_cannot_occur_together_are_refused() -> None:
    one = np.array([1])
    with pytest.raises(ValueError, match="cannot occur"):
        statistics.fisher_greater_many(one * 5, one * 3, one * 3, one * 10)


@pytest.mark.parametrize(
    ("split_from", "block_rows"),
    [(1, 7), (1, 1), (selection.SPLIT_FROM_ROWS, 7), (selection.SPLIT_FROM_ROWS, 2048)],
)
@pytest.mark.parametrize("filters", [PatternFilters(), PatternFilters(region=["london"])])
def test_pairs_of_codes_are_counted_review_by_review(
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    split_from: int,
    block_rows: int,
    filters: PatternFilters,
) -> None:
    """Whether or not the products are shared between two threads, in blocks of any size, and
    whichever rows are selected, each pair's count and key sum is what adding up the reviews
    one by one gives (float32 counts, float64 keys)."""
    add_corpus(session=session, count=60, seed=5)
    monkeypatch.setattr(selection, "SPLIT_FROM_ROWS", split_from)
    monkeypatch.setattr(selection, "BLOCK_ROWS", block_rows)
    query = selection.select_reviews(session, filters, Scope(None, False, 10))
    matrix = query.codes([], exact=False)
    counts, keys = query.pairs(matrix)
    width = matrix.shape[1]
    expected_counts = np.zeros((width, width), dtype=np.int64)
    expected_keys = np.zeros((width, width), dtype=np.int64)
    for row in np.flatnonzero(query.mask).tolist():
        has = np.flatnonzero(matrix[row])
        expected_counts[np.ix_(has, has)] += 1
        expected_keys[np.ix_(has, has)] += int(query.index.rows.key[row])
    assert query.mask.sum() > 0
    assert (expected_counts > 0).sum() > width  # pairs, not only the diagonal
    assert (counts == expected_counts).all()
    assert (keys == expected_keys).all()


def _related(typology: Typology, a: str, b: str) -> bool:
    return a in typology.ancestors(b) or b in typology.ancestors(a)


def _reference(
    session: Session, scope: Scope, min_support: int, rolled_up: bool
) -> list[tuple[object, ...]]:
    """Co-occurrence as it was published one pair at a time (the scalar reference)."""
    filters = PatternFilters()
    query = selection.select_reviews(session, filters, scope)
    matrix = query.codes([], exact=not rolled_up)
    counts, _ = query.tallies(matrix)
    present = np.flatnonzero(counts)
    has = matrix[np.ix_(query.mask, present)]
    together, together_keys = has.T @ has, has.T @ (has * query.keys[:, None])
    codes = [query.coded.codes[c] for c in present]
    reviews = published.count(query.reviews(), scope)
    singles = [
        published.count(Tally(int(together[i, i]), int(together_keys[i, i])), scope)
        for i in range(len(codes))
    ]
    found = []
    floor = selection.support_floor(min_support, scope)
    for i, j in zip(*np.nonzero(np.triu(together >= floor, k=1)), strict=True):
        if rolled_up and _related(query.typology, codes[i], codes[j]):
            continue
        count = published.count(Tally(int(together[i, j]), int(together_keys[i, j])), scope)
        if not selection.supported(count, min_support, scope):
            continue
        shown = [count.reviews, singles[i].reviews, singles[j].reviews, reviews.reviews]
        fitted = None
        if all(f is not None for f in shown):
            pair, count_a, count_b, all_reviews = (int(f) for f in shown)  # type: ignore[arg-type]
            count_a, count_b = min(count_a, all_reviews), min(count_b, all_reviews)
            low, high = max(0, count_a + count_b - all_reviews), min(count_a, count_b)
            fitted = (min(max(pair, low), high), count_a, count_b, all_reviews)
        found.append(
            (
                codes[i],
                codes[j],
                count,
                singles[i],
                singles[j],
                statistics.lift(*fitted) if fitted else None,
                statistics.fisher_greater(*fitted) if fitted else None,
            )
        )
    return sorted(found, key=lambda f: (-f[2].reviews, f[0], f[1]))  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("full", "min_support", "rolled_up"),
    [(False, 5, False), (False, 12, True), (True, 1, False), (True, 4, True)],
)
def test_cooccurrence_published_at_once_is_the_scalar_reference(
    session: Session, full: bool, min_support: int, rolled_up: bool
) -> None:
    add_corpus(session=session, count=120, seed=17)
    scope = Scope(boards=None, full=full, threshold=3 if not full else 10)
    answer = service.cooccurrence(
        session=session,
        filters=PatternFilters(),
        scope=scope,
        min_support=min_support,
        rolled_up=rolled_up,
        limit=100_000,
        offset=0,
    )
    expected = _reference(session, scope, min_support, rolled_up)
    assert answer.total == len(expected) > 0
    for pair, (a, b, count, count_a, count_b, lift, p_value) in zip(
        answer.items, expected, strict=True
    ):
        assert (pair.code_a, pair.code_b) == (a, b)
        assert (pair.count, pair.count_a, pair.count_b, pair.lift) == (
            count,
            count_a,
            count_b,
            lift,
        )
        assert pair.p_value == pytest.approx(p_value, rel=P_VALUE_DIGITS)


def _trends_reference(
    session: Session, filters: PatternFilters, scope: Scope
) -> list[tuple[str, list[tuple[int, int | None, bool]], tuple[int | None, bool]]]:
    """Trends as they were published one cell at a time: each review counted into its year,
    each (code, year) cell and each code's total published on its own."""
    query = selection.select_reviews(session, filters, scope)
    has = query.codes(filters.kind, exact=False)
    year, keys = query.index.rows.year, query.index.rows.key
    cells: dict[tuple[int, int], Tally] = {}
    for row in np.flatnonzero(query.mask & (year >= 0)).tolist():
        for column in np.flatnonzero(has[row]).tolist():
            at = (column, int(year[row]))
            cells[at] = cells.get(at, Tally(0)) + Tally(1, int(keys[row]))
    dated = sorted({y for _, y in cells})
    first = filters.year_from or (dated[0] if dated else None)
    last = filters.year_to or (dated[-1] if dated else None)
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    found = []
    for column, code in enumerate(query.coded.codes):
        line = [cells.get((column, y), Tally(0)) for y in years]
        if not any(t.reviews for t in line):
            continue
        shown = [published.count(t, scope) for t in line]
        total = published.count(published.total(line), scope)
        found.append(
            (
                code,
                [(y, c.reviews, c.suppressed) for y, c in zip(years, shown, strict=True)],
                (total.reviews, total.suppressed),
            )
        )
    return found


@pytest.mark.parametrize(
    ("full", "filters"),
    [
        (False, PatternFilters()),
        (True, PatternFilters()),
        (False, PatternFilters(year_from=2019, year_to=2021)),
        (True, PatternFilters(year_from=2005, year_to=2035)),  # years no review was notified in
        (True, PatternFilters(region=["london"], year_from=2019)),
    ],
)
def test_trends_published_at_once_are_the_scalar_reference(
    session: Session, full: bool, filters: PatternFilters
) -> None:
    add_corpus(session=session, count=120, seed=23)
    scope = Scope(boards=None, full=full, threshold=3 if not full else 10)
    answer = service.trends(
        session=session, filters=filters, scope=scope, codes=[], limit=100_000, offset=0
    )
    expected = {
        code: (years, total) for code, years, total in _trends_reference(session, filters, scope)
    }
    assert answer.total == len(expected) > 0
    assert {item.code for item in answer.items} == set(expected)
    for item in answer.items:
        years, total = expected[item.code]
        assert [(y.year, y.count.reviews, y.count.suppressed) for y in item.years] == years
        assert (item.count.reviews, item.count.suppressed) == total
