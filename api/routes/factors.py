"""A review's contributory factors."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import (
    CascadeQuery,
    FactorDep,
    PagingDep,
    PrincipalDep,
    ReviewDep,
    SessionDep,
)
from scr.common.schemas import Page
from scr.factor import service as factor_service
from scr.factor.schemas import FactorCreate, FactorRead, FactorUpdate
from scr.vocabulary import FactorLevel

router = APIRouter(prefix="/reviews/{review_id}/factors", tags=["factors"])


@router.get("", response_model=Page[FactorRead])
def list_(
    session: SessionDep, review: ReviewDep, paging: PagingDep, level: FactorLevel | None = None
) -> Page[FactorRead]:
    """List the contributory factors, optionally of one level."""
    factors, total = factor_service.list_(
        session=session, review=review, level=level, **paging.model_dump()
    )
    return Page[FactorRead](
        items=factor_service.read(session=session, factors=factors), total=total
    )


@router.post("", response_model=FactorRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: FactorCreate
) -> FactorRead:
    """Add a contributory factor."""
    factor = factor_service.create(session=session, review=review, data=data, actor=principal.name)
    return factor_service.read_one(session=session, factor=factor)


@router.get("/{factor_id}", response_model=FactorRead)
def read(session: SessionDep, factor: FactorDep) -> FactorRead:
    """Read a contributory factor."""
    return factor_service.read_one(session=session, factor=factor)


@router.patch("/{factor_id}", response_model=FactorRead)
def update(
    session: SessionDep, principal: PrincipalDep, factor: FactorDep, data: FactorUpdate
) -> FactorRead:
    """Change a contributory factor; send the version you read."""
    changed = factor_service.update(session=session, factor=factor, data=data, actor=principal.name)
    return factor_service.read_one(session=session, factor=changed)


@router.delete("/{factor_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, factor: FactorDep, cascade: CascadeQuery = False) -> None:
    """Delete a contributory factor; if links touch it, only with cascade=true."""
    factor_service.delete(session=session, factor=factor, cascade=cascade)
