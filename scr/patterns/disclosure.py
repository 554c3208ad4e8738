"""Disclosure control for figures that leave a board's own view: the cell key method. Pure.

Suppression checked within one answer is not enough: an analyst asks many questions, and
subtracting one published figure from another (a region less its other boards, all age
bands less the others, a parent code less its narrower codes) gives back a suppressed one.
So every figure outside a board's own view is published as UK and Australian official
statistics publish flexible tables (ABS TableBuilder, Thompson, Broadfoot and Elazar 2013;
ONS for Census 2021 custom datasets):

- each review has a fixed random **record key**, drawn uniformly from 0 to ``RECORD_KEYS - 1``
  when it is created or imported here, and never exported (``Review.record_key``);
- a cell's **cell key** is the sum of the record keys of the reviews it counts, modulo
  ``RECORD_KEYS``: the same reviews always give the same key, and one review more or less
  gives an unrelated one;
- the **perturbation table** (``perturbation.json``, data) maps the cell key to a small
  change, added to the count. So the same set of reviews always gets the same
  published figure, whatever question produced it: asking again, or by another route, gives
  nothing new, and a difference of two published figures carries the noise of both;
- no figure from 1 to ``threshold - 1`` is published (``Cell(None, suppressed=True)``, never
  0); 0 is published as 0, since a true zero discloses nothing about a child.

Consistent noise defeats repetition, not averaging over many different routes to one small
cell: that is bounded by the fixed lattice of cells that may be asked for (``lattice``).

The table changes a count by -3 to +3, with mean 0 and variance 2.1. A count is suppressed
when it is below the threshold before the change or after it, so a suppressed figure may be
a true 1 to 12 at a threshold of 10, and a published 10 a true 10 to 13: the counts just
above the threshold carry the same noise as any other.
"""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from scr.review.models import RECORD_KEYS

DEFAULT_THRESHOLD = 10
TABLE_FILE = Path(__file__).with_name("perturbation.json")


@dataclass(frozen=True)
class Cell:
    """One figure as published: its value, or None with ``suppressed`` set."""

    value: int | None
    suppressed: bool


@dataclass(frozen=True)
class Tally:
    """A cell as counted: its reviews, and the sum of their record keys."""

    reviews: int
    keys: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.reviews + other.reviews, self.keys + other.keys)


@dataclass(frozen=True)
class PerturbationTable:
    """The probability of each change added to a count (exact fractions)."""

    name: str
    changes: tuple[tuple[int, Fraction], ...]  # (change, probability), ascending

    @property
    def largest_change(self) -> int:
        return max(abs(change) for change, _ in self.changes)

    @cached_property
    def _cuts(self) -> list[int]:
        """Where each change's share of the keys ends: key < cut exactly when the key's place
        in [0, 1) is below the cumulative probability (keys are whole numbers)."""
        cuts, reached = [], Fraction(0)
        for _, probability in self.changes:
            reached += probability
            cuts.append(math.ceil(reached * RECORD_KEYS))
        return cuts

    def change(self, cell_key: int) -> int:
        """The change the cell key picks: the cumulative probabilities cut [0, 1) in turn."""
        at = bisect.bisect_right(self._cuts, cell_key % RECORD_KEYS)
        return self.changes[min(at, len(self.changes) - 1)][0]

    def changes_for(self, cell_keys: np.ndarray) -> np.ndarray:
        """``change`` of each of many cell keys (int64) at once."""
        at = np.searchsorted(np.array(self._cuts), cell_keys % RECORD_KEYS, side="right")
        steps = np.array([change for change, _ in self.changes], dtype=np.int64)
        return steps[np.minimum(at, len(steps) - 1)]


@lru_cache
def perturbation_table() -> PerturbationTable:
    """The shipped perturbation table."""
    document = json.loads(TABLE_FILE.read_text(encoding="utf-8"))
    changes = sorted((int(c), Fraction(p)) for c, p in document["changes"].items())
    return PerturbationTable(name=str(document["name"]), changes=tuple(changes))


def publish(tally: Tally, threshold: int, table: PerturbationTable | None = None) -> Cell:
    """A count as it may leave a board's own view: changed by the amount its cell key picks,
    and suppressed when it is below the threshold before or after the change; 0 stays 0."""
    if threshold < 1:
        raise ValueError("the suppression threshold must be at least 1")
    if tally.reviews < 0:
        raise ValueError("counts must be 0 or more")
    if tally.reviews == 0:
        return Cell(value=0, suppressed=False)
    value = tally.reviews + (table or perturbation_table()).change(tally.keys)
    if tally.reviews < threshold or value < threshold:
        return Cell(value=None, suppressed=True)
    return Cell(value=value, suppressed=False)


def publish_many(
    reviews: np.ndarray, keys: np.ndarray, threshold: int, table: PerturbationTable | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``publish`` for many cells at once, from their counts and key sums (int64 arrays):
    the published values (-1 where suppressed) and which are suppressed."""
    if threshold < 1:
        raise ValueError("the suppression threshold must be at least 1")
    if (reviews < 0).any():
        raise ValueError("counts must be 0 or more")
    value = reviews + (table or perturbation_table()).changes_for(keys)
    suppressed = (reviews > 0) & ((reviews < threshold) | (value < threshold))
    value = np.where(reviews == 0, 0, np.where(suppressed, -1, value))
    return value, suppressed
