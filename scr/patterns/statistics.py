"""Figures for pairs of codes: lift, and Fisher's exact test, without a numerical library."""

from __future__ import annotations

from math import exp, lgamma


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
