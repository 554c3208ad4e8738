"""Which reviews a pattern query counts, and their codes, from the pattern index.

The filters and the caller's scope select rows of the index (a mask); a review's codes in the
typology version asked are its agreed tags mapped to that version and, unless ``exact``,
rolled up to their ancestors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from sqlmodel import Session, col, select

from scr.account.access import Principal
from scr.board.models import Board
from scr.coding import catalogue
from scr.errors import InvalidInput, NotFound
from scr.patterns import disclosure, lattice
from scr.patterns.disclosure import Tally
from scr.patterns.index import load, store
from scr.patterns.index.snapshot import Coded, Snapshot
from scr.patterns.schemas import Count, PatternFilters
from scr.vocabulary import ReviewStatus, Role, TagTarget
from typology.loader import Typology


@dataclass(frozen=True)
class Scope:
    """Whose reviews a query counts, and whether its figures are shown in full."""

    boards: tuple[int, ...] | None  # None: every board
    full: bool
    threshold: int


def scope_for(
    session: Session, principal: Principal, filters: PatternFilters, threshold: int
) -> Scope:
    """A board member counts their own board unless they name others; only a board's own view
    (a board member's of their board, an administrator's of one board) is shown in full."""
    wanted = list(dict.fromkeys(filters.board))
    found: dict[str, int] = {}
    if wanted:
        stmt = select(col(Board.code), col(Board.id)).where(col(Board.code).in_(wanted))
        found = {str(code): int(board_id) for code, board_id in session.execute(stmt).all()}
    for code in wanted:
        if code not in found:
            raise InvalidInput(f"There is no board with code {code}.", field=("query", "board"))
    ids: list[int] = [found[code] for code in wanted]
    if principal.role == Role.board and not ids and principal.board_id is not None:
        ids = [principal.board_id]
    own = principal.role == Role.board and ids == [principal.board_id]
    full = own or (principal.role == Role.admin and len(ids) == 1)
    return Scope(tuple(ids) or None, full, threshold)


def covered(session: Session, scope: Scope, filters: PatternFilters) -> str:
    """What the figures cover, for the name of a file of them: the partnership's name when
    they are one partnership's, the partnerships' codes when several, else the regions asked
    for, else England."""
    if scope.boards:
        boards = session.exec(
            select(Board).where(col(Board.id).in_(scope.boards)).order_by(col(Board.code))
        ).all()
        if len(boards) == 1:
            return boards[0].name.lower()
        return "-".join(b.code for b in boards).lower()
    if filters.region:
        return "-".join(sorted(r.value.replace("_", "-") for r in filters.region))
    return "england"


def _typology(filters: PatternFilters) -> tuple[str, Typology]:
    version = filters.version or catalogue.current_version()
    try:
        typology = catalogue.get(version)
    except NotFound as exc:
        raise InvalidInput(str(exc), field=("query", "version")) from None
    for code in filters.context:
        if typology.code(code) is None:
            raise InvalidInput(
                f"Typology {version} has no code {code}.", field=("query", "context")
            )
    return version, typology


@dataclass(frozen=True)
class Selection:
    """A query's typology version, the index it counts in, and the rows it selects."""

    version: str
    typology: Typology
    index: Snapshot
    coded: Coded
    mask: np.ndarray

    @property
    def keys(self) -> np.ndarray:
        """The selected reviews' record keys."""
        keys: np.ndarray = self.index.rows.key[self.mask]
        return keys

    @cached_property
    def weights(self) -> np.ndarray:
        """1.0 for each selected row, 0.0 for the others: counting is a matrix product."""
        return self.mask.astype(np.float64)

    @cached_property
    def key_weights(self) -> np.ndarray:
        """Each selected row's record key, 0.0 for the others: key sums likewise."""
        weights: np.ndarray = self.weights * self.index.rows.key
        return weights

    def reviews(self) -> Tally:
        """The number of selected reviews and the sum of their keys."""
        return Tally(int(self.mask.sum()), int(self.keys.sum()))

    def codes(self, kinds: Sequence[TagTarget], *, exact: bool) -> np.ndarray:
        """Which review of the index (every row, selected or not) has which code, counting only
        the tags of ``kinds`` of record (every kind when empty); with ``exact``, only the code
        each tag maps to, without its ancestors."""
        return self.coded.matrix([load.KINDS.index(k.value) for k in kinds], exact=exact)

    def tallies(self, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per column of ``matrix`` (every row x columns, 0.0 or 1.0), the selected rows in it
        and the sum of their keys: two matrix products, exact in float64 (keys below 2**30,
        fewer than 2**23 rows)."""
        counts = np.rint(self.weights @ matrix).astype(np.int64)
        return counts, np.rint(self.key_weights @ matrix).astype(np.int64)

    def pairs(self, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per pair of columns of ``matrix`` (every row x columns, 0.0 or 1.0), the selected rows
        in both and the sum of their keys (columns x columns; the diagonal is ``tallies``).

        The counts are a symmetric product in float32, exact with fewer than 2**24 rows, half
        the work of float64; the key sums need float64. Both are summed over blocks of the
        selected rows (``_summed``), which keeps each step's arrays in the processor's cache."""

        selected = np.flatnonzero(self.mask)  # a region's reviews are a ninth of them
        keys = self.keys

        def block(rows: slice) -> tuple[np.ndarray, np.ndarray]:
            part = matrix[selected[rows]]
            chosen = part.astype(np.float32)
            return chosen.T @ chosen, part.T @ (part * keys[rows, None])

        counts, sums = _summed(block, len(selected))
        return np.rint(counts).astype(np.int64), np.rint(sums).astype(np.int64)


BLOCK_ROWS = 2048
"""Rows a block of ``_summed`` holds: about 2 MB of float64 at a hundred codes. On arrays of
200,000 reviews x 110 codes, co-occurrence's products over blocks of this size took 184 ms on
one core, against 280 ms over every row at once, whose copies of the whole matrix fit no cache
(and on two threads 98 ms, against 182 ms with a tail to 426)."""

SPLIT_FROM_ROWS = 50_000
"""From how many rows the blocks are shared between two threads (below it, handing half to
another thread costs about what it saves)."""

_second = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scr-patterns")


def _summed(block: Callable[[slice], tuple[np.ndarray, ...]], rows: int) -> tuple[np.ndarray, ...]:
    """The sums of ``block``'s arrays over every ``BLOCK_ROWS`` rows. With many rows, a second
    thread sums the latter half at the same time, so that a national query uses both cores
    while the machine has them free (numpy lets go of the interpreter's lock while BLAS
    multiplies, and the sum is exact as each part is)."""

    def over(start: int, stop: int) -> tuple[np.ndarray, ...]:
        total = block(slice(start, min(start + BLOCK_ROWS, stop)))
        for at in range(start + BLOCK_ROWS, stop, BLOCK_ROWS):
            for held, found in zip(
                total, block(slice(at, min(at + BLOCK_ROWS, stop))), strict=True
            ):
                held += found
        return total

    if rows < SPLIT_FROM_ROWS:
        return over(0, rows)
    other = _second.submit(over, rows // 2, rows)
    first = over(0, rows // 2)
    return tuple(a + b for a, b in zip(first, other.result(), strict=True))


def _isin(values: np.ndarray, wanted: list[str], names: list[str]) -> np.ndarray:
    return np.isin(values, [names.index(str(getattr(w, "value", w))) for w in wanted])


def select_reviews(session: Session, filters: PatternFilters, scope: Scope) -> Selection:
    """The reviews a query counts: outside a board's own view, one cell of the lattice, and
    published reviews only (the national body learns from published reviews)."""
    version, typology = _typology(filters)
    if not scope.full:
        lattice.check(filters)
    index = store.current(session)
    coded = index.in_version(version)
    rows = index.rows
    mask = np.ones(len(rows.ids), dtype=bool)
    if not scope.full:
        mask &= rows.attributes["status"] == load.ATTRIBUTES["status"].index(
            ReviewStatus.published.value
        )
    if scope.boards is not None:
        mask &= np.isin(rows.board, scope.boards)
    if filters.region:
        mask &= _isin(index.region, list(filters.region), load.REGIONS)
    if filters.year_from is not None:
        mask &= rows.year >= filters.year_from
    if filters.year_to is not None:
        mask &= (rows.year <= filters.year_to) & (rows.year >= 0)
    for name, wanted in (
        ("review_type", filters.review_type),
        ("outcome", filters.outcome),
        ("age_band", filters.age_band),
        ("status", filters.status),
    ):
        if wanted:
            mask &= _isin(rows.attributes[name], list(wanted), load.ATTRIBUTES[name])
    if filters.context:
        present = coded.matrix([], exact=False)
        for code in filters.context:
            mask &= present[:, coded.column[code]] > 0
    return Selection(version, typology, index, coded, mask)


def support_floor(min_support: int, scope: Scope) -> int:
    """The fewest reviews a pattern needs to be counted at all: outside a board's own view,
    one that could be published at ``min_support`` (which applies to the published figure, so
    that moving it never tells a true count)."""
    if scope.full:
        return min_support
    spread = disclosure.perturbation_table().largest_change
    return max(scope.threshold, min_support - spread)


def supported(count: Count, min_support: int, scope: Scope) -> bool:
    """Whether a published pattern count is listed: at least ``min_support``; outside a
    board's own view a suppressed one never is."""
    return count.reviews is not None and (scope.full or count.reviews >= min_support)


def label(typology: Typology, code: str) -> str:
    found = typology.code(code)
    return found.label if found is not None else code
