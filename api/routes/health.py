"""Liveness and database readiness."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy import text

from api.deps import SessionDep
from api.routing import APIRouter
from scr.config import get_settings
from scr.health import service as health_service

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    database: str
    demo: bool = Field(description="A demonstration instance: fictional data, demo accounts.")


@router.get("/health", response_model=Health)
def health(session: SessionDep) -> Health:
    """Say whether the service and its database answer."""
    session.execute(text("SELECT 1"))
    # And that it can still write: a database that cannot (a full disk) answers 507 saying
    # so, as every other request then does.
    health_service.probe_writing(session=session)
    return Health(status="ok", database=session.get_bind().dialect.name, demo=get_settings().demo)
