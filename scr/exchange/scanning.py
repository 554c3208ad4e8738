"""A review's known identifiers, the scan of everything it would export, and the gate.

A review cannot be published, and is not exported, while a scan hit is open: neither fixed
(the text changed) nor accepted by a lead reviewer with a reason. A clean scan is remembered
as the revision it was made at (``Review.cleared_revision``), so the export rescans only the
reviews changed since.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from scr.common import crud
from scr.common.lookup import get_in_review, id_of
from scr.errors import Conflict, InvalidInput
from scr.exchange import lines
from scr.exchange.leaving import Text, texts
from scr.exchange.models import KnownIdentifier, ScanAcceptance
from scr.exchange.scan import Known, scan
from scr.exchange.schemas import AcceptanceCreate, HitRead, IdentifierCreate, ScanRead
from scr.records import names as record_names
from scr.review.models import Review
from scr.vocabulary import ReviewStatus

_KIND_WORDS = {
    "known_identifier": "a known identifier",
    "nhs_number": "an NHS number",
    "ni_number": "a National Insurance number",
    "postcode": "a postcode",
    "phone": "a phone number",
    "email": "an e-mail address",
    "full_date": "a full date",
}


def identifiers(*, session: Session, review: Review) -> list[KnownIdentifier]:
    """The review's known identifiers, in the order they were added."""
    stmt = select(KnownIdentifier).where(KnownIdentifier.review_id == review.id)
    return list(session.exec(stmt.order_by(col(KnownIdentifier.id))))


def add_identifier(
    *, session: Session, review: Review, data: IdentifierCreate, actor: str | None
) -> KnownIdentifier:
    """Add a known identifier; the same text twice is refused."""
    for known in identifiers(session=session, review=review):
        if known.text.casefold() == data.text.casefold():
            raise Conflict("This review already lists that identifier.")
    record = KnownIdentifier(review_id=id_of(review), text=data.text, kind=data.kind)
    crud.add(session, record, actor=actor)
    return record


def delete_identifier(*, session: Session, review: Review, identifier_id: int) -> None:
    """Remove a known identifier from the review's list."""
    record = get_in_review(
        session, KnownIdentifier, id_of(review), identifier_id, "known identifier"
    )
    session.delete(record)
    session.flush()


def _acceptances(session: Session, review_ids: Sequence[int]) -> dict[int, list[ScanAcceptance]]:
    found: dict[int, list[ScanAcceptance]] = {i: [] for i in review_ids}
    stmt = select(ScanAcceptance).where(col(ScanAcceptance.review_id).in_(review_ids))
    for record in session.exec(stmt):
        found[record.review_id].append(record)
    return found


def _known(session: Session, review_ids: Sequence[int]) -> dict[int, list[Known]]:
    found: dict[int, list[Known]] = {i: [] for i in review_ids}
    stmt = select(KnownIdentifier).where(col(KnownIdentifier.review_id).in_(review_ids))
    for record in session.exec(stmt):
        found[record.review_id].append((record.text, record.kind))
    return found


def hits(
    texts: Iterable[Text], known: Sequence[Known], accepted: Sequence[ScanAcceptance]
) -> list[HitRead]:
    """Every hit in the texts, each open or accepted; each named by its record's key until
    ``scan_review`` names it as the method does."""
    decisions = {(a.record, a.field, a.hit_kind, a.text): a for a in accepted}
    found = []
    for text in texts:
        for hit in scan(text.value, known):
            decision = decisions.get((text.record, text.field, hit.kind.value, hit.text))
            found.append(
                HitRead(
                    record=text.record,
                    name=text.record,
                    field=text.field,
                    start=hit.start,
                    end=hit.end,
                    kind=hit.kind,
                    text=hit.text,
                    context=hit.context,
                    status="open" if decision is None else "accepted",
                    reason=None if decision is None else decision.reason,
                    accepted_by=None if decision is None else decision.updated_by,
                    accepted_at=None if decision is None else decision.created_at,
                )
            )
    return found


def scan_review(*, session: Session, review: Review) -> ScanRead:
    """Scan everything the review would export, against its known identifiers."""
    rid = id_of(review)
    found = hits(
        texts(session, review), _known(session, [rid])[rid], _acceptances(session, [rid])[rid]
    )
    if found:  # (names read for the few records with a hit, not for all the review holds)
        named = record_names.of(session, {h.record for h in found})
        found = [h.model_copy(update={"name": named[h.record]}) for h in found]
    open_ = sum(h.status == "open" for h in found)
    return ScanRead(
        review_id=rid,
        revision=review.revision,
        open=open_,
        accepted=len(found) - open_,
        hits=found,
    )


def open_hits_among(session: Session, reviews: Sequence[Any]) -> set[int]:
    """Which of ``reviews`` (records or rows) have an open hit; a review whose clean scan is
    of its current revision is not scanned again."""
    stale = [r.id for r in reviews if r.cleared_revision != r.revision]
    return {rid for rid in stale if _has_open_hit(session, rid)}


def _has_open_hit(session: Session, review_id: int) -> bool:
    review = session.get(Review, review_id)
    assert review is not None
    return scan_review(session=session, review=review).open > 0


def accept(
    *, session: Session, review: Review, data: AcceptanceCreate, actor: str | None
) -> ScanRead:
    """Record a lead reviewer's acceptance of one open hit, with the reason."""
    current = scan_review(session=session, review=review)
    match = [
        h
        for h in current.hits
        if (h.record, h.field, h.kind, h.text) == (data.record, data.field, data.kind, data.text)
    ]
    if not match:
        raise InvalidInput(
            "There is no such hit in the review's current scan: the text may have changed. "
            "Scan again and accept a hit as it is listed.",
            field=("body", "text"),
        )
    if all(h.status == "accepted" for h in match):
        raise Conflict("That hit is already accepted.")
    record = ScanAcceptance(
        review_id=id_of(review),
        record=data.record,
        field=data.field,
        hit_kind=data.kind.value,
        text=data.text,
        reason=data.reason,
    )
    crud.stamp_new(record, actor=actor)
    session.add(record)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict("That hit is already accepted.") from None
    result = scan_review(session=session, review=review)
    if result.open == 0:
        mark_cleared(session, review)
    return result


def mark_cleared(session: Session, review: Review) -> None:
    """Remember that the review, as it now stands, has no open hit; keep its line if it is
    published."""
    session.flush()  # (so the revision counts every change of this transaction)
    review.cleared_revision = review.revision
    session.flush()
    if review.status == ReviewStatus.published:
        lines.keep(session, review)


def ensure_clear(*, session: Session, review: Review) -> None:
    """Refuse (409) to publish a review while a hit is open, saying where each is."""
    result = scan_review(session=session, review=review)
    open_ = [h for h in result.hits if h.status == "open"]
    if not open_:
        return
    where = "; ".join(
        f"{_KIND_WORDS[h.kind.value]} in {h.name}, {h.field.replace('_', ' ')}" for h in open_[:10]
    )
    raise Conflict(
        f"The review cannot be published while {len(open_)} possible identifier(s) in its "
        f"text are open: {where}. Change the text, or have a lead reviewer accept each one "
        "with a reason (see the review's scan).",
        hits=[{"record": h.record, "field": h.field, "kind": h.kind.value} for h in open_],
    )
