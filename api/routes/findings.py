"""A review's findings, with their questions for the Board."""

from __future__ import annotations

from fastapi import status

from api.deps import (
    CascadeQuery,
    FindingDep,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
)
from api.routing import APIRouter
from scr.common.schemas import Page
from scr.finding import service as finding_service
from scr.finding.schemas import FindingCreate, FindingRead, FindingUpdate
from scr.tag import form

router = APIRouter(prefix="/reviews/{review_id}/findings", tags=["findings"])


@router.get("", response_model=Page[FindingRead])
def list_(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, paging: PagingDep
) -> Page[FindingRead]:
    """List the findings in order, each with the systemic pattern your coding gives it (the
    agreed one, if you lead the review or do not code)."""
    findings, total = finding_service.list_(session=session, review=review, **paging.model_dump())
    coding = form.coding_of(principal, review)
    return Page[FindingRead](
        items=finding_service.read(session=session, findings=findings, coding=coding),
        total=total,
    )


@router.post("", response_model=FindingRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: FindingCreate
) -> FindingRead:
    """Add a finding with its questions for the Board; its systemic pattern is your tag on it
    (the agreed one, if you lead the review)."""
    coding = form.coding_of(principal, review)
    finding = finding_service.create(
        session=session, review=review, data=data, actor=principal.name, coding=coding
    )
    return finding_service.read_one(session=session, finding=finding, coding=coding)


@router.get("/{finding_id}", response_model=FindingRead)
def read(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, finding: FindingDep
) -> FindingRead:
    """Read a finding, with the systemic pattern your coding gives it."""
    return finding_service.read_one(
        session=session, finding=finding, coding=form.coding_of(principal, review)
    )


@router.patch("/{finding_id}", response_model=FindingRead)
def update(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    finding: FindingDep,
    data: FindingUpdate,
) -> FindingRead:
    """Change a finding; send the version you read. Sending questions replaces the list. A
    systemic pattern sent becomes your tag on it: blind until you submit your coding, or, as
    the lead, the agreed one."""
    coding = form.coding_of(principal, review)
    changed = finding_service.update(
        session=session, review=review, finding=finding, data=data, coding=coding
    )
    return finding_service.read_one(session=session, finding=changed, coding=coding)


@router.delete("/{finding_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, finding: FindingDep, cascade: CascadeQuery = False) -> None:
    """Delete a finding and its questions; if links touch it, only with cascade=true."""
    finding_service.delete(session=session, finding=finding, cascade=cascade)
