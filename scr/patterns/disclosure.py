"""Disclosure control for published counts: small-number suppression. Pure, no I/O.

Every figure a national analyst or a cross-board query sees passes through here:

- a count from 1 to ``threshold - 1`` is suppressed (primary suppression); 0 is published,
  because a true zero discloses nothing about a child; ``threshold`` or more is published;
- in a cross-tabulation, whose cells add up to the row, column and grand totals, more
  figures are suppressed (secondary suppression) until no suppressed figure can be worked
  out from the published ones;
- a suppressed figure is ``Cell(value=None, suppressed=True)``, never shown as 0.

**Who we protect against.** Picture the table with its totals as a grid of (m+1) x (n+1)
entries: every row and column of that grid (the totals row and column included) says that
its entries add up to its total. The person working back knows every published entry,
those sums, that no count is negative and, pessimistically, as if they knew which cells the
first rule hid, that a primary-suppressed cell of the body lies in [1, threshold - 1].
They are not credited with the same knowledge of small totals: a row of two 1s with its
total 2 at threshold 3 would then give itself away whatever else were hidden. At threshold
2 the interval [1, 1] is the value itself, so there they are only credited with knowing
that a suppressed cell is at least 1. A suppressed entry is safe when it can still take
two values under all that.

**When is an entry safe.** Exactly when it lies on a closed loop of suppressed entries that
alternates between rows and columns (entry, another entry in its column, another in that
one's row, ... back to the start) along which one can add 1 and take 1 away in turn without
leaving any bound: every sum stays as published, and the entry takes another value. A
suppressed entry alone in its row or column lies on no loop, so the usual rule "never
one suppression alone in a line" is a special case; but two 1s hidden in a row whose
other entries and total are published are found out too (their sum is 2, and each is at
least 1), and the loop test sees that where the line rule does not. The test is exact, not
a heuristic: rows and columns are the nodes of a bipartite graph, entries its edges and
each sum a condition at a node, so any change that keeps every sum splits into such loops
(as a flow splits into cycles), and every figure's possible range has whole-number ends.
It is a path search; no linear programme.

**What is suppressed.** For each primary-suppressed entry, in row order, that lies on no
loop, the cheapest loop through it is found (Dijkstra: passing a suppressed entry costs
nothing, passing a published one costs its value, a zero cannot be passed, so zeros stay
published) and the published entries on it are suppressed as well. One pass is enough:
hiding more never lets a safe entry be worked out, and every entry on the new loop is safe
by that loop. A loop always exists, because with every non-zero entry hidden each of them
could move.

The guarantee is that no suppressed figure can be derived; it may still be narrowed (two
hidden small cells whose sum is known to be 8 each lie in [1, 7]).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

DEFAULT_THRESHOLD = 10

Entry = tuple[int, int]


@dataclass(frozen=True)
class Cell:
    """One figure as published: its value, or None with ``suppressed`` set."""

    value: int | None
    suppressed: bool


@dataclass(frozen=True)
class SuppressedTable:
    """A cross-tabulation as published: cells (rows x columns), the totals of each, and
    the grand total."""

    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    total: Cell


def suppress_counts(counts: Sequence[int], threshold: int = DEFAULT_THRESHOLD) -> tuple[Cell, ...]:
    """Primary suppression only, for counts that do not add up to any published total
    (e.g. reviews per code, where one review has many codes)."""
    _check_threshold(threshold)
    return tuple(_as_cell(count, _small(count, threshold)) for count in _checked(counts))


def suppress_table(
    counts: Sequence[Sequence[int]], threshold: int = DEFAULT_THRESHOLD
) -> SuppressedTable:
    """A cross-tabulation whose rows and columns add up to the totals (additive): primary
    suppression, then secondary suppression until no suppressed cell can be derived.

    Totals are computed from the counts. A one-row table is a frequency table with its
    total (its column totals repeat its cells); a table without rows or columns has a
    total of 0.
    """
    _check_threshold(threshold)
    rows = [_checked(row) for row in counts]
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ValueError("every row of the table must have the same number of columns")
    grid = _Grid.of(rows, width, threshold)
    for entry in sorted(grid.primary):
        grid.suppressed.update(grid.cheapest_loop(entry))
    m, n = len(rows), width
    return SuppressedTable(
        cells=tuple(tuple(grid.cell((i, j)) for j in range(n)) for i in range(m)),
        row_totals=tuple(grid.cell((i, n)) for i in range(m)),
        column_totals=tuple(grid.cell((m, j)) for j in range(n)),
        total=grid.cell((m, n)),
    )


def _check_threshold(threshold: int) -> None:
    if threshold < 1:
        raise ValueError("the suppression threshold must be at least 1")


def _checked(counts: Sequence[int]) -> list[int]:
    if any(count < 0 for count in counts):
        raise ValueError("counts must be 0 or more")
    return list(counts)


def _small(count: int, threshold: int) -> bool:
    return 0 < count < threshold


def _as_cell(count: int, suppressed: bool) -> Cell:
    return Cell(value=None, suppressed=True) if suppressed else Cell(value=count, suppressed=False)


@dataclass
class _Grid:
    """The table with its totals as (m+1) x (n+1) entries; row m holds the column totals
    and column n the row totals.

    Row i is node i of the graph and column j node m+1+j; entry (i, j) joins the two. In
    the sums, an entry of the body, and the grand total, counts with the same sign in its
    row and in its column; a row or column total is once a part and once the whole, with
    opposite signs. Giving the totals the sign -1 (``_sign``) makes these the sums of a
    directed graph: adding its sign to an entry is a step from its column to its row, and a
    change that keeps every sum is a directed cycle, which Dijkstra can look for.
    """

    values: list[list[int]]
    threshold: int
    primary: set[Entry]
    suppressed: set[Entry]
    lines: list[list[Entry]]  # the non-zero entries of each node's row or column
    m: int  # the index of the row of column totals
    n: int  # the index of the column of row totals

    @classmethod
    def of(cls, rows: list[list[int]], width: int, threshold: int) -> _Grid:
        columns = [sum(row[j] for row in rows) for j in range(width)]
        values = [[*row, sum(row)] for row in rows] + [[*columns, sum(columns)]]
        primary = {
            (i, j)
            for i, line in enumerate(values)
            for j, value in enumerate(line)
            if _small(value, threshold)
        }
        lines = [[(i, j) for j, v in enumerate(line) if v] for i, line in enumerate(values)]
        lines += [
            [(i, j) for i, v in enumerate(column) if v]
            for j, column in enumerate(zip(*values, strict=True))
        ]
        return cls(values, threshold, primary, set(primary), lines, len(rows), width)

    def cell(self, entry: Entry) -> Cell:
        return _as_cell(self.value(entry), entry in self.suppressed)

    def value(self, entry: Entry) -> int:
        return self.values[entry[0]][entry[1]]

    def _sign(self, entry: Entry) -> int:
        return -1 if (entry[0] == self.m) != (entry[1] == self.n) else 1

    def _can_move(self, entry: Entry, step: int) -> bool:
        """Whether the person working back could add ``step`` (1 or -1) to the entry."""
        if entry not in self.suppressed:
            return True  # a candidate for suppression: non-zero, so at least the threshold
        value = self.value(entry)
        i, j = entry
        if entry in self.primary and i < self.m and j < self.n:
            low, high = 1, (self.threshold - 1 if self.threshold > 2 else None)
        else:
            low, high = 0, None
        return low <= value + step and (high is None or value + step <= high)

    def _node(self, entry: Entry, to_column: bool) -> int:
        return self.m + 1 + entry[1] if to_column else entry[0]

    def _arcs(self, node: int, skip: Entry) -> Iterator[tuple[int, Entry, int]]:
        """(next node, entry, cost) for every step out of ``node`` along an entry that
        could move that way; a step from a column to a row adds ``_sign`` to the entry."""
        from_row = node <= self.m
        for entry in self.lines[node]:
            if entry == skip:
                continue
            step = -self._sign(entry) if from_row else self._sign(entry)
            if self._can_move(entry, step):
                cost = 0 if entry in self.suppressed else self.value(entry)
                yield self._node(entry, from_row), entry, cost

    def _path(self, start: int, goal: int, skip: Entry) -> tuple[int, list[Entry]] | None:
        """The cheapest path from ``start`` to ``goal`` not along ``skip``: cost, entries."""
        best = {start: 0}
        came: dict[int, tuple[int, Entry]] = {}
        queue = [(0, start)]
        while queue:
            cost, node = heapq.heappop(queue)
            if node == goal:
                path = []
                while node != start:
                    node, entry = came[node]
                    path.append(entry)
                return cost, path
            if cost > best[node]:
                continue
            for after, entry, price in self._arcs(node, skip):
                if after not in best or cost + price < best[after]:
                    best[after] = cost + price
                    came[after] = (node, entry)
                    heapq.heappush(queue, (cost + price, after))
        return None

    def cheapest_loop(self, entry: Entry) -> list[Entry]:
        """The published entries to suppress so that ``entry`` lies on a loop (none when
        it already does)."""
        sign = self._sign(entry)
        row, column = self._node(entry, False), self._node(entry, True)
        loops = []
        # Adding ``sign`` to the entry is a step from its column to its row, taking it away
        # the step back; the rest of the loop leads from where that step ends to its start.
        for step, start, goal in ((sign, row, column), (-sign, column, row)):
            if self._can_move(entry, step):
                found = self._path(start, goal, entry)
                if found is not None:
                    loops.append(found)
        if not loops:
            raise AssertionError(f"no loop through {entry}: every non-zero entry has one")
        _, path = min(loops, key=lambda loop: loop[0])
        return [e for e in path if e not in self.suppressed]
