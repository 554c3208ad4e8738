"""The Board's action plan across its reviews: list, respond, act, note progress.

Board members manage the responses and actions of a review once it is published (until then
the reviewers write them with the finding). These functions are the only writes a published
review allows on them: ``respond``, ``add_action``, ``update_action`` and ``add_note``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, and_, func, or_
from sqlmodel import Session, col, select

from scr.actionplan.schemas import (
    OPEN,
    ActionCreate,
    ActionFilters,
    ActionNoteCreate,
    ActionPlanItem,
    ActionUpdate,
    ResponseUpdate,
)
from scr.agency.models import Agency
from scr.board.models import Board
from scr.common import crud
from scr.common.columns import utcnow
from scr.errors import Conflict, InvalidInput, NotFound
from scr.finding.models import ActionNote, BoardAction, BoardQuestion, Finding
from scr.finding.schemas import BoardActionRead, BoardQuestionRead
from scr.review.models import Review
from scr.vocabulary import ReviewStatus

Row = tuple[BoardAction, BoardQuestion, Finding, Review, Agency | None]


def overdue_condition(today: date) -> ColumnElement[bool]:
    """A condition on BoardAction: past its due date and still planned or in progress."""
    return and_(col(BoardAction.due_date) < today, col(BoardAction.status).in_(OPEN))


def _rows(board: Board, where: ColumnElement[bool]) -> Any:
    # SQLAlchemy's select: SQLModel's types a select of at most four entities.
    return (
        sa.select(BoardAction, BoardQuestion, Finding, Review, Agency)
        .join(BoardQuestion, col(BoardQuestion.id) == col(BoardAction.question_id))
        .join(Finding, col(Finding.id) == col(BoardQuestion.finding_id))
        .join(Review, col(Review.id) == col(Finding.review_id))
        .outerjoin(Agency, col(Agency.id) == col(BoardAction.agency_id))
        .where(col(Review.board_id) == board.id, where)
    )


def _filtered(stmt: Any, filters: ActionFilters, today: date) -> Any:
    if filters.status is not None:
        stmt = stmt.where(col(BoardAction.status) == filters.status)
    if filters.overdue is not None:
        late = overdue_condition(today)
        stmt = stmt.where(
            late if filters.overdue else or_(~late, col(BoardAction.due_date).is_(None))
        )
    if filters.agency_id is not None:
        stmt = stmt.where(col(BoardAction.agency_id) == filters.agency_id)
    if filters.review_id is not None:
        stmt = stmt.where(col(Review.id) == filters.review_id)
    return stmt


def item(row: Row, today: date) -> ActionPlanItem:
    """One row of the plan as the API answers it."""
    action, question, finding, review, agency = row
    late = action.due_date is not None and action.due_date < today and action.status in OPEN
    return ActionPlanItem(
        **BoardActionRead.model_validate(action).model_dump(),
        overdue=late,
        agency_name=agency.name if agency else None,
        review_id=review.id,
        review_reference=review.reference,
        review_status=review.status,
        finding_id=finding.id,
        finding_ordinal=finding.ordinal,
        finding_title=finding.title,
        question_id=question.id,
        question_ordinal=question.ordinal,
        question=question.question,
        question_version=question.version,
        board_response=question.board_response,
        response_date=question.response_date,
    )


def list_(
    *,
    session: Session,
    board: Board,
    visible: ColumnElement[bool],
    filters: ActionFilters,
    today: date,
    limit: int,
    offset: int,
) -> tuple[list[ActionPlanItem], int]:
    """The board's actions from the reviews the caller may see (``visible``, a condition on
    Review), soonest due first (undated last), filtered."""
    stmt = _filtered(_rows(board, visible), filters, today)
    total = session.exec(select(func.count()).select_from(stmt.order_by(None).subquery())).one()
    ordered = stmt.order_by(
        col(BoardAction.due_date).is_(None),
        col(BoardAction.due_date),
        col(Review.reference),
        col(Finding.ordinal),
        col(BoardQuestion.ordinal),
        col(BoardAction.ordinal),
    )
    rows = session.execute(ordered.limit(limit).offset(offset)).all()
    return [item(r, today) for r in rows], int(total)


def _published(review: Review) -> None:
    if review.status != ReviewStatus.published:
        raise Conflict(
            f"Review {review.reference} is not published yet ({review.status.value}): until it "
            "is, its reviewers write the Board's questions and actions with the finding."
        )


def get_question(
    *, session: Session, board: Board, question_id: int
) -> tuple[BoardQuestion, Review]:
    """A question for the board from one of its reviews, with the review; else NotFound."""
    row = session.exec(
        select(BoardQuestion, Review)
        .join(Finding, col(Finding.id) == col(BoardQuestion.finding_id))
        .join(Review, col(Review.id) == col(Finding.review_id))
        .where(col(BoardQuestion.id) == question_id, col(Review.board_id) == board.id)
    ).first()
    if row is None:
        raise NotFound(f"There is no question for this board with id {question_id}.")
    return row[0], row[1]


def get_row(
    *, session: Session, board: Board, action_id: int, visible: ColumnElement[bool] | None = None
) -> Row:
    """An action of one of the board's reviews (of those ``visible``, a condition on Review),
    with what it answers; else NotFound."""
    where = col(BoardAction.id) == action_id
    if visible is not None:
        where = and_(where, visible)
    row = session.execute(_rows(board, where)).first()
    if row is None:
        raise NotFound(f"There is no action for this board with id {action_id}.")
    found: Row = row
    return found


def ensure_agency(
    session: Session, agency_id: int | None, board_id: int, field: tuple[str, ...]
) -> None:
    """Refuse an agency that does not exist or belongs to another board's list."""
    if agency_id is None:
        return
    agency = session.get(Agency, agency_id)
    if agency is None or agency.board_id not in (None, board_id):
        raise InvalidInput(f"There is no agency with id {agency_id} for this board.", field=field)


