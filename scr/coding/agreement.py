"""Inter-coder agreement on nominal codes. Pure functions on plain lists.

``None`` marks a value a coder did not give (Krippendorff's alpha allows it; Cohen's kappa
needs both coders on every unit).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import permutations


def percent_agreement(units: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Share of units on which every coder who gave a value gave the same one (units with
    fewer than two values are left out); None when no unit has two values."""
    judged = [[v for v in unit if v is not None] for unit in units]
    judged = [values for values in judged if len(values) >= 2]
    if not judged:
        return None
    return sum(len(set(values)) == 1 for values in judged) / len(judged)


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Cohen's kappa for two coders over the same units; None when chance agreement is
    certain (both coders always gave one and the same value), where kappa is undefined."""
    if len(first) != len(second):
        raise ValueError("both coders must code the same units")
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha, nominal level, any number of coders, missing values allowed.

    Each unit lists every coder's value (or None). Units with fewer than two values do not
    count; None when there is nothing to compare or no variation at all.
    """
    coincidences: dict[tuple[Hashable, Hashable], float] = {}
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for a, b in permutations(range(m), 2):
            pair = (values[a], values[b])
            coincidences[pair] = coincidences.get(pair, 0.0) + 1 / (m - 1)
    totals: dict[Hashable, float] = {}
    for (value, _), weight in coincidences.items():
        totals[value] = totals.get(value, 0.0) + weight
    n = sum(totals.values())
    if n <= 1:
        return None
    observed = sum(w for (x, y), w in coincidences.items() if x != y)
    expected = (n * n - sum(t * t for t in totals.values())) / (n - 1)
    if expected == 0:
        return None
    return 1 - observed / expected
