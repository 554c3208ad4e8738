"""Systemic findings and the questions they put to the Board."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from scr.common import crud
from scr.common.lookup import id_of
from scr.finding.models import BoardAction, BoardQuestion, Finding
from scr.finding.schemas import BoardQuestionIn, FindingCreate, FindingRead, FindingUpdate
from scr.node import service as node_service
from scr.records import names as record_names
from scr.review.models import Review
from scr.tag import form
from scr.vocabulary import NodeKind, TagTarget


def list_(
    *, session: Session, review: Review, limit: int, offset: int
) -> tuple[list[Finding], int]:
    """List the review's findings in their order."""
    stmt = select(Finding).where(Finding.review_id == review.id)
    return crud.page(
        session, stmt.order_by(col(Finding.ordinal), col(Finding.id)), limit=limit, offset=offset
    )


def read(
    *, session: Session, findings: Sequence[Finding], coding: form.Coding
) -> list[FindingRead]:
    """The findings as ``coding`` reads them: each with its systemic pattern, the first of the
    codes that coding gives it."""
    codes = form.codes(session, coding, TagTarget.finding, [id_of(f) for f in findings])
    return [
        FindingRead.model_validate(f).model_copy(
            update={"category": next(iter(codes[id_of(f)]), None)}
        )
        for f in findings
    ]


def read_one(*, session: Session, finding: Finding, coding: form.Coding) -> FindingRead:
    """One finding as ``coding`` reads it."""
    return read(session=session, findings=[finding], coding=coding)[0]


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


FIELD = ("body", "category")


def create(
    *,
    session: Session,
    review: Review,
    data: FindingCreate,
    actor: str | None = None,
    coding: form.Coding | None = None,
) -> Finding:
    """Add a finding, with its questions for the Board; its systemic pattern is ``coding``'s
    tag (an operator's agreed one by default)."""
    fields = data.model_dump(exclude={"questions", "ordinal", "category"})
    finding = Finding(review_id=id_of(review), ordinal=data.ordinal or 0, **fields)
    if data.ordinal is None:
        last = session.exec(
            select(func.max(Finding.ordinal)).where(Finding.review_id == review.id)
        ).one()
        finding.ordinal = (last or 0) + 1
    finding.questions = _questions(data.questions)
    crud.add(session, finding, actor=actor)
    if data.category is not None:
        coding = coding or form.operator(actor)
        form.set_first(
            session, review, coding, TagTarget.finding, id_of(finding), data.category, FIELD
        )
    return finding


def update(
    *, session: Session, review: Review, finding: Finding, data: FindingUpdate, coding: form.Coding
) -> Finding:
    """Change a finding, refusing a stale version; ``questions`` replaces the list when sent;
    a systemic pattern sent (or null) becomes ``coding``'s."""
    changes = crud.changes(
        session,
        finding,
        data,
        lambda f: read_one(session=session, finding=f, coding=coding),
        exclude={"questions", "category"},
    )
    if data.questions is not None:
        finding.questions = _questions(data.questions)
    crud.apply_changes(finding, changes, actor=coding.coder)
    if "category" in data.model_fields_set:
        form.set_first(
            session, review, coding, TagTarget.finding, id_of(finding), data.category, FIELD
        )
    session.flush()
    return finding


def delete(*, session: Session, finding: Finding, cascade: bool) -> None:
    """Delete a finding with its questions; its evidence links block this unless ``cascade``."""
    label = f"{record_names.finding(finding.ordinal)} '{finding.title}'"
    node_service.delete(
        session=session, kind=NodeKind.finding, node=finding, label=label, cascade=cascade
    )
