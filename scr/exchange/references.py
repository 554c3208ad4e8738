"""Making the found-before links that imported lines name (``scr-exchange/1.1``).

An imported finding's ``found_before`` names earlier findings by their review's source and
their number there; ``scr.exchange.storing`` keeps each as a ``FoundBeforeReference``. The
link itself (``FoundBefore``) can only be made once the earlier review is here too: as an
imported copy from its source, or as one of this instance's own published reviews. Lines
arrive in any order, and a newer revision of the earlier review replaces its copy (its
findings, and the links to them, go with it), so ``resolve`` makes every link whose two
findings are here and that is not made yet: after each batch of an import for the reviews
it brought, and at the end of the import for every reference (an earlier review of this
instance's own may have been published since).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from scr.board.models import Board
from scr.exchange.models import FoundBeforeReference, ImportedReview
from scr.finding.models import Finding
from scr.records import write
from scr.recurrence.models import FoundBefore
from scr.review.models import Review
from scr.vocabulary import ReviewStatus


def _held(own_instance: str) -> sa.Subquery:
    """Each review here by its source: the imported copies, and this instance's own
    published reviews."""
    copies, reviews, boards = write.table(ImportedReview), write.table(Review), write.table(Board)
    imported = sa.select(
        copies.c.review_id,
        copies.c.source_instance,
        copies.c.source_board,
        copies.c.reference,
    )
    own = (
        sa.select(
            reviews.c.id.label("review_id"),
            sa.literal(own_instance, sa.String).label("source_instance"),
            boards.c.code.label("source_board"),
            reviews.c.reference,
        )
        .join(boards, boards.c.id == reviews.c.board_id)
        .where(
            reviews.c.status == ReviewStatus.published,
            reviews.c.id.not_in(sa.select(copies.c.review_id)),
        )
    )
    return sa.union_all(imported, own).subquery("held")


def resolve(
    session: Session,
    *,
    own_instance: str,
    actor: str | None,
    among: Collection[str] | None = None,
) -> int:
    """Make the links the kept references name whose earlier finding is here; how many.
    With ``among`` (the references of the reviews a batch brought), only the references of
    those reviews, or naming them, are looked at."""
    refs, findings = write.table(FoundBeforeReference), write.table(Finding)
    links, copies = write.table(FoundBefore), write.table(ImportedReview)
    held = _held(own_instance)
    made = sa.select(links.c.id).where(
        links.c.finding_id == refs.c.finding_id, links.c.earlier_finding_id == findings.c.id
    )
    back = sa.select(links.c.id).where(
        links.c.finding_id == findings.c.id, links.c.earlier_finding_id == refs.c.finding_id
    )
    stmt = (
        sa.select(refs.c.id, refs.c.review_id, refs.c.finding_id, findings.c.id.label("earlier"))
        .join(
            held,
            sa.and_(
                held.c.source_instance == refs.c.source_instance,
                held.c.source_board == refs.c.source_board,
                held.c.reference == refs.c.reference,
            ),
        )
        .join(
            findings,
            sa.and_(
                findings.c.review_id == held.c.review_id,
                findings.c.ordinal == refs.c.finding_number,
            ),
        )
        .where(
            held.c.review_id != refs.c.review_id,
            ~sa.exists(made),
            ~sa.exists(back),
        )
        .order_by(refs.c.id, findings.c.id)
    )
    if among is not None:
        wanted = sorted(set(among))
        if not wanted:
            return 0
        brought = sa.select(copies.c.review_id).where(copies.c.reference.in_(wanted))
        stmt = stmt.where(sa.or_(refs.c.reference.in_(wanted), refs.c.review_id.in_(brought)))
    rows: dict[int, dict[str, Any]] = {}
    pairs: set[frozenset[int]] = set()
    for ref_id, review_id, finding_id, earlier in session.connection().execute(stmt):
        pair = frozenset((finding_id, earlier))
        if ref_id in rows or pair in pairs:
            continue  # (two findings with one number: the first; one pair named both ways)
        pairs.add(pair)
        rows[ref_id] = {
            "review_id": review_id,
            "finding_id": finding_id,
            "earlier_finding_id": earlier,
        } | write.stamp(actor)
    write.insert(session, FoundBefore, list(rows.values()))
    return len(rows)
