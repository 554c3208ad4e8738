"""The national analyst as an adversary: on a generated corpus, try to work out suppressed
counts by differencing over everything the lattice still allows, and compare with the truth.

It asks the frequencies of every cell it may (England, each region, each partnership of
three regions, each crossed with every value of one attribute: age band, outcome, type of
review, a three-year period, a single year) as the API answers them, then for each suppressed
figure takes every route that gives it as a difference of published figures: the wider cell
less the other values of the attribute (all years of a period less its other years, every
period less the others), the region less its other partnerships, England less the other
regions, a parent code less its other narrower codes. It averages the routes it has (each
weighted by the noise it carries), and also works out what the routes make certain, knowing
the perturbation table. Other endpoints add no route: a table's cell, a year of a trend, a
pair's single code count the same reviews as a frequency here, so they are the same figure.

The same adversary against the same lattice without the cell key (exact figures, small
ones suppressed) gets nearly every small count right: that is what the protection stops.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pytest
import sqlalchemy as sa
from scipy.stats import binomtest
from sqlmodel import Session, col, select

from scr.account.access import Principal
from scr.board.models import Board
from scr.coding import catalogue
from scr.config import get_settings
from scr.demo.corpus import add_corpus
from scr.patterns import disclosure, rollup
from scr.patterns import service as patterns
from scr.patterns.schemas import PatternFilters
from scr.patterns.selection import scope_for
from scr.review.models import Review
from scr.tag.models import Tag
from scr.vocabulary import AgeBand, Outcome, Region, ReviewStatus, ReviewType, Role
from scr.workflow.service import review_year
from typology.loader import Typology

THRESHOLD = 10
REVIEWS = 2_000
REGIONS = (Region.north_west,)  # its partnerships, one by one
YEARS = range(2012, 2027)
PERIODS = [(y, y + 2) for y in range(2010, 2027, 3)]
HEAD = "(reviews)"  # the reviews a cell selects, beside its codes

Cell = tuple[tuple[str, str], ...]  # the filters that select it, as (name, value) pairs
Answer = dict[str, int | None]  # code -> published figure (None: suppressed; absent: 0)


def _cell(**filters: str) -> Cell:
    return tuple(sorted(filters.items()))


def _filters(cell: Cell) -> PatternFilters:
    values: dict[str, Any] = {}
    for name, value in cell:
        if name == "period":
            first, last = value.split("-")
            values |= {"year_from": int(first), "year_to": int(last)}
        elif name == "year":
            values |= {"year_from": int(value), "year_to": int(value)}
        else:
            values[name] = [value]
    return PatternFilters(**values)


# Each attribute the adversary splits a cell by: its values, and the wider cell they make up.
def _splits() -> Iterator[tuple[str, list[str], Cell | None]]:
    yield "age_band", [a.value for a in AgeBand], None
    yield "outcome", [o.value for o in Outcome], None
    yield "review_type", [t.value for t in ReviewType], None
    yield "period", [f"{a}-{b}" for a, b in PERIODS], None
    for first, last in PERIODS:
        years = [str(y) for y in range(first, last + 1)]
        yield "year", years, _cell(period=f"{first}-{last}")


@dataclass
class Corpus:
    boards_in: dict[str, list[str]]  # region -> board codes
    reviews: list[dict[str, Any]]  # each published review's attributes and codes


def _corpus(session: Session) -> Corpus:
    add_corpus(session=session, count=REVIEWS, seed=17)
    boards = session.exec(select(Board)).all()
    boards_in: dict[str, list[str]] = defaultdict(list)
    for board in boards:
        boards_in[board.region.value].append(board.code)
    region_of = {b.id: b.region.value for b in boards}
    code_of = {b.id: b.code for b in boards}
    codes: dict[int, set[str]] = defaultdict(set)
    counts_as: dict[tuple[str, str], set[str]] = defaultdict(set)
    for from_version, from_code, to_code, _ in rollup.rows("1.0", get_settings().typology_dir):
        counts_as[(from_version, from_code)].add(to_code)
    agreed = sa.select(col(Tag.review_id), col(Tag.typology_version), col(Tag.code)).where(
        col(Tag.agreed)
    )
    for review_id, version, code in session.execute(agreed):
        codes[review_id] |= counts_as[(version, code)]
    reviews = []
    stmt = sa.select(Review, review_year().label("year")).where(
        col(Review.status) == ReviewStatus.published
    )
    for review, year in session.execute(stmt):
        reviews.append(
            {
                "board": code_of[review.board_id],
                "region": region_of[review.board_id],
                "age_band": review.child_age_band and review.child_age_band.value,
                "outcome": review.outcome and review.outcome.value,
                "review_type": review.review_type.value,
                "year": str(year) if year is not None else None,
                "period": next(
                    (f"{a}-{b}" for a, b in PERIODS if year is not None and a <= int(year) <= b),
                    None,
                ),
                "codes": codes[int(review.id or 0)] | {HEAD},
            }
        )
    return Corpus(dict(boards_in), reviews)


def _truth(corpus: Corpus, cell: Cell) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for review in corpus.reviews:
        if all(review[name] == value for name, value in cell):
            for code in review["codes"]:
                counts[code] += 1
    return counts


def _cells(corpus: Corpus) -> list[Cell]:
    """Each place alone and with one value of an attribute; with the outcome too, another."""
    places = [_cell()] + [_cell(region=r.value) for r in Region]
    places += [_cell(board=b) for r in REGIONS for b in corpus.boards_in[r.value]]
    found = []
    for place in places:
        with_outcome = [place] + [(*place, ("outcome", o.value)) for o in Outcome]
        for base in with_outcome:
            found.append(tuple(sorted(base)))
            for name, values, _ in _splits():
                if name != "outcome":
                    found += [tuple(sorted((*base, (name, v)))) for v in values]
    return list(dict.fromkeys(found))


def _asked(session: Session, cells: list[Cell]) -> dict[Cell, Answer]:
    """Every cell's frequencies, as the API answers a national analyst."""
    analyst = Principal(name="analyst@example.org", role=Role.national)
    answers = {}
    for cell in cells:
        filters = _filters(cell)
        scope = scope_for(session, analyst, filters, THRESHOLD)
        result = patterns.frequencies(
            session=session, filters=filters, scope=scope, limit=1_000, offset=0
        )
        answer: Answer = {i.code: i.count.reviews for i in result.items}
        answer[HEAD] = result.reviews.reviews
        answers[cell] = answer
    return answers


