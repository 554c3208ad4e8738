"""Significance allows for the number of pairs tested: Benjamini-Hochberg q-values."""

from __future__ import annotations

import numpy as np
import pytest

from scr.patterns import statistics


def test_q_values_of_a_hand_worked_example() -> None:
    # m = 5. Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4), 0.20 (5).
    # p * m / rank: 0.025, 0.025, 0.05, 0.05, 0.20; each already at most those above it.
    p_values = np.array([0.01, 0.04, 0.03, 0.005, 0.20])
    q_values = statistics.benjamini_hochberg(p_values)
    assert q_values.tolist() == pytest.approx([0.025, 0.05, 0.05, 0.025, 0.20])


def test_a_q_value_is_lowered_to_the_smallest_of_those_ranked_above_it() -> None:
    # m = 3: 0.01 * 3 / 1 = 0.03, 0.02 * 3 / 2 = 0.03, 0.021 * 3 / 3 = 0.021: all become 0.021.
    q_values = statistics.benjamini_hochberg(np.array([0.021, 0.01, 0.02]))
    assert q_values.tolist() == pytest.approx([0.021, 0.021, 0.021])


def test_one_test_is_not_corrected_and_none_gives_none() -> None:
    assert statistics.benjamini_hochberg(np.array([0.3])).tolist() == [0.3]
    assert statistics.benjamini_hochberg(np.array([])).tolist() == []


def test_a_lift_of_1_01_among_many_pairs_is_not_significant() -> None:
    # 40,000 reviews, each code in half of them: 10,100 with both is a lift of 1.01, two
    # standard deviations above chance, so Fisher's test alone says p < 0.05. Among 300 pairs
    # tested, with the other 299 as often together as chance, it is not significant.
    tested = 300
    together = np.array([10_100] + [10_000] * (tested - 1), dtype=np.int64)
    halves = np.full(tested, 20_000, dtype=np.int64)
    reviews = np.full(tested, 40_000, dtype=np.int64)
    lifts = statistics.lift_many(together, halves, halves, reviews)
    p_values = statistics.fisher_greater_many(together, halves, halves, reviews)
    q_values = statistics.benjamini_hochberg(p_values)
    assert lifts[0] == pytest.approx(1.01)
    assert p_values[0] < statistics.FALSE_DISCOVERY_RATE
    assert q_values[0] > statistics.FALSE_DISCOVERY_RATE
    assert (q_values > statistics.FALSE_DISCOVERY_RATE).all()
