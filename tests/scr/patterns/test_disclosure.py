"""The cell key method: the perturbation table's properties, and how a count is published."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scr.patterns.disclosure import (
    DEFAULT_THRESHOLD,
    Cell,
    Tally,
    perturbation_table,
    publish,
)
from scr.patterns.published import share
from scr.patterns.schemas import Count
from scr.review.models import RECORD_KEYS

TABLE = perturbation_table()
HIDDEN = Cell(value=None, suppressed=True)


def test_the_table_is_a_distribution_with_mean_zero_largest_change_3_and_variance_2_1() -> None:
    changes = TABLE.changes
    assert sum(p for _, p in changes) == 1
    assert all(p > 0 for _, p in changes)
    assert sum(c * p for c, p in changes) == 0
    assert sum(c * c * p for c, p in changes) == Fraction(21, 10)
    assert TABLE.largest_change == 3
    assert dict(changes) == {-c: p for c, p in changes}  # symmetric


def test_the_cell_key_picks_each_change_as_often_as_the_table_says() -> None:
    steps = 20_000
    picked: dict[int, int] = {}
    for i in range(steps):
        change = TABLE.change(i * RECORD_KEYS // steps)
        picked[change] = picked.get(change, 0) + 1
    for change, probability in TABLE.changes:
        assert abs(Fraction(picked.get(change, 0), steps) - probability) <= Fraction(1, steps)


def test_zero_is_published_as_zero_and_small_counts_never() -> None:
    for key in (0, 1, RECORD_KEYS // 2, RECORD_KEYS - 1, 5 * RECORD_KEYS + 3):
        assert publish(Tally(0, key), DEFAULT_THRESHOLD) == Cell(value=0, suppressed=False)
        for n in range(1, DEFAULT_THRESHOLD):
            assert publish(Tally(n, key), DEFAULT_THRESHOLD) == HIDDEN


@given(
    reviews=st.integers(0, 100_000),
    keys=st.integers(0, 2**60),
    threshold=st.integers(1, 20),
)
def test_a_published_count_is_near_the_truth_never_below_the_threshold_and_repeatable(
    reviews: int, keys: int, threshold: int
) -> None:
    cell = publish(Tally(reviews, keys), threshold)
    assert cell == publish(Tally(reviews, keys % RECORD_KEYS), threshold)  # the key mod N
    if 0 < reviews < threshold:
        assert cell == HIDDEN
        return
    if cell.suppressed:  # a count just above the threshold, changed below it
        assert reviews - TABLE.largest_change < threshold
        return
    assert cell.value is not None
    assert abs(cell.value - reviews) <= TABLE.largest_change
    assert cell.value == 0 or cell.value >= threshold  # never negative, never 1 to 9


def test_a_count_at_the_threshold_is_as_noisy_as_any_and_may_be_suppressed() -> None:
    shown = {publish(Tally(10, k), 10) for k in range(0, RECORD_KEYS, RECORD_KEYS // 97)}
    assert shown == {HIDDEN} | {Cell(value=v, suppressed=False) for v in range(10, 14)}


def test_one_review_more_moves_the_cell_key_and_so_the_change() -> None:
    """A cell and the same cell with one review more get unrelated changes: a review's key
    is uniform, so the sums of keys are too."""
    changes = {
        publish(Tally(50, 1_000 + extra), 10).value
        for extra in range(0, RECORD_KEYS, RECORD_KEYS // 97)
    }
    assert changes == {47, 48, 49, 50, 51, 52, 53}


def test_malformed_input_is_refused() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        publish(Tally(-1), DEFAULT_THRESHOLD)
    with pytest.raises(ValueError, match="at least 1"):
        publish(Tally(1), 0)


def test_a_share_is_never_more_than_all_though_changed_figures_say_so() -> None:
    assert share(Count(reviews=13), Count(reviews=11)) == 1.0
    assert share(Count(reviews=11), Count(reviews=44)) == 0.25
    assert share(Count(reviews=None, suppressed=True), Count(reviews=44)) is None
