"""Tagging a review against the typology, blind double coding, and agreement."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from pydantic import BaseModel

from api.deps import ItemId, PagingDep, ReviewDep, SessionDep, page_of
from scr.common.schemas import Page
from scr.common.types import ShortText
from scr.tag import migration as tag_migration
from scr.tag import service as tag_service
from scr.tag.models import Tag
from scr.tag.schemas import (
    AgreementRead,
    SubmitCoding,
    TagCreate,
    TagMigrationApply,
    TagMigrationPreview,
    TagRead,
)

router = APIRouter(prefix="/reviews/{review_id}", tags=["tags"])


def _tag(session: SessionDep, review: ReviewDep, tag_id: ItemId) -> Tag:
    return tag_service.get(session=session, review=review, tag_id=tag_id)


TagDep = Annotated[Tag, Depends(_tag)]
CoderQuery = Annotated[
    ShortText | None,
    Query(description="Show what this coder may see (blind coding)."),
]


class Submitted(BaseModel):
    coder: str
    tags: int


@router.get("/tags", response_model=Page[TagRead])
def list_(
    session: SessionDep, review: ReviewDep, paging: PagingDep, coder: CoderQuery = None
) -> Page[TagRead]:
    """The tags a coder may see: agreed, their own, and others' once they have submitted."""
    result = tag_service.list_(session=session, review=review, coder=coder, **paging.model_dump())
    return page_of(TagRead, result)


@router.post("/tags", response_model=TagRead, status_code=status.HTTP_201_CREATED)
def create(session: SessionDep, review: ReviewDep, data: TagCreate) -> Tag:
    """Tag the review or one of its records with a typology code."""
    return tag_service.create(session=session, review=review, data=data)


@router.delete("/tags/{tag_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, tag: TagDep) -> None:
    """Remove a tag that is not part of a submitted coding."""
    tag_service.delete(session=session, tag=tag)


@router.post("/tags/submit", response_model=Submitted)
def submit(session: SessionDep, review: ReviewDep, data: SubmitCoding) -> Submitted:
    """Close a coder's coding; the other coders' submitted tags become visible to them."""
    count = tag_service.submit(session=session, review=review, coder=data.coder)
    return Submitted(coder=data.coder, tags=count)


@router.get("/agreement", response_model=AgreementRead)
def agreement(
    session: SessionDep,
    review: ReviewDep,
    version: Annotated[str | None, Query(pattern=r"^[0-9]+\.[0-9]+$")] = None,
) -> AgreementRead:
    """Agreement between the coders who submitted: per code, overall, and the disagreements."""
    return tag_service.agreement_of(session=session, review=review, version=version)


@router.get("/tags/migration", response_model=TagMigrationPreview)
def migration_preview(
    session: SessionDep,
    review: ReviewDep,
    to_version: Annotated[str, Query(pattern=r"^[0-9]+\.[0-9]+$")],
) -> TagMigrationPreview:
    """Where each tag under an older typology version would land in ``to_version``."""
    return tag_migration.preview(session=session, review=review, to_version=to_version)


@router.post("/tags/migration", response_model=TagMigrationPreview)
def migration_apply(
    session: SessionDep, review: ReviewDep, data: TagMigrationApply
) -> TagMigrationPreview:
    """Move the tags to a later version; every split needs a choice, or nothing changes."""
    return tag_migration.apply(session=session, review=review, data=data)
