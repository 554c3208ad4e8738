"""Numbers as a pattern query publishes them: in full in a board's own view, otherwise
through ``disclosure``; suppressed ones listed last, so their order says nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scr.patterns import disclosure, selection
from scr.patterns.schemas import (
    Count,
)
from scr.patterns.selection import Scope


def counts(values: Sequence[int], scope: Scope) -> list[Count]:
    if scope.full:
        return [Count(reviews=v) for v in values]
    return [
        Count(reviews=cell.value, suppressed=cell.suppressed)
        for cell in disclosure.suppress_counts(values, scope.threshold)
    ]


def count_of(cell: disclosure.Cell) -> Count:
    return Count(reviews=cell.value, suppressed=cell.suppressed)


def line(values: list[int], scope: Scope) -> tuple[list[Count], Count]:
    """A row of counts that add up to its total, suppressed as a one-row table."""
    if scope.full:
        return [Count(reviews=v) for v in values], Count(reviews=sum(values))
    table = disclosure.suppress_table([values], scope.threshold)
    return [count_of(c) for c in table.cells[0]], count_of(table.row_totals[0])


def table_counts(
    matrix: list[list[int]], scope: Scope
) -> tuple[list[list[Count]], list[Count], list[Count], Count]:
    if scope.full:
        columns = list(zip(*matrix, strict=True)) if matrix else []
        return (
            [[Count(reviews=v) for v in row] for row in matrix],
            [Count(reviews=sum(row)) for row in matrix],
            [Count(reviews=sum(c)) for c in columns],
            Count(reviews=sum(map(sum, matrix))),
        )
    t = disclosure.suppress_table(matrix, scope.threshold)
    return (
        [[count_of(c) for c in row] for row in t.cells],
        [count_of(c) for c in t.row_totals],
        [count_of(c) for c in t.column_totals],
        count_of(t.total),
    )


def share(count: Count, of: Count) -> float | None:
    if count.reviews is None or not of.reviews:
        return None
    return count.reviews / of.reviews


def ordered(items: list[Any], count: Any, key: Any) -> list[Any]:
    """Largest first; suppressed figures last, in code order, so their order says nothing."""
    shown = sorted(
        (i for i in items if count(i).reviews is not None),
        key=lambda i: (-count(i).reviews, key(i)),
    )
    hidden = sorted((i for i in items if count(i).reviews is None), key=key)
    return shown + hidden


def head(query: selection.Selection, scope: Scope, reviews: int) -> dict[str, Any]:
    [count] = counts([reviews], scope)
    return {
        "suppressed": not scope.full,
        "threshold": scope.threshold,
        "reviews": count,
        "version": query.version,
    }
