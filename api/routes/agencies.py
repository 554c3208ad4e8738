"""The agencies a chronology entry or an episode can name."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, status

from api.deps import PagingDep, PrincipalDep, SessionDep, allow, page_of
from api.routing import APIRouter
from scr.agency import service as agency_service
from scr.agency.models import Agency
from scr.agency.schemas import AgencyCreate, AgencyRead
from scr.common.schemas import Page
from scr.common.types import MAX_INT
from scr.vocabulary import Role

router = APIRouter(prefix="/agencies", tags=["agencies"])


@router.get("", response_model=Page[AgencyRead])
def list_(
    session: SessionDep,
    paging: PagingDep,
    board_id: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
) -> Page[AgencyRead]:
    """List the national agencies, and a board's own when board_id is given."""
    result = agency_service.list_(session=session, board_id=board_id, **paging.model_dump())
    return page_of(AgencyRead, result)


@router.post(
    "",
    response_model=AgencyRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[allow(Role.admin, doing="add agencies")],
)
def create(session: SessionDep, principal: PrincipalDep, data: AgencyCreate) -> Agency:
    """Add an agency to a board's own list."""
    return agency_service.create(session=session, data=data, actor=principal.name)
