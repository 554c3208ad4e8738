"""A corpus coded under both typology versions counts, in 1.1, as if every tag had moved."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from scr.demo.corpus import add_corpus
from scr.patterns import service
from scr.patterns.schemas import PatternFilters
from scr.patterns.selection import Scope
from scr.review import frozen
from scr.review.models import Review
from scr.tag import migration
from scr.tag.models import Tag
from scr.tag.schemas import TagChoice, TagMigrationApply
from scr.vocabulary import TagTarget
from typology import loader

FULL = Scope(boards=None, full=True, threshold=10)  # every review, in full: nothing perturbed
KINDS: list[list[TagTarget]] = [[], *([k] for k in TagTarget)]


def _frequencies(session: Session, kind: list[TagTarget]) -> dict[str, int]:
    answer = service.frequencies(
        session=session,
        filters=PatternFilters(version="1.1", kind=kind),
        scope=FULL,
        limit=100_000,
        offset=0,
    )
    return {item.code: item.count.reviews or 0 for item in answer.items}


def _pairs(session: Session) -> dict[tuple[str, str], int]:
    answer = service.cooccurrence(
        session=session,
        filters=PatternFilters(version="1.1"),
        scope=FULL,
        min_support=1,
        rolled_up=True,
        limit=100_000,
        offset=0,
    )
    return {(p.code_a, p.code_b): p.count.reviews or 0 for p in answer.items}


def _holding(session: Session, codes: set[str]) -> dict[str, int]:
    """How many reviews have an agreed 1.1 tag of each of ``codes`` (none has a narrower one)."""
    stmt = select(Tag.review_id, Tag.code).where(
        col(Tag.agreed), Tag.typology_version == "1.1", col(Tag.code).in_(codes)
    )
    reviews: dict[str, set[int]] = defaultdict(set)
    for review_id, code in session.exec(stmt):
        reviews[code].add(review_id)
    return {code: len(ids) for code, ids in reviews.items()}


def _without(counts: dict, codes: set[str]) -> dict:
    return {k: v for k, v in counts.items() if not codes & set(k if isinstance(k, tuple) else [k])}


def test_both_versions_count_in_1_1_as_if_every_tag_had_moved(session: Session) -> None:
    add_corpus(session=session, count=60, seed=21)
    versions = set(session.exec(select(Tag.typology_version).distinct()))
    assert versions == {"1.0", "1.1"}
    mapping = loader.load_mapping("1.0", "1.1")
    successors = {c for e in mapping.entries if e.kind == "split" for c in e.to}
    frequencies = [_frequencies(session, kind) for kind in KINDS]
    pairs = _pairs(session)
    held = _holding(session, successors)
    assert held  # reviews coded under 1.1 chose between the split's successors

    # Move every review's 1.0 tags, choosing the successors of a split in turn.
    reviews = session.exec(
        select(Review).where(
            col(Review.id).in_(select(Tag.review_id).where(Tag.typology_version == "1.0"))
        )
    ).all()
    turn = 0
    for review in reviews:
        frozen.thaw(session, review)  # moving a published review's tags, for the comparison
        plan = migration.preview(session=session, review=review, to_version="1.1")
        choices = []
        for move in plan.moves:
            if move.needs_choice:
                choices.append(TagChoice(tag_id=move.tag_id, code=move.to_codes[turn % 2]))
                turn += 1
        migration.apply(
            session=session,
            review=review,
            data=TagMigrationApply(to_version="1.1", choices=choices),
        )
    assert set(session.exec(select(Tag.typology_version).distinct())) == {"1.1"}
    assert turn > 1  # both successors were chosen

    moved = [_frequencies(session, kind) for kind in KINDS]
    for before, after in zip(frequencies, moved, strict=True):
        # Every figure is the same, but for the split's successors: counted through the
        # mapping a split tag counts only under the parent its successors share, moved it
        # counts under the successor a person chose as well.
        assert _without(after, successors) == _without(before, successors)
    assert moved[0] != frequencies[0]
    moved_held = _holding(session, successors)
    for code in successors:
        assert frequencies[0].get(code, 0) == held.get(code, 0)
        assert moved[0].get(code, 0) == moved_held.get(code, 0) >= held.get(code, 0)
    assert _without(_pairs(session), successors) == _without(pairs, successors)
