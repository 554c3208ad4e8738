"""The audit trail, for administrators."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Query
from pydantic import BaseModel

from api.deps import Audited, PagingDep, SessionDep, allow, page_of
from api.routing import APIRouter
from scr.audit import service as audit_service
from scr.common.schemas import Page
from scr.common.types import MAX_INT, ShortText
from scr.vocabulary import AuditAction, Role

router = APIRouter(prefix="/audit", tags=["audit"])


class AuditEntryRead(BaseModel):
    model_config = {"from_attributes": True}

    id: int
    at: datetime
    actor: str
    action: AuditAction
    object_type: str
    object_id: int | None
    review_id: int | None
    request_id: str


class AuditQuery(BaseModel):
    actor: ShortText | None = Query(default=None, description="An e-mail address, or token:NAME.")
    object_type: ShortText | None = Query(default=None, description="e.g. reviews, factors, graph.")
    object_id: int | None = Query(default=None, ge=1, le=MAX_INT)
    review_id: int | None = Query(default=None, ge=1, le=MAX_INT)
    since: datetime | None = Query(default=None, description="From this moment (inclusive).")
    until: datetime | None = Query(default=None, description="Before this moment.")


@router.get(
    "",
    response_model=Page[AuditEntryRead],
    dependencies=[allow(Role.admin, doing="read the audit trail"), Audited],
)
def list_(
    session: SessionDep, paging: PagingDep, query: Annotated[AuditQuery, Query()]
) -> Page[AuditEntryRead]:
    """Who read, changed or exported what, newest first, filtered by person, object and time."""
    filters = audit_service.AuditFilters(**query.model_dump())
    result = audit_service.list_(session=session, filters=filters, **paging.model_dump())
    return page_of(AuditEntryRead, result)
