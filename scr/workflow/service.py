"""Reviews, and everything that belongs to one when it is deleted (a board, with its reviews)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, extract, func
from sqlalchemy import delete as sql_delete
from sqlmodel import Session, col, select

from scr.account.models import Commission, ReviewAssignment
from scr.agency.models import Agency
from scr.board.models import Board
from scr.chronology.models import ChronologyEntry
from scr.common import crud
from scr.common.columns import utcnow
from scr.common.lookup import get_or_404, id_of
from scr.episode.models import EpisodeCitation, KeyPracticeEpisode
from scr.errors import Conflict, Forbidden, InvalidInput
from scr.exchange import scanning, withdrawals
from scr.exchange.models import ExchangeLine, ImportedReview, KnownIdentifier, ScanAcceptance
from scr.factor.models import ContributoryFactor
from scr.finding.models import ActionNote, BoardAction, BoardQuestion, Finding
from scr.graph import service as graph_service
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.report import service as report_service
from scr.review import frozen
from scr.review.models import Review, ReviewReopening
from scr.review.schemas import (
    ReviewCreate,
    ReviewFilters,
    ReviewRead,
    ReviewReopen,
    ReviewUpdate,
)
from scr.tag import form
from scr.tag.models import Adjudication, Tag
from scr.vocabulary import ReviewStatus, TagTarget, WithdrawalReason

# The records a review owns, in the order they can be deleted without breaking a reference.
_OWNED: list[tuple[str, Any]] = [
    ("tags", Tag),
    ("adjudications", Adjudication),
    ("causal links", CausalLink),
    ("key practice episodes", KeyPracticeEpisode),
    ("chronology entries", ChronologyEntry),
    ("contributory factors", ContributoryFactor),
    ("findings", Finding),
    ("participants", Participant),
    ("known identifiers", KnownIdentifier),
    ("accepted scan hits", ScanAcceptance),
]


def review_year() -> Any:
    """The year a review counts under: its notification, or failing that its incident."""
    return extract("year", func.coalesce(Review.notification_date, Review.incident_date))


def list_(
    *,
    session: Session,
    filters: ReviewFilters,
    limit: int,
    offset: int,
    visible: ColumnElement[bool] | None = None,
) -> tuple[list[Review], int]:
    """List reviews matching the filters (and ``visible``, the caller's scope), newest first."""
    stmt = select(Review)
    if visible is not None:
        stmt = stmt.where(visible)
    if filters.board_id is not None:
        stmt = stmt.where(Review.board_id == filters.board_id)
    if filters.status is not None:
        stmt = stmt.where(Review.status == filters.status)
    if filters.review_type is not None:
        stmt = stmt.where(Review.review_type == filters.review_type)
    if filters.year is not None:
        stmt = stmt.where(review_year() == filters.year)
    stmt = stmt.order_by(col(Review.id).desc())
    return crud.page(session, stmt, limit=limit, offset=offset)


def get(*, session: Session, review_id: int) -> Review:
    """Load a review or raise NotFound."""
    return get_or_404(session, Review, review_id, "review")


def get_by_reference(*, session: Session, board_id: int, reference: str) -> Review | None:
    """The board's review with this reference, if any."""
    stmt = select(Review).where(Review.board_id == board_id, Review.reference == reference)
    return session.exec(stmt).first()


FIELD = ("body", "context_codes")


def read(
    *, session: Session, reviews: list[Review], coding: Callable[[Review], form.Coding]
) -> list[ReviewRead]:
    """The reviews as a caller reads them: each with the case-context codes the caller's
    ``coding`` of it gives it."""
    by_coding: dict[form.Coding, list[int]] = defaultdict(list)
    for review in reviews:
        by_coding[coding(review)].append(id_of(review))
    codes: dict[int, list[str]] = {}
    for each, ids in by_coding.items():
        codes |= form.codes(session, each, TagTarget.review, ids)
    return [
        ReviewRead.model_validate(r).model_copy(update={"context_codes": codes.get(id_of(r), [])})
        for r in reviews
    ]


def read_one(*, session: Session, review: Review, coding: form.Coding) -> ReviewRead:
    """One review as ``coding`` reads it."""
    return read(session=session, reviews=[review], coding=lambda _: coding)[0]


def _check(session: Session, review: Review) -> None:
    if review.scope_start and review.scope_end and review.scope_end < review.scope_start:
        raise InvalidInput(
            "The scope period ends before it starts: scope_end must be on or after scope_start.",
            field=("body", "scope_end"),
        )
    other = get_by_reference(session=session, board_id=review.board_id, reference=review.reference)
    if other is not None and other.id != review.id:
        raise Conflict(
            f"This board already has a review with reference {review.reference!r}: choose "
            "another reference."
        )


def create(
    *,
    session: Session,
    data: ReviewCreate,
    actor: str | None = None,
    coding: form.Coding | None = None,
) -> Review:
    """Open a review for a board; its case-context codes are ``coding``'s tags (its lead's,
    which are the agreed ones; an operator's by default)."""
    if session.get(Board, data.board_id) is None:
        raise InvalidInput(
            f"There is no board with id {data.board_id}.", field=("body", "board_id")
        )
    review = Review(**data.model_dump(exclude={"context_codes"}))
    crud.stamp_new(review, actor=actor)
    _check(session, review)
    session.add(review)
    session.flush()
    if data.context_codes:
        coding = coding or form.operator(actor)
        form.set_codes(
            session, review, coding, TagTarget.review, id_of(review), data.context_codes, FIELD
        )
    return review


GUARDED = frozenset({ReviewStatus.draft, ReviewStatus.published})
"""Statuses a review reaches only when no blocking completeness check fails (or overridden)."""


def _guard_status(
    session: Session, review: Review, data: ReviewUpdate, actor: str | None, may_override: bool
) -> None:
    if data.status not in GUARDED or data.status == review.status:
        return
    checks = graph_service.check(session=session, review=review)
    if not checks.blocking:
        return
    if data.checks_override_reason is None:
        blocking = [c for c in checks.checks if c.severity == "blocking"]
        raise Conflict(
            f"The review cannot move to {data.status.value} while {len(blocking)} blocking "
            "check(s) fail: " + " ".join(c.message for c in blocking[:10]) + " Put them right, "
            "or have a lead reviewer give checks_override_reason.",
            checks=[c.model_dump() for c in blocking],
        )
    if not may_override:
        raise Forbidden(
            "Only the review's lead reviewer can override blocking checks with a reason."
        )
    review.checks_override_reason = data.checks_override_reason
    review.checks_overridden_by = actor
    review.checks_overridden_at = utcnow()


def update(
    *,
    session: Session,
    review: Review,
    data: ReviewUpdate,
    actor: str | None = None,
    may_override: bool = False,
    coding: form.Coding | None = None,
) -> Review:
    """Change a review, refusing a stale version; draft and published are guarded by the
    blocking completeness checks, which only ``may_override`` lets a reason set aside.
    Case-context codes sent become ``coding``'s tags (an operator's by default)."""
    coding = coding or form.operator(actor)
    crud.ensure_version(
        session, review, data.version, lambda r: read_one(session=session, review=r, coding=coding)
    )
    frozen.ensure_not_published(review)
    publishing = data.status == ReviewStatus.published and review.status != data.status
    _guard_status(session, review, data, actor, may_override)
    changes = data.model_dump(
        exclude_unset=True, exclude={"version", "checks_override_reason", "context_codes"}
    )
    if publishing and "publication_date" not in changes:
        changes["publication_date"] = utcnow().date()
    if data.context_codes is not None:
        form.set_codes(
            session, review, coding, TagTarget.review, id_of(review), data.context_codes, FIELD
        )
    crud.apply_changes(review, changes, actor=actor)
    _check(session, review)
    if publishing:
        scanning.ensure_clear(session=session, review=review)
        scanning.mark_cleared(session, review)
        withdrawals.clear_own(session, review)
    session.flush()
    return review


def reopen(
    *, session: Session, review: Review, data: ReviewReopen, actor: str | None = None
) -> Review:
    """Reopen a published review for change, with the reason: it moves back to draft, which
    withdraws it from every export until it passes the gate and is published again."""
    crud.ensure_version(session, review, data.version, ReviewRead.model_validate)
    if review.status != ReviewStatus.published:
        raise Conflict(
            f"Review {review.reference} is not published ({review.status.value}), so there is "
            "nothing to reopen: it can be changed as it is."
        )
    frozen.thaw(session, review)
    withdrawals.withdraw_own(session, review, WithdrawalReason.reopened)
    session.add(
        ReviewReopening(
            review_id=id_of(review), reason=data.reason, reopened_by=actor, revision=review.revision
        )
    )
    crud.apply_changes(review, {"status": ReviewStatus.draft}, actor=actor)
    review.cleared_revision = None
    session.execute(sql_delete(ExchangeLine).where(col(ExchangeLine.review_id) == review.id))
    report_service.forget(session=session, review=review)
    session.flush()
    return review


def owned_counts(*, session: Session, review: Review) -> dict[str, int]:
    """How many records of each kind the review holds."""
    counts = {}
    for label, model in _OWNED:
        stmt = select(func.count()).select_from(model).where(model.review_id == review.id)
        counts[label] = int(session.exec(stmt).one())
    return counts


def delete(*, session: Session, review: Review, cascade: bool) -> None:
    """Delete a review; what it holds goes too only when ``cascade`` says so. A review of
    this instance that may have left in the exchange is withdrawn from it; an imported
    copy is not (its source withdraws it, or a newer revision replaces it)."""
    counts = {k: v for k, v in owned_counts(session=session, review=review).items() if v}
    if counts and not cascade:
        held = ", ".join(f"{n} {label}" for label, n in counts.items())
        raise Conflict(
            f"Review {review.reference} still holds {held}. Delete them first, or repeat "
            "with ?cascade=true to delete the review with everything it holds.",
            holds=counts,
        )
    imported = session.exec(
        select(ImportedReview.id).where(ImportedReview.review_id == review.id)
    ).first()
    if imported is None:
        withdrawals.withdraw_own(session, review, WithdrawalReason.deleted)
    episodes = select(KeyPracticeEpisode.id).where(KeyPracticeEpisode.review_id == review.id)
    findings = select(Finding.id).where(Finding.review_id == review.id)
    questions = select(BoardQuestion.id).where(col(BoardQuestion.finding_id).in_(findings))
    session.execute(
        sql_delete(EpisodeCitation).where(col(EpisodeCitation.episode_id).in_(episodes))
    )
    actions = select(BoardAction.id).where(col(BoardAction.question_id).in_(questions))
    session.execute(sql_delete(ActionNote).where(col(ActionNote.action_id).in_(actions)))
    session.execute(sql_delete(BoardAction).where(col(BoardAction.question_id).in_(questions)))
    session.execute(sql_delete(BoardQuestion).where(col(BoardQuestion.finding_id).in_(findings)))
    for _label, model in _OWNED:
        session.execute(sql_delete(model).where(model.review_id == review.id))
    # Who worked on it goes with it; the audit trail keeps what they did.
    session.execute(
        sql_delete(ReviewAssignment).where(col(ReviewAssignment.review_id) == review.id)
    )
    for kept in (ImportedReview, ExchangeLine, ReviewReopening):
        session.execute(sql_delete(kept).where(col(kept.review_id) == review.id))
    report_service.forget(session=session, review=review)
    session.delete(review)
    session.flush()
    session.expire_all()


def delete_board(*, session: Session, board: Board, cascade: bool) -> None:
    """Delete a board; its reviews go too only when ``cascade`` says so."""
    reviews = list(session.exec(select(Review).where(Review.board_id == board.id)).all())
    if reviews and not cascade:
        refs = ", ".join(r.reference for r in reviews[:10])
        more = f" and {len(reviews) - 10} more" if len(reviews) > 10 else ""
        raise Conflict(
            f"Board {board.code} still has {len(reviews)} review(s): {refs}{more}. "
            "Delete them first, or repeat with ?cascade=true to delete them with the board.",
            reviews=[r.id for r in reviews],
        )
    for review in reviews:
        delete(session=session, review=review, cascade=True)
    session.execute(sql_delete(Commission).where(col(Commission.board_id) == board.id))
    for agency in session.exec(select(Agency).where(Agency.board_id == board.id)).all():
        session.delete(agency)
    session.delete(board)
    session.flush()
