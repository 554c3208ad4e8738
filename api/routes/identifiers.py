"""A review's known identifiers and the identifier scan: for the review's reviewers only."""

from __future__ import annotations

from fastapi import status

from api.deps import ItemId, PrincipalDep, ReviewDep, SessionDep, allow
from api.routing import APIRouter
from scr.errors import Forbidden
from scr.exchange import scanning
from scr.exchange.models import KnownIdentifier
from scr.exchange.schemas import AcceptanceCreate, IdentifierCreate, IdentifierRead, ScanRead
from scr.vocabulary import Role

router = APIRouter(prefix="/reviews/{review_id}", tags=["identifiers"])

REVIEWERS = allow(Role.reviewer, doing="see or change a review's known identifiers or scan")


@router.get("/identifiers", response_model=list[IdentifierRead], dependencies=[REVIEWERS])
def list_(session: SessionDep, review: ReviewDep) -> list[KnownIdentifier]:
    """The words that identify the child or family in this review; never exported."""
    return scanning.identifiers(session=session, review=review)


@router.post(
    "/identifiers",
    response_model=IdentifierRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[REVIEWERS],
)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: IdentifierCreate
) -> KnownIdentifier:
    """Add a known identifier: the scan then looks for it in everything the review exports."""
    return scanning.add_identifier(session=session, review=review, data=data, actor=principal.name)


@router.delete(
    "/identifiers/{identifier_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[REVIEWERS],
)
def delete(session: SessionDep, review: ReviewDep, identifier_id: ItemId) -> None:
    """Remove a known identifier from the list."""
    scanning.delete_identifier(session=session, review=review, identifier_id=identifier_id)


@router.get("/scan", response_model=ScanRead, dependencies=[REVIEWERS])
def scan(session: SessionDep, review: ReviewDep) -> ScanRead:
    """Possible identifiers in everything the review would export, each open or accepted:
    its known identifiers, NHS and National Insurance numbers, postcodes, phone numbers,
    e-mail addresses and full dates. Open hits block publication and export."""
    return scanning.scan_review(session=session, review=review)


@router.post("/scan/acceptances", response_model=ScanRead, dependencies=[REVIEWERS])
def accept(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: AcceptanceCreate
) -> ScanRead:
    """Accept one hit as not identifying, with the reason (the lead reviewer only); answers
    the scan as it now stands."""
    if review.id not in principal.leads:
        raise Forbidden("Only the review's lead reviewer can accept a scan hit.")
    return scanning.accept(session=session, review=review, data=data, actor=principal.name)
