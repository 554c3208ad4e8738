"""Case reviews."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from api.deps import CascadeQuery, PagingDep, ReviewDep, SessionDep, page_of
from scr.common.schemas import Page
from scr.review import service as review_service
from scr.review.models import Review
from scr.review.schemas import ReviewCreate, ReviewFilters, ReviewRead, ReviewUpdate
from scr.review.transfer import ReviewFile, export_review, import_review

router = APIRouter(prefix="/reviews", tags=["reviews"])


@router.get("", response_model=Page[ReviewRead])
def list_(
    session: SessionDep, paging: PagingDep, filters: Annotated[ReviewFilters, Query()]
) -> Page[ReviewRead]:
    """List reviews, newest first; year is the year the review was notified."""
    result = review_service.list_(session=session, filters=filters, **paging.model_dump())
    return page_of(ReviewRead, result)


@router.post("", response_model=ReviewRead, status_code=status.HTTP_201_CREATED)
def create(session: SessionDep, data: ReviewCreate) -> Review:
    """Open a review for a board."""
    return review_service.create(session=session, data=data)


@router.post("/import", response_model=ReviewRead, status_code=status.HTTP_201_CREATED)
def import_(session: SessionDep, data: ReviewFile) -> Review:
    """Import one review from a scr-review/1 file; all of it or nothing."""
    return import_review(session=session, file=data)


@router.get("/{review_id}", response_model=ReviewRead)
def read(review: ReviewDep) -> Review:
    """Read a review."""
    return review


@router.patch("/{review_id}", response_model=ReviewRead)
def update(session: SessionDep, review: ReviewDep, data: ReviewUpdate) -> Review:
    """Change a review; send the version you read."""
    return review_service.update(session=session, review=review, data=data)


@router.delete("/{review_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete(session: SessionDep, review: ReviewDep, cascade: CascadeQuery = False) -> None:
    """Delete a review; with everything it holds only when cascade=true."""
    review_service.delete(session=session, review=review, cascade=cascade)


@router.get("/{review_id}/export", response_model=ReviewFile)
def export(session: SessionDep, review: ReviewDep) -> ReviewFile:
    """The review with everything it holds, as a scr-review/1 file."""
    return export_review(session=session, review=review)
