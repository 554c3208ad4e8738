"""A board's action plan across its reviews: the Board's responses and actions.

Board members (and administrators) manage them once a review is published; the reviewers of
a review read them here and on its findings; a national analyst never sees them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query, Request, status
from fastapi.responses import Response

from api.deps import (
    AUDIT_FILE_AS,
    BoardDep,
    ItemId,
    PagingDep,
    PrincipalDep,
    SessionDep,
    audit,
)
from api.downloads import download
from api.routing import APIRouter
from scr.account import access
from scr.account.access import Principal
from scr.actionplan import download as plan_download
from scr.actionplan import service as plan_service
from scr.actionplan.schemas import (
    ActionCreate,
    ActionFilters,
    ActionNoteCreate,
    ActionPlanItem,
    ActionUpdate,
    ResponseUpdate,
)
from scr.common.schemas import Page
from scr.common.types import MAX_INT
from scr.finding.models import BoardQuestion
from scr.finding.schemas import BoardQuestionRead
from scr.review.models import Review
from scr.vocabulary import AuditAction, Role

router = APIRouter(prefix="/boards/{board_id}", tags=["actions"])
FiltersQuery = Annotated[ActionFilters, Query()]


def _reader(session: SessionDep, principal: PrincipalDep, request: Request) -> Principal:
    access.require_role(
        principal, Role.admin, Role.board, Role.reviewer, doing="read a board's action plan"
    )
    audit(session, principal, request)
    return principal


def _manager(principal: PrincipalDep) -> Principal:
    access.require_role(
        principal, Role.admin, Role.board, doing="manage the Board's responses and actions"
    )
    return principal


Reader = Annotated[Principal, Depends(_reader)]
Manager = Annotated[Principal, Depends(_manager)]


def _row(
    session: SessionDep, principal: Manager, request: Request, board: BoardDep, action_id: ItemId
) -> plan_service.Row:
    row = plan_service.get_row(session=session, board=board, action_id=action_id)
    audit(session, principal, request, review_id=row[3].id)
    return row


def _question(
    session: SessionDep,
    principal: Manager,
    request: Request,
    board: BoardDep,
    question_id: ItemId,
) -> tuple[BoardQuestion, Review]:
    found = plan_service.get_question(session=session, board=board, question_id=question_id)
    audit(session, principal, request, review_id=found[1].id)
    return found


RowDep = Annotated[plan_service.Row, Depends(_row)]
QuestionDep = Annotated[tuple[BoardQuestion, Review], Depends(_question)]


@router.get(
    "/actions",
    response_model=Page[ActionPlanItem],
    responses={200: {"content": {"text/csv": {}, plan_download.XLSX: {}}}},
    openapi_extra={AUDIT_FILE_AS: AuditAction.export},
)
def list_(
    session: SessionDep,
    principal: Reader,
    board: BoardDep,
    filters: FiltersQuery,
    paging: PagingDep,
    format: Annotated[
        Literal["json", "csv", "xlsx"],
        Query(description="json, or every matching action as a file for the Board meeting."),
    ] = "json",
) -> Page[ActionPlanItem] | Response:
    """Every action from the board's reviews you may see, soonest due first, filtered by
    status, overdue, agency and review. The page applies to JSON; a file holds them all."""
    page = paging.model_dump() if format == "json" else {"limit": MAX_INT, "offset": 0}
    items, total = plan_service.list_(
        session=session,
        board=board,
        visible=access.visible_reviews(principal),
        filters=filters,
        today=date.today(),
        **page,
    )
    if format == "json":
        return Page[ActionPlanItem](items=items, total=total)
    name = f"{board.code}-action-plan"
    if format == "csv":
        return download(plan_download.as_csv(items), "csv", name)
    return download(plan_download.as_xlsx(items, f"{board.name}: action plan"), "xlsx", name)


@router.get("/actions/{action_id}", response_model=ActionPlanItem)
def read(
    session: SessionDep, principal: Reader, board: BoardDep, action_id: ItemId
) -> ActionPlanItem:
    """Read one action with its progress notes and what it answers."""
    row = plan_service.get_row(
        session=session, board=board, action_id=action_id, visible=access.visible_reviews(principal)
    )
    return plan_service.item(row, date.today())


@router.patch("/actions/{action_id}", response_model=ActionPlanItem)
def update(
    session: SessionDep, principal: Manager, row: RowDep, data: ActionUpdate
) -> ActionPlanItem:
    """Change an action of a published review: status, owner, due date, evidence of impact.
    Send the version you read."""
    plan_service.update_action(
        session=session, action=row[0], review=row[3], data=data, actor=principal.name
    )
    return plan_service.item(row, date.today())


@router.post(
    "/actions/{action_id}/notes", response_model=ActionPlanItem, status_code=status.HTTP_201_CREATED
)
def add_note(
    session: SessionDep, principal: Manager, row: RowDep, data: ActionNoteCreate
) -> ActionPlanItem:
    """Add a dated progress note to an action of a published review."""
    plan_service.add_note(
        session=session, action=row[0], review=row[3], data=data, actor=principal.name
    )
    return plan_service.item(row, date.today())


@router.post(
    "/questions/{question_id}/actions",
    response_model=ActionPlanItem,
    status_code=status.HTTP_201_CREATED,
)
def add_action(
    session: SessionDep,
    principal: Manager,
    board: BoardDep,
    found: QuestionDep,
    data: ActionCreate,
) -> ActionPlanItem:
    """Add an action the Board agreed in answer to a question of a published review."""
    question, review = found
    action = plan_service.add_action(
        session=session, question=question, review=review, data=data, actor=principal.name
    )
    assert action.id is not None
    row = plan_service.get_row(session=session, board=board, action_id=action.id)
    return plan_service.item(row, date.today())


@router.patch("/questions/{question_id}", response_model=BoardQuestionRead)
def respond(
    session: SessionDep, principal: Manager, found: QuestionDep, data: ResponseUpdate
) -> BoardQuestion:
    """Record the Board's response to a question of a published review; send its version."""
    question, review = found
    return plan_service.respond(
        session=session, question=question, review=review, data=data, actor=principal.name
    )
