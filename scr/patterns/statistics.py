"""Figures for pairs of codes: lift, Fisher's exact test, and the Benjamini-Hochberg
correction of the tests for how many pairs were tested. Lift and Fisher's test come for one
pair (the reference) or for many at once with numpy, to the same digits: the same log-gamma
values (a table of ``math.lgamma``), the same arithmetic in the same order, and the same terms
summed one after another (those after the scalar loop's stop are below half a unit in the last
place of the sum, so adding them changes nothing)."""

from __future__ import annotations

from functools import lru_cache
from math import exp, lgamma

import numpy as np

_BLOCK = 32  # terms of every pair's tail summed per step
FALSE_DISCOVERY_RATE = 0.05
"""A pair is significant when its q-value is at most this: of the pairs called significant,
on average no more than one in twenty is so by chance."""


def _log_choose(n: int, k: int) -> float:
    return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)


def lift(together: int, count_a: int, count_b: int, reviews: int) -> float | None:
    """How much more often A and B share a review than if they were independent."""
    if count_a == 0 or count_b == 0:
        return None
    return together * reviews / (count_a * count_b)


def _log_pmf(x: int, count_a: int, count_b: int, reviews: int) -> float:
    return (
        _log_choose(count_a, x)
        + _log_choose(reviews - count_a, count_b - x)
        - _log_choose(reviews, count_b)
    )


def _tail(start: int, step: int, stop: int, count_a: int, count_b: int, reviews: int) -> float:
    """Sum the probabilities from ``start`` towards ``stop`` (inclusive), moving away from the
    mode so the terms only shrink; stop once they no longer change the sum."""
    total, x = 0.0, start
    while (x <= stop) if step > 0 else (x >= stop):
        term = exp(_log_pmf(x, count_a, count_b, reviews))
        total += term
        if term <= total * 1e-17:
            break
        x += step
    return total


def fisher_greater(together: int, count_a: int, count_b: int, reviews: int) -> float:
    """One-sided Fisher's exact test: the chance of ``together`` or more reviews with both A
    and B, among ``reviews`` of which ``count_a`` have A and ``count_b`` have B, if A and B were
    independent (the upper tail of the hypergeometric distribution)."""
    low, high = max(0, count_a + count_b - reviews), min(count_a, count_b)
    if not (0 <= count_a <= reviews and 0 <= count_b <= reviews and low <= together <= high):
        raise ValueError("counts that cannot occur together")
    mode = (count_a + 1) * (count_b + 1) // (reviews + 2)
    if together > mode:
        return min(1.0, _tail(together, 1, high, count_a, count_b, reviews))
    # At or below the mode: one minus the lower tail, which shrinks away from the mode.
    if together == low:
        return 1.0
    return max(0.0, 1.0 - _tail(together - 1, -1, low, count_a, count_b, reviews))


@lru_cache(maxsize=4)
def _log_factorials(size: int) -> np.ndarray:
    """``lgamma(k + 1)`` for k from 0 to ``size - 1``, by ``math.lgamma`` (so the same values
    as the scalar test's)."""
    return np.array([lgamma(k + 1) for k in range(size)], dtype=np.float64)


def _table(largest: int) -> np.ndarray:
    size = 1024
    while size <= largest:
        size *= 2
    return _log_factorials(size)


def lift_many(
    together: np.ndarray, count_a: np.ndarray, count_b: np.ndarray, reviews: np.ndarray
) -> np.ndarray:
    """``lift`` of many pairs (int64 arrays); NaN where it is None. Products below 2**53, so
    the division is the same as Python's."""
    below = (count_a * count_b).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        found = (together * reviews).astype(np.float64) / below
    return np.where(below == 0, np.nan, found)


def _log_pmf_many(
    lf: np.ndarray, x: np.ndarray, count_a: np.ndarray, count_b: np.ndarray, reviews: np.ndarray
) -> np.ndarray:
    def choose(n: np.ndarray, k: np.ndarray) -> np.ndarray:
        return lf[n] - lf[k] - lf[n - k]  # type: ignore[no-any-return]

    return (  # type: ignore[no-any-return]
        choose(count_a, x) + choose(reviews - count_a, count_b - x) - choose(reviews, count_b)
    )


def _tail_many(
    start: np.ndarray,
    step: np.ndarray,
    stop: np.ndarray,
    count_a: np.ndarray,
    count_b: np.ndarray,
    reviews: np.ndarray,
    lf: np.ndarray,
) -> np.ndarray:
    """``_tail`` of many pairs: blocks of terms summed in order (a cumulative sum, which adds
    one after another), until every pair has passed its stop or its terms no longer count."""
    total = np.zeros(len(start))
    active = np.flatnonzero((stop - start) * step >= 0)
    offsets = np.arange(_BLOCK)
    done = 0
    while len(active):
        s, d, e = start[active], step[active], stop[active]
        x = s[:, None] + d[:, None] * (done + offsets)[None, :]
        inside = (e[:, None] - x) * d[:, None] >= 0
        x = np.where(inside, x, s[:, None])
        a, b, n = (v[active][:, None] for v in (count_a, count_b, reviews))
        terms = np.where(inside, np.exp(_log_pmf_many(lf, x, a, b, n)), 0.0)
        running = np.cumsum(np.concatenate([total[active][:, None], terms], axis=1), axis=1)
        total[active] = running[:, -1]
        negligible = terms <= running[:, 1:] * 1e-17
        finished = negligible.any(axis=1) | ~inside[:, -1]
        active = active[~finished]
        done += _BLOCK
    return total


def fisher_greater_many(
    together: np.ndarray, count_a: np.ndarray, count_b: np.ndarray, reviews: np.ndarray
) -> np.ndarray:
    """``fisher_greater`` of many pairs (int64 arrays of counts that can occur together)."""
    low = np.maximum(0, count_a + count_b - reviews)
    high = np.minimum(count_a, count_b)
    fits = (count_a >= 0) & (count_a <= reviews) & (count_b >= 0) & (count_b <= reviews)
    if not (fits & (low <= together) & (together <= high)).all():
        raise ValueError("counts that cannot occur together")
    lf = _table(int(reviews.max(initial=0)))
    mode = (count_a + 1) * (count_b + 1) // (reviews + 2)
    upper = together > mode
    start = np.where(upper, together, together - 1)
    step = np.where(upper, 1, -1)
    stop = np.where(upper, high, low)
    tail = _tail_many(start, step, stop, count_a, count_b, reviews, lf)
    lower = np.where(together == low, 1.0, np.maximum(0.0, 1.0 - tail))
    return np.where(upper, np.minimum(1.0, tail), lower)


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg q-values of tests done together: the smallest false-discovery rate
    at which each test would count as significant. The i-th smallest of m p-values becomes
    ``p * m / i``, then each is lowered to the smallest of those at or above it (so none
    exceeds the largest p-value, and none is below its own p-value).
    Many pairs tested at once make some small p-values by chance; q-values allow for that."""
    tested = len(p_values)
    if tested == 0:
        return np.array([], dtype=np.float64)
    order = np.argsort(p_values, kind="stable")
    scaled = p_values[order] * tested / np.arange(1, tested + 1)
    lowest_above = np.minimum.accumulate(scaled[::-1])[::-1]
    q_values = np.empty(tested, dtype=np.float64)
    q_values[order] = lowest_above
    return q_values
