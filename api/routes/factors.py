"""A review's contributory factors."""

from __future__ import annotations

from fastapi import status

from api.deps import (
    CascadeQuery,
    FactorDep,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
)
from api.routing import APIRouter
from scr.common.schemas import Page
from scr.factor import service as factor_service
from scr.factor.schemas import FactorCreate, FactorRead, FactorUpdate
from scr.tag import form
from scr.vocabulary import FactorLevel

router = APIRouter(prefix="/reviews/{review_id}/factors", tags=["factors"])


@router.get("", response_model=Page[FactorRead])
def list_(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    paging: PagingDep,
    level: FactorLevel | None = None,
) -> Page[FactorRead]:
    """List the contributory factors, optionally of one level; each with the typology codes
    your coding gives it (the agreed ones, if you lead the review or do not code)."""
    factors, total = factor_service.list_(
        session=session, review=review, level=level, **paging.model_dump()
    )
    coding = form.coding_of(principal, review)
    return Page[FactorRead](
        items=factor_service.read(session=session, factors=factors, coding=coding), total=total
    )


@router.post("", response_model=FactorRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: FactorCreate
) -> FactorRead:
    """Add a contributory factor; its typology codes are your tags on it (the agreed ones, if
    you lead the review)."""
    coding = form.coding_of(principal, review)
    factor = factor_service.create(
        session=session, review=review, data=data, actor=principal.name, coding=coding
    )
    return factor_service.read_one(session=session, factor=factor, coding=coding)


@router.get("/{factor_id}", response_model=FactorRead)
def read(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, factor: FactorDep
) -> FactorRead:
    """Read a contributory factor, with the typology codes your coding gives it."""
    return factor_service.read_one(
        session=session, factor=factor, coding=form.coding_of(principal, review)
    )


@router.patch("/{factor_id}", response_model=FactorRead)
def update(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    factor: FactorDep,
    data: FactorUpdate,
) -> FactorRead:
    """Change a contributory factor; send the version you read. Typology codes sent become
    your tags on it: blind until you submit your coding, or, as the lead, the agreed ones."""
    coding = form.coding_of(principal, review)
    changed = factor_service.update(
        session=session, review=review, factor=factor, data=data, coding=coding
    )
    return factor_service.read_one(session=session, factor=changed, coding=coding)


@router.delete("/{factor_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, factor: FactorDep, cascade: CascadeQuery = False) -> None:
    """Delete a contributory factor; if links touch it, only with cascade=true."""
    factor_service.delete(session=session, factor=factor, cascade=cascade)