def _unprotected(corpus: Corpus, cells: list[Cell]) -> dict[Cell, Answer]:
    """The same lattice without the cell key: exact figures, small ones suppressed."""
    return {
        cell: {c: (n if n >= THRESHOLD else None) for c, n in _truth(corpus, cell).items()}
        for cell in cells
    }


Route = list[tuple[int, Cell, str]]  # (sign, cell, code): the target is the signed sum


def _routes(corpus: Corpus, typology: Typology, cell: Cell, code: str) -> Iterator[Route]:
    attrs = dict(cell)
    # The wider cell less the other values of one attribute.
    for name, values, wider in _splits():
        if name in attrs and attrs[name] in values:
            rest = tuple(kv for kv in cell if kv[0] != name)
            outer = tuple(sorted((*rest, *(wider or ()))))
            others = [tuple(sorted((*rest, (name, v)))) for v in values if v != attrs[name]]
            yield [(1, outer, code), *((-1, o, code) for o in others)]
    # The region less its other partnerships; England less the other regions.
    rest = tuple(kv for kv in cell if kv[0] not in ("board", "region"))
    if "board" in attrs:
        region = next(r for r, bs in corpus.boards_in.items() if attrs["board"] in bs)
        siblings = [b for b in corpus.boards_in[region] if b != attrs["board"]]
        outer = tuple(sorted((*rest, ("region", region))))
        yield [
            (1, outer, code),
            *((-1, tuple(sorted((*rest, ("board", b)))), code) for b in siblings),
        ]
    if "region" in attrs:
        others = [r.value for r in Region if r.value != attrs["region"]]
        yield [
            (1, rest, code),
            *((-1, tuple(sorted((*rest, ("region", r)))), code) for r in others),
        ]
    # A parent code less its other narrower codes.
    found = typology.code(code)
    if found is not None and found.parent is not None:
        siblings = [c for c in typology.children(found.parent) if c != code]
        yield [(1, cell, found.parent), *((-1, cell, s) for s in siblings)]


