"""A review's causal links."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, status

from api.deps import LinkDep, PagingDep, PrincipalDep, ReviewDep, SessionDep, page_of
from api.routing import APIRouter
from scr.common.schemas import Page
from scr.link import service as link_service
from scr.link.models import CausalLink
from scr.link.schemas import LinkCreate, LinkRead, LinkUpdate

router = APIRouter(prefix="/reviews/{review_id}/links", tags=["links"])

NodeQuery = Annotated[
    str | None,
    Query(
        pattern=r"^(episode|factor|finding):[1-9][0-9]{0,9}$",
        description="Only links from or to this record, e.g. factor:7.",
    ),
]


@router.get("", response_model=Page[LinkRead])
def list_(
    session: SessionDep, review: ReviewDep, paging: PagingDep, node: NodeQuery = None
) -> Page[LinkRead]:
    """List the causal links, optionally those touching one record."""
    result = link_service.list_(session=session, review=review, node=node, **paging.model_dump())
    return page_of(LinkRead, result)


@router.post("", response_model=LinkRead, status_code=status.HTTP_201_CREATED)
def create(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, data: LinkCreate
) -> CausalLink:
    """Link two records of the review with an allowed kind of link."""
    return link_service.create(session=session, review=review, data=data, actor=principal.name)


@router.get("/{link_id}", response_model=LinkRead)
def read(link: LinkDep) -> CausalLink:
    """Read a causal link."""
    return link


@router.patch("/{link_id}", response_model=LinkRead)
def update(
    session: SessionDep, principal: PrincipalDep, review: ReviewDep, link: LinkDep, data: LinkUpdate
) -> CausalLink:
    """Change a causal link; send the version you read."""
    return link_service.update(
        session=session, review=review, link=link, data=data, actor=principal.name
    )


@router.delete("/{link_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, link: LinkDep) -> None:
    """Delete a causal link."""
    link_service.delete(session=session, link=link)
