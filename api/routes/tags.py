"""Tagging a review against the typology, blind double coding, and agreement."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, status
from pydantic import BaseModel, Field
from sqlmodel import Session

from api.deps import ItemId, PagingDep, PrincipalDep, ReviewDep, SessionDep, page_of
from api.routing import APIRouter
from scr.account import access
from scr.account.access import Principal
from scr.common.schemas import Page
from scr.errors import Forbidden, NotFound
from scr.review.models import Review
from scr.tag import migration as tag_migration
from scr.tag import service as tag_service
from scr.tag.models import Tag
from scr.tag.schemas import (
    AdjudicationCreate,
    AgreementRead,
    TagCreate,
    TagMigrationApply,
    TagMigrationPreview,
    TagRead,
)
from scr.vocabulary import Role

router = APIRouter(prefix="/reviews/{review_id}", tags=["tags"])


def _blind(session: Session, principal: Principal, review: Review) -> None:
    """Refuse a coder who still codes blind what shows the other coders' tags; the lead may
    open it on purpose (giving up coding blind)."""
    if tag_service.is_blind(session, review, principal) and not access.may_override_checks(
        principal, review
    ):
        raise Forbidden(
            "Submit your own coding of this review first: you code blind, and this shows the "
            "other coders' tags."
        )


def _own_tag(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, tag_id: ItemId
) -> Tag:
    tag = tag_service.get(session=session, review=review, tag_id=tag_id)
    if principal.role != Role.admin and tag.coder != principal.name:
        raise NotFound(f"There is no tag {tag_id} of yours on this review.")
    return tag


OwnTagDep = Annotated[Tag, Depends(_own_tag)]


class Submitted(BaseModel):
    coder: str = Field(description="Who submitted their coding (their user name).")
    tags: int = Field(description="How many of their tags were submitted.")


@router.get("/tags", response_model=Page[TagRead])
def list_(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, paging: PagingDep
) -> Page[TagRead]:
    """The tags you may see: while you code blind, only your own (no agreed tags either);
    once you have submitted your coding (or, as the lead, recorded agreed tags or decided a
    disagreement), the agreed ones and the other coders' submitted ones too. Board members
    see the agreed and submitted ones."""
    result = tag_service.list_(
        session=session,
        review=review,
        principal=principal,
        **paging.model_dump(),
    )
    return page_of(TagRead, result)


@router.post("/tags", response_model=TagRead, status_code=status.HTTP_201_CREATED)
def create(session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: TagCreate) -> Tag:
    """Tag the review or one of its records with a typology code, as yourself."""
    if data.agreed and not access.may_override_checks(principal, review):
        raise Forbidden("Only the review's lead reviewer records the agreed tags.")
    return tag_service.create(session=session, review=review, data=data, coder=principal.name)


@router.delete("/tags/{tag_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, tag: OwnTagDep) -> None:
    """Remove a tag that is not part of a submitted coding."""
    tag_service.delete(session=session, tag=tag)


@router.post("/tags/submit", response_model=Submitted)
def submit(session: SessionDep, principal: PrincipalDep, review: ReviewDep) -> Submitted:
    """Close your coding of the review; the other coders' submitted tags become visible."""
    count = tag_service.submit(session=session, review=review, coder=principal.name)
    return Submitted(coder=principal.name, tags=count)


@router.get("/agreement", response_model=AgreementRead)
def agreement(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    version: Annotated[str | None, Query(pattern=r"^[0-9]+\.[0-9]+$")] = None,
) -> AgreementRead:
    """Agreement between the coders who submitted: per code, overall, and the disagreements.
    A reviewer codes blind: until they have submitted their own coding they may not read it
    (it names the others' tags), unless they lead the review."""
    _blind(session, principal, review)
    return tag_service.agreement_of(session=session, review=review, version=version)


@router.post("/agreement/adjudications", response_model=AgreementRead)
def adjudicate(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: AdjudicationCreate
) -> AgreementRead:
    """Decide one listed disagreement as the review's lead reviewer: agreed (the code becomes
    the review's agreed tag on the record, which patterns count) or rejected, with a reason.
    Answers the agreement as it now stands."""
    if not access.may_override_checks(principal, review):
        raise Forbidden("Only the review's lead reviewer adjudicates disagreements.")
    return tag_service.adjudicate(session=session, review=review, data=data, lead=principal.name)


@router.get("/tags/migration", response_model=TagMigrationPreview)
def migration_preview(
    session: SessionDep,
    principal: PrincipalDep,
    review: ReviewDep,
    to_version: Annotated[str, Query(pattern=r"^[0-9]+\.[0-9]+$")],
) -> TagMigrationPreview:
    """Where each tag under an older typology version would land in ``to_version``. It lists
    every coder's tags, so a coder who codes blind may not read it, unless they lead."""
    _blind(session, principal, review)
    return tag_migration.preview(session=session, review=review, to_version=to_version)


@router.post("/tags/migration", response_model=TagMigrationPreview)
def migration_apply(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: TagMigrationApply
) -> TagMigrationPreview:
    """Move the tags to a later version; every split needs a choice, or nothing changes.
    Like the preview, closed to a coder who codes blind, unless they lead."""
    _blind(session, principal, review)
    return tag_migration.apply(session=session, review=review, data=data)