def _possible(value: int, spread: int) -> tuple[int, int]:
    """The true counts a published figure may stand for, knowing the largest change."""
    if value == 0:
        return 0, 0
    return max(THRESHOLD, value - spread), value + spread


@dataclass
class Result:
    targets: int  # small suppressed counts with at least one route
    hits: int  # the adversary's estimate is the true count
    certain: int  # the routes leave one possible value
    certain_and_wrong: int


def _attack(corpus: Corpus, answers: dict[Cell, Answer], typology: Typology, spread: int) -> Result:
    """``spread``: the largest change the adversary knows a published figure may carry."""
    targets = hits = certain = certain_and_wrong = 0
    for cell, answer in answers.items():
        truth = _truth(corpus, cell)
        for code, shown in answer.items():
            if shown is not None or not 0 < truth[code] < THRESHOLD:
                continue
            estimates: list[tuple[Fraction, int]] = []
            low, high = 1, THRESHOLD - 1 + spread  # what "suppressed" tells
            for route in _routes(corpus, typology, cell, code):
                terms = [
                    (s, answers.get(c, {}).get(k, 0) if c in answers else None) for s, c, k in route
                ]
                if any(v is None for _, v in terms):
                    continue  # a term suppressed, or not asked: this route is closed
                values = [(s, int(v)) for s, v in terms if v is not None]
                estimates.append(
                    (Fraction(sum(s * v for s, v in values)), sum(1 for _, v in values if v))
                )
                ends = [(_possible(v, spread), s) for s, v in values]
                low = max(low, sum(lo if s > 0 else -hi for (lo, hi), s in ends))
                high = min(high, sum(hi if s > 0 else -lo for (lo, hi), s in ends))
            if not estimates:
                continue
            targets += 1
            weight = sum(Fraction(1, max(n, 1)) for _, n in estimates)
            mean = sum(e / max(n, 1) for e, n in estimates) / weight
            guess = min(max(round(mean), 1), THRESHOLD - 1 + spread)
            hits += guess == truth[code]
            if low == high:
                certain += 1
                certain_and_wrong += low != truth[code]
    return Result(targets, hits, certain, certain_and_wrong)


def _difference_hit_chance() -> Fraction:
    """The chance that the difference of two figures changed independently by the table is
    the true difference: what one route gives an adversary who knows the table."""
    return sum((p * p for _, p in disclosure.perturbation_table().changes), Fraction(0))


@pytest.fixture
def typology() -> Typology:
    return catalogue.get("1.0")


def test_differencing_over_the_lattice_is_no_better_than_the_table_and_rarely_certain(
    session: Session, typology: Typology, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(session)
    cells = _cells(corpus)
    before = _attack(corpus, _unprotected(corpus, cells), typology, spread=0)
    spread = disclosure.perturbation_table().largest_change
    after = _attack(corpus, _asked(session, cells), typology, spread=spread)
    chance = _difference_hit_chance()
    with capsys.disabled():
        print(
            f"\nadversary on {len(corpus.reviews)} published reviews, {len(cells)} cells: "
            f"without the cell key {before.hits}/{before.targets} small counts right "
            f"({before.hits / before.targets:.1%}), {before.certain} certain "
            f"({before.certain_and_wrong} wrong); with it "
            f"{after.hits}/{after.targets} ({after.hits / max(after.targets, 1):.1%}), "
            f"{after.certain} certain ({after.certain_and_wrong} of them wrong); one route's "
            f"chance {float(chance):.1%}"
        )
    # Without the cell key the attack works: nearly every small count, most of them certain.
    assert before.targets >= 1_000
    assert before.hits / before.targets > 0.9
    assert before.certain > before.targets / 2
    # With it: right no more often than one route's chance (a one-sided binomial test at 1%:
    # the hits are what chance gives, not significantly more), and never rightly certain. Its
    # routes are not all exact (a wider cell also holds reviews with no age band, a parent
    # code its own tags), so it can be sure of a value and wrong: that discloses nothing,
    # but it must stay rare. Rightly certain it could be only where bounded noise allows
    # (two changes at their largest in opposite directions, about 1 in 400 routes of two
    # figures, and only for a count of 1).
    assert after.targets >= 1_000
    assert binomtest(after.hits, after.targets, float(chance), alternative="greater").pvalue > 0.01
    assert after.certain == after.certain_and_wrong
    assert after.certain <= after.targets / 200
