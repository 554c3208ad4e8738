"""Numbers as a pattern query publishes them: exact in a board's own view, otherwise through
``disclosure`` (suppressed below the threshold, changed by the cell key); suppressed ones
listed last, so their order says nothing.

Every published figure is one cell's: a total is the sum of its cells' counts and keys, so a
total over one attribute is the same cell, and gets the same figure, as the same reviews
asked for another way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from scr.patterns import disclosure, selection
from scr.patterns.disclosure import Tally
from scr.patterns.schemas import Count
from scr.patterns.selection import Scope


def note(scope: Scope) -> str | None:
    """What was done to the figures, in a sentence to show beside them."""
    if scope.full:
        return None
    spread = disclosure.perturbation_table().largest_change
    return (
        "Figures from outside your partnership count published reviews only and are changed "
        f"by a small random amount (at most {spread} either way, the same each time they are "
        f"asked for); figures below {scope.threshold} are not shown."
    )


def count(tally: Tally, scope: Scope) -> Count:
    if scope.full:
        return Count(reviews=tally.reviews)
    cell = disclosure.publish(tally, scope.threshold)
    return Count(reviews=cell.value, suppressed=cell.suppressed)


def count_many(
    reviews: np.ndarray, keys: np.ndarray, scope: Scope
) -> tuple[np.ndarray, np.ndarray]:
    """``count`` of many cells at once (int64 counts and key sums): the values shown (-1 where
    suppressed) and which are suppressed."""
    if scope.full:
        return reviews, np.zeros(reviews.shape, dtype=bool)
    return disclosure.publish_many(reviews, keys, scope.threshold)


def as_count(value: int, suppressed: bool) -> Count:
    """One of ``count_many``'s figures as a ``Count``."""
    return Count(reviews=None, suppressed=True) if suppressed else Count(reviews=value)


def counts(tallies: Sequence[Tally], scope: Scope) -> list[Count]:
    return [count(t, scope) for t in tallies]


def total(tallies: Sequence[Tally]) -> Tally:
    return sum(tallies, Tally(0))


def line(tallies: list[Tally], scope: Scope) -> tuple[list[Count], Count]:
    """A row of cells and its total."""
    return counts(tallies, scope), count(total(tallies), scope)


def table_counts(
    matrix: list[list[Tally]], scope: Scope
) -> tuple[list[list[Count]], list[Count], list[Count], Count]:
    """The cells of a table, its row and column totals and its grand total."""
    columns = [list(c) for c in zip(*matrix, strict=True)] if matrix else []
    return (
        [counts(row, scope) for row in matrix],
        [count(total(row), scope) for row in matrix],
        [count(total(c), scope) for c in columns],
        count(total([total(row) for row in matrix]), scope),
    )


def share(count: Count, of: Count) -> float | None:
    """``count`` as a share of ``of``; never more than all of them, though two figures
    changed apart may say so (13 reviews with a code among 11)."""
    if count.reviews is None or not of.reviews:
        return None
    return min(count.reviews / of.reviews, 1.0)


def ordered(items: list[Any], count: Any, key: Any) -> list[Any]:
    """Largest first; suppressed figures last, in code order, so their order says nothing."""
    shown = sorted(
        (i for i in items if count(i).reviews is not None),
        key=lambda i: (-count(i).reviews, key(i)),
    )
    hidden = sorted((i for i in items if count(i).reviews is None), key=key)
    return shown + hidden


def head(query: selection.Selection, scope: Scope, reviews: Tally) -> dict[str, Any]:
    return {
        "suppressed": not scope.full,
        "threshold": scope.threshold,
        "reviews": count(reviews, scope),
        "version": query.version,
        "note": note(scope),
    }