def respond(
    *,
    session: Session,
    question: BoardQuestion,
    review: Review,
    data: ResponseUpdate,
    actor: str | None,
) -> BoardQuestion:
    """Record the Board's response to a question of a published review."""
    crud.ensure_version(session, question, data.version, BoardQuestionRead.model_validate)
    _published(review)
    crud.apply_changes(
        question, data.model_dump(exclude_unset=True, exclude={"version"}), actor=actor
    )
    session.flush()
    return question


def add_action(
    *,
    session: Session,
    question: BoardQuestion,
    review: Review,
    data: ActionCreate,
    actor: str | None,
) -> BoardAction:
    """Add an action the Board agreed, after the question's others."""
    _published(review)
    ensure_agency(session, data.agency_id, review.board_id, ("body", "agency_id"))
    last = max((a.ordinal for a in question.actions), default=0)
    action = BoardAction(question_id=question.id, ordinal=last + 1, **data.model_dump())
    crud.add(session, action, actor=actor)
    session.refresh(question)
    return action


def update_action(
    *, session: Session, action: BoardAction, review: Review, data: ActionUpdate, actor: str | None
) -> BoardAction:
    """Change an action of a published review, refusing a stale version."""
    crud.ensure_version(session, action, data.version, BoardActionRead.model_validate)
    _published(review)
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    if "agency_id" in changes:
        ensure_agency(session, changes["agency_id"], review.board_id, ("body", "agency_id"))
    crud.apply_changes(action, changes, actor=actor)
    session.flush()
    return action


def add_note(
    *,
    session: Session,
    action: BoardAction,
    review: Review,
    data: ActionNoteCreate,
    actor: str | None,
) -> BoardAction:
    """Add a dated progress note to an action of a published review. A note is added, never
    edited, so it keeps the action's version: an edit of the action opened before still saves."""
    _published(review)
    action.notes.append(ActionNote(**data.model_dump(), created_by=actor))
    action.updated_at, action.updated_by = utcnow(), actor
    session.flush()
    return action
