"""A review's findings, with their questions for the Board."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import (
    CascadeQuery,
    FindingDep,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
    page_of,
)
from scr.common.schemas import Page
from scr.finding import service as finding_service
from scr.finding.models import Finding
from scr.finding.schemas import FindingCreate, FindingRead, FindingUpdate

router = APIRouter(prefix="/reviews/{review_id}/findings", tags=["findings"])


@router.get("", response_model=Page[FindingRead])
def list_(session: SessionDep, review: ReviewDep, paging: PagingDep) -> Page[FindingRead]:
    """List the findings in order."""
    result = finding_service.list_(session=session, review=review, **paging.model_dump())
    return page_of(FindingRead, result)


@router.post("", response_model=FindingRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: FindingCreate
) -> Finding:
    """Add a finding with its questions for the Board."""
    return finding_service.create(session=session, review=review, data=data, actor=principal.name)


@router.get("/{finding_id}", response_model=FindingRead)
def read(finding: FindingDep) -> Finding:
    """Read a finding."""
    return finding


@router.patch("/{finding_id}", response_model=FindingRead)
def update(
    session: SessionDep, principal: PrincipalDep, finding: FindingDep, data: FindingUpdate
) -> Finding:
    """Change a finding; send the version you read. Sending questions replaces the list."""
    return finding_service.update(session=session, finding=finding, data=data, actor=principal.name)


@router.delete("/{finding_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, finding: FindingDep, cascade: CascadeQuery = False) -> None:
    """Delete a finding and its questions; if links touch it, only with cascade=true."""
    finding_service.delete(session=session, finding=finding, cascade=cascade)
