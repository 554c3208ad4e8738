"""Systemic findings and the questions they put to the Board."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from scr.coding import catalogue
from scr.common import crud
from scr.common.lookup import get_in_review, id_of
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.finding.schemas import BoardQuestionIn, FindingCreate, FindingRead, FindingUpdate
from scr.link import service as link_service
from scr.records import names as record_names
from scr.review.models import Review
from scr.tag import service as tag_service
from scr.vocabulary import NodeKind, TagTarget


def list_(
    *, session: Session, review: Review, limit: int, offset: int
) -> tuple[list[Finding], int]:
    """List the review's findings in their order."""
    stmt = select(Finding).where(Finding.review_id == review.id)
    return crud.page(
        session, stmt.order_by(col(Finding.ordinal), col(Finding.id)), limit=limit, offset=offset
    )


def get(*, session: Session, review: Review, finding_id: int) -> Finding:
    """Load one of the review's findings or raise NotFound."""
    assert review.id is not None
    return get_in_review(session, Finding, review.id, finding_id, "finding")


def _questions(data: Sequence[BoardQuestionIn]) -> list[BoardQuestion]:
    return [
        BoardQuestion(
            ordinal=q_index,
            question=q.question,
            board_response=q.board_response,
            response_date=q.response_date,
            actions=[
                BoardAction(ordinal=a_index, **a.model_dump())
                for a_index, a in enumerate(q.actions, start=1)
            ],
        )
        for q_index, q in enumerate(data, start=1)
    ]


def create(
    *, session: Session, review: Review, data: FindingCreate, actor: str | None = None
) -> Finding:
    """Add a finding, with its questions for the Board."""
    if data.category is not None:
        catalogue.ensure_codes([data.category], "finding", ("body", "category"))
    fields = data.model_dump(exclude={"questions", "ordinal"})
    finding = Finding(review_id=id_of(review), ordinal=data.ordinal or 0, **fields)
    if data.ordinal is None:
        last = session.exec(
            select(func.max(Finding.ordinal)).where(Finding.review_id == review.id)
        ).one()
        finding.ordinal = (last or 0) + 1
    finding.questions = _questions(data.questions)
    crud.stamp_new(finding, actor=actor)
    session.add(finding)
    session.flush()
    return finding


def update(
    *, session: Session, finding: Finding, data: FindingUpdate, actor: str | None = None
) -> Finding:
    """Change a finding, refusing a stale version; ``questions`` replaces the list when sent."""
    crud.ensure_version(session, finding, data.version, FindingRead.model_validate)
    if data.category is not None:
        catalogue.ensure_codes([data.category], "finding", ("body", "category"))
    changes = data.model_dump(exclude_unset=True, exclude={"version", "questions"})
    if data.questions is not None:
        finding.questions = _questions(data.questions)
    crud.apply_changes(finding, changes, actor=actor)
    session.flush()
    return finding


def delete(*, session: Session, finding: Finding, cascade: bool) -> None:
    """Delete a finding with its questions; its evidence links block this unless ``cascade``."""
    assert finding.id is not None
    link_service.guard_delete(
        session=session,
        kind=NodeKind.finding,
        item_id=finding.id,
        label=f"{record_names.finding(finding.ordinal)} '{finding.title}'",
        cascade=cascade,
    )
    tag_service.delete_for(session=session, kind=TagTarget.finding, item_id=finding.id)
    session.delete(finding)
    session.flush()
