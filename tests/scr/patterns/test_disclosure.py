"""Small-number suppression: worked examples, then generated tables on which a linear
programme (scipy, a development dependency only) tries to work out every suppressed figure
from what is published."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from scr.patterns.disclosure import (
    DEFAULT_THRESHOLD,
    Cell,
    SuppressedTable,
    suppress_counts,
    suppress_table,
)

HIDDEN = Cell(value=None, suppressed=True)
Values = tuple[list[list[int | None]], list[int | None], list[int | None], int | None]


def _values(table: SuppressedTable) -> Values:
    """The table as a reader sees it, None for a suppressed figure."""
    return (
        [[cell.value for cell in row] for row in table.cells],
        [cell.value for cell in table.row_totals],
        [cell.value for cell in table.column_totals],
        table.total.value,
    )


def _figures(table: SuppressedTable) -> Iterator[Cell]:
    for row in table.cells:
        yield from row
    yield from table.row_totals
    yield from table.column_totals
    yield table.total


def test_a_small_cell_of_a_frequency_table_gets_a_partner_so_the_total_keeps_it_hidden() -> None:
    # 53 - 20 - 30 would give the 3 away; the cheapest partner is the next smallest, 20.
    # A one-row table's column totals are its cells, so they are hidden alike.
    table = suppress_table([[3, 20, 30]])
    assert _values(table) == ([[None, None, 30]], [53], [None, None, 30], 53)
    assert table.cells[0][:2] == (HIDDEN, HIDDEN)


def test_one_small_cell_of_a_two_by_two_hides_the_cheapest_rectangle_of_the_body() -> None:
    # The 3 must share a row and a column with other hidden figures. Of the four rectangles
    # through it, the body (20 + 30 + 40 = 90 hidden) is cheaper than those through the
    # column totals (20 + 33 + 60), the row totals (23 + 30 + 70) or both (23 + 33 + 93),
    # and it leaves every total published.
    table = suppress_table([[3, 20], [30, 40]])
    assert _values(table) == ([[None, None], [None, None]], [23, 70], [33, 60], 93)


def test_zeros_are_published_and_never_hidden_as_partners() -> None:
    # The 0 is the smallest neighbour of the 5, but hiding it would protect nothing
    # (the person working back knows counts are never negative) and a zero is not disclosive.
    table = suppress_table([[0, 5, 20, 30]])
    assert _values(table) == ([[0, None, None, 30]], [55], [0, None, None, 30], 55)
    assert suppress_table([[0, 0], [0, 0]]) == suppress_table([[0, 0], [0, 0]], threshold=3)
    assert all(not figure.suppressed for figure in _figures(suppress_table([[0, 0], [0, 0]])))


def test_the_threshold_is_a_parameter() -> None:
    assert _values(suppress_table([[2, 3, 4]], threshold=3)) == (
        [[None, None, 4]],
        [9],
        [None, None, 4],
        9,
    )
    assert all(not f.suppressed for f in _figures(suppress_table([[1, 2]], threshold=1)))
    # At the default 10 every figure, the total 9 too, is small.
    assert DEFAULT_THRESHOLD == 10
    assert _values(suppress_table([[2, 3, 4]])) == (
        [[None, None, None]],
        [None],
        [None, None, None],
        None,
    )


def test_two_hidden_cells_in_a_line_are_not_enough_when_their_sum_gives_them_away() -> None:
    # Every line has two suppressions, yet 52 - 50 = 2 and each hidden cell is at least 1:
    # both are 1. The 50 is hidden as well.
    table = suppress_table([[1, 1, 50]])
    assert _values(table) == ([[None, None, None]], [52], [None, None, None], 52)


def test_counts_at_or_above_the_threshold_are_untouched_when_nothing_needs_hiding() -> None:
    assert _values(suppress_table([[12, 40], [25, 11]])) == (
        [[12, 40], [25, 11]],
        [52, 36],
        [37, 51],
        88,
    )
    # The four small cells form a rectangle: each can move (+1, -1, +1, -1 around it)
    # without changing any total, so nothing more is hidden.
    assert _values(suppress_table([[3, 4, 20], [5, 6, 30], [40, 50, 60]])) == (
        [[None, None, 20], [None, None, 30], [40, 50, 60]],
        [27, 41, 150],
        [48, 60, 110],
        218,
    )


def test_suppress_counts_hides_small_counts_only() -> None:
    assert suppress_counts([0, 3, 12, 9]) == (
        Cell(value=0, suppressed=False),
        HIDDEN,
        Cell(value=12, suppressed=False),
        HIDDEN,
    )
    assert [c.value for c in suppress_counts([0, 1, 2, 3], threshold=3)] == [0, None, None, 3]
    assert suppress_counts([]) == ()


def test_empty_tables_have_a_total_of_zero() -> None:
    assert suppress_table([]) == SuppressedTable((), (), (), Cell(value=0, suppressed=False))
    assert _values(suppress_table([[], []])) == ([[], []], [0, 0], [], 0)


def test_malformed_input_is_refused() -> None:
    with pytest.raises(ValueError, match="same number of columns"):
        suppress_table([[1, 2], [3]])
    with pytest.raises(ValueError, match="0 or more"):
        suppress_table([[1, -2]])
    with pytest.raises(ValueError, match="0 or more"):
        suppress_counts([-1])
    with pytest.raises(ValueError, match="at least 1"):
        suppress_counts([1], threshold=0)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[list[int]], int]:
    threshold = draw(st.integers(2, 15))
    rows, columns = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    # About half the counts below the threshold, so that suppression has work to do.
    count = st.one_of(st.integers(0, threshold - 1), st.integers(0, 40))
    line = st.lists(count, min_size=columns, max_size=columns)
    return draw(st.lists(line, min_size=rows, max_size=rows)), threshold


def _truth(counts: list[list[int]]) -> Iterator[int]:
    """Every true figure, in the order of ``_figures``."""
    for row in counts:
        yield from row
    yield from (sum(row) for row in counts)
    columns = [sum(column) for column in zip(*counts, strict=True)]
    yield from columns
    yield sum(columns)


def _weights(m: int, n: int) -> Iterator[np.ndarray]:
    """Each figure, in the order of ``_figures``, as weights on the m x n cells."""
    for k in range(m * n):
        yield np.eye(m * n)[k]
    for i in range(m):
        yield np.array([1.0 if k // n == i else 0.0 for k in range(m * n)])
    for j in range(n):
        yield np.array([1.0 if k % n == j else 0.0 for k in range(m * n)])
    yield np.ones(m * n)


def _range(
    counts: list[list[int]], table: SuppressedTable, threshold: int, weights: np.ndarray
) -> tuple[float, float]:
    """Smallest and largest value of the figure ``weights`` over every table that agrees
    with what is published: published cells fixed, published totals as equations, a cell
    below the threshold in [1, threshold - 1] (at threshold 2 only at least 1, as the
    module documents), any other cell at least 0."""
    m, n = len(counts), len(counts[0])
    bounds: list[tuple[float, float | None]] = []
    for count, cell in zip(
        (c for row in counts for c in row), (c for row in table.cells for c in row), strict=True
    ):
        if not cell.suppressed:
            bounds.append((count, count))
        elif 0 < count < threshold:
            bounds.append((1, threshold - 1 if threshold > 2 else None))
        else:
            bounds.append((0, None))
    totals = [*table.row_totals, *table.column_totals, table.total]
    lines = list(_weights(m, n))[m * n :]
    published = [
        (line, t.value) for line, t in zip(lines, totals, strict=True) if t.value is not None
    ]
    a_eq = np.array([line for line, _ in published]) if published else None
    b_eq = np.array([value for _, value in published]) if published else None
    low = linprog(weights, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    assert low.status == 0, low.message
    high = linprog(-weights, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    assert high.status in (0, 3), high.message  # 3: no upper limit at all
    return float(low.fun), math.inf if high.status == 3 else float(-high.fun)


def _derivable(counts: list[list[int]], table: SuppressedTable, threshold: int) -> list[str]:
    """The suppressed figures of ``table`` that can take only one value."""
    m, n = len(counts), len(counts[0])
    found = []
    for k, (figure, weights) in enumerate(zip(_figures(table), _weights(m, n), strict=True)):
        if figure.suppressed:
            low, high = _range(counts, table, threshold, weights)
            if high - low < 1 - 1e-6:
                found.append(f"figure {k} is {low}..{high}")
    return found


def _primary_only(counts: list[list[int]], threshold: int) -> SuppressedTable:
    """The table with only its figures below the threshold hidden."""
    figures = [
        Cell(value=None, suppressed=True) if 0 < v < threshold else Cell(value=v, suppressed=False)
        for v in _truth(counts)
    ]
    m, n = len(counts), len(counts[0])
    cells = tuple(tuple(figures[i * n : (i + 1) * n]) for i in range(m))
    rest = figures[m * n :]
    return SuppressedTable(cells, tuple(rest[:m]), tuple(rest[m : m + n]), rest[-1])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_tables())
def test_no_suppressed_figure_can_be_worked_out_from_what_is_published(
    case: tuple[list[list[int]], int],
) -> None:
    counts, threshold = case
    table = suppress_table(counts, threshold)
    for figure, true in zip(_figures(table), _truth(counts), strict=True):
        assert (figure.value is None) == figure.suppressed
        if 0 < true < threshold:
            assert figure.suppressed
        if not figure.suppressed:
            assert figure.value == true
    assert _derivable(counts, table, threshold) == []
    # And nothing is hidden needlessly: when the small figures alone are safe, they are all.
    primary = _primary_only(counts, threshold)
    if table != primary:
        assert _derivable(counts, primary, threshold) != []


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 40), max_size=30), st.integers(1, 15))
def test_suppress_counts_applies_the_primary_rule_alone(
    counts: Sequence[int], threshold: int
) -> None:
    cells = suppress_counts(counts, threshold)
    assert len(cells) == len(counts)
    for cell, count in zip(cells, counts, strict=True):
        if 0 < count < threshold:
            assert cell == HIDDEN
        else:
            assert cell == Cell(value=count, suppressed=False)
