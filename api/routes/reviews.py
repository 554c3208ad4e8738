"""Case reviews."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request, status

from api.deps import (
    AUDIT_AS,
    CascadeQuery,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
    allow,
    audit,
)
from api.routing import APIRouter
from scr.account import access
from scr.account import commission as commission_service
from scr.account import service as account_service
from scr.common.lookup import id_of
from scr.common.schemas import Page
from scr.errors import Forbidden
from scr.review.schemas import (
    ReviewCreate,
    ReviewFilters,
    ReviewImported,
    ReviewRead,
    ReviewReopen,
    ReviewUpdate,
)
from scr.tag import form
from scr.vocabulary import AuditAction, Role
from scr.workflow import service as review_service
from scr.workflow.transfer import ReviewFile, export_review, import_review

router = APIRouter(prefix="/reviews", tags=["reviews"])


@router.get("", response_model=Page[ReviewRead])
def list_(
    session: SessionDep,
    principal: PrincipalDep,
    request: Request,
    paging: PagingDep,
    filters: Annotated[ReviewFilters, Query()],
) -> Page[ReviewRead]:
    """List the reviews you may see, newest first; year is the year the review was notified."""
    access.require_role(principal, Role.admin, Role.reviewer, Role.board, doing="list reviews")
    audit(session, principal, request)
    reviews, total = review_service.list_(
        session=session,
        filters=filters,
        visible=access.visible_reviews(principal),
        **paging.model_dump(),
    )
    items = review_service.read(
        session=session, reviews=reviews, coding=lambda r: form.coding_of(principal, r)
    )
    return Page[ReviewRead](items=items, total=total)


@router.post(
    "",
    response_model=ReviewRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[allow(Role.admin, Role.reviewer, doing="open a review")],
)
def create(session: SessionDep, principal: PrincipalDep, data: ReviewCreate) -> ReviewRead:
    """Open a review for a board (a reviewer, only for a board that has commissioned them);
    a reviewer who opens one is its lead reviewer, whose case-context codes are its agreed
    ones."""
    commission_service.ensure_may_open_for(session, principal, data.board_id)
    coding = form.Coding(coder=principal.name, agreed=True)
    review = review_service.create(session=session, data=data, actor=principal.name, coding=coding)
    if principal.role == Role.reviewer and principal.user_id is not None:
        account_service.assign_user(
            session=session, user_id=principal.user_id, review_id=id_of(review), lead=True
        )
    return review_service.read_one(session=session, review=review, coding=coding)


@router.post(
    "/import",
    response_model=ReviewImported,
    status_code=status.HTTP_201_CREATED,
    dependencies=[allow(Role.admin, doing="import reviews")],
    openapi_extra={AUDIT_AS: AuditAction.import_.value},
)
def import_(session: SessionDep, principal: PrincipalDep, data: ReviewFile) -> ReviewImported:
    """Import one review from a scr-review/1 file; all of it or nothing. It takes the file's
    status only as a change here would: one marked published is published only if it passes
    the checks and the identifier scan here, and stands at draft (or findings) otherwise,
    with held_back saying why."""
    imported = import_review(session=session, file=data, actor=principal.name)
    read = ReviewImported.model_validate(imported.review)
    return read.model_copy(update={"held_back": imported.held_back})


@router.get("/{review_id}", response_model=ReviewRead)
def read(session: SessionDep, principal: PrincipalDep, review: ReviewDep) -> ReviewRead:
    """Read a review, with the case-context codes your coding gives it."""
    return review_service.read_one(
        session=session, review=review, coding=form.coding_of(principal, review)
    )


@router.patch("/{review_id}", response_model=ReviewRead)
def update(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: ReviewUpdate
) -> ReviewRead:
    """Change a review; send the version you read. Only its lead reviewer may override
    blocking checks. Case-context codes sent become your tags on the review: blind until you
    submit your coding, or, as its lead, the agreed ones."""
    coding = form.coding_of(principal, review)
    changed = review_service.update(
        session=session,
        review=review,
        data=data,
        actor=principal.name,
        may_override=access.may_override_checks(principal, review),
        coding=coding,
    )
    return review_service.read_one(session=session, review=changed, coding=coding)


@router.post(
    "/{review_id}/reopen",
    response_model=ReviewRead,
    openapi_extra={AUDIT_AS: AuditAction.update.value},
)
def reopen(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: ReviewReopen
) -> ReviewRead:
    """Reopen a published review to change it, with the reason (its lead reviewer only): it
    moves back to draft and leaves every export until it is published again."""
    if review.id not in principal.leads:
        raise Forbidden("Only the review's lead reviewer can reopen it.")
    reopened = review_service.reopen(
        session=session, review=review, data=data, actor=principal.name
    )
    return review_service.read_one(
        session=session, review=reopened, coding=form.coding_of(principal, review)
    )


@router.delete(
    "/{review_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[allow(Role.admin, doing="delete a review")],
)
def delete(session: SessionDep, review: ReviewDep, cascade: CascadeQuery = False) -> None:
    """Delete a review; with everything it holds only when cascade=true."""
    review_service.delete(session=session, review=review, cascade=cascade)


@router.get(
    "/{review_id}/export",
    response_model=ReviewFile,
    openapi_extra={AUDIT_AS: AuditAction.export.value},
)
def export(session: SessionDep, review: ReviewDep) -> ReviewFile:
    """The review with everything it holds, as a scr-review/1 file."""
    return export_review(session=session, review=review)
