"""The national exchange: the format's schema, the export of published learning, the
suppressed pattern tables and code network as files, and imports."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import AwareDatetime
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from api.deps import (
    AUDIT_AS,
    Audited,
    PrincipalDep,
    SessionDep,
    allow,
    audit,
    get_read_session,
)
from api.downloads import code_network, download
from api.routing import APIRouter
from scr.config import get_settings
from scr.db import take_turns
from scr.errors import InvalidInput, TooLarge
from scr.exchange import aggregates, export
from scr.exchange.document import committed_schema
from scr.exchange.instance import instance_id
from scr.exchange.schemas import ImportReport
from scr.intake import importing
from scr.patterns import service as patterns
from scr.patterns.schemas import PatternFilters
from scr.patterns.selection import covered, scope_for
from scr.vocabulary import AuditAction, Role

public_router = APIRouter(prefix="/exports", tags=["exchange"])
router = APIRouter(tags=["exchange"])

# The export streams after the route returns, so its session lives as long as the response.
StreamSessionDep = Annotated[Session, Depends(get_read_session, scope="request")]
FiltersQuery = Annotated[PatternFilters, Query()]
MinSupport = Annotated[
    int, Query(ge=1, le=100_000, description="The fewest reviews a pair or chain must occur in.")
]


class SchemaResponse(JSONResponse):
    media_type = "application/schema+json"


@public_router.get(
    "/schema",
    response_class=Response,
    responses={200: {"content": {SchemaResponse.media_type: {"schema": {"type": "object"}}}}},
)
def schema() -> SchemaResponse:
    """The JSON Schema of an ``scr-exchange/1.1`` line (kept in the repository as
    scr/exchange/scr-exchange-1.1.schema.json)."""
    return SchemaResponse(committed_schema())


@router.get(
    "/exports/national",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}}},
    dependencies=[allow(Role.admin, Role.national, doing="export national learning")],
    openapi_extra={AUDIT_AS: AuditAction.export.value},
)
def national(
    session: StreamSessionDep,
    audited: SessionDep,
    principal: PrincipalDep,
    request: Request,
    since: Annotated[
        AwareDatetime | None,
        Query(
            description="Only reviews revised after this time, with its zone, e.g. "
            "2026-01-31T00:00:00Z; pass the last manifest's next_since."
        ),
    ] = None,
) -> StreamingResponse:
    """Published reviews with no open identifier scan hit, as scr-exchange/1 NDJSON: one
    review a line, then the manifest. Streamed, so any number of reviews can be sent."""
    # Writes go through the route's own session, committed before the stream starts: on
    # SQLite a second writer would wait for the first, which waits for the stream to end.
    audit(audited, principal, request)
    lines = export.national(session, since=since, instance=instance_id(audited))
    return StreamingResponse(
        lines,
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="national-learning.ndjson"'},
    )


@router.get(
    "/exports/aggregates.csv",
    dependencies=[Audited],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
    openapi_extra={AUDIT_AS: AuditAction.export.value},
)
def aggregates_csv(
    session: SessionDep,
    principal: PrincipalDep,
    filters: FiltersQuery,
    min_support: MinSupport = 5,
) -> Response:
    """Every pattern figure (frequencies, trends, co-occurring pairs, chains) as one CSV,
    suppressed exactly as the pattern endpoints suppress it for you."""
    scope = scope_for(session, principal, filters, get_settings().suppression_threshold)
    body = aggregates.csv_text(
        aggregates.rows(session=session, filters=filters, scope=scope, min_support=min_support)
    )
    return download(body, "csv", f"{covered(session, scope, filters)}-aggregates")


@router.get(
    "/exports/network.graphml",
    dependencies=[Audited],
    response_class=Response,
    responses={200: {"content": {"application/graphml+xml": {}}}},
    openapi_extra={AUDIT_AS: AuditAction.export.value},
)
def network_graphml(
    session: SessionDep,
    principal: PrincipalDep,
    filters: FiltersQuery,
    min_support: MinSupport = 5,
) -> Response:
    """The code network: codes as nodes, co-occurrence in reviews as weighted edges, as
    GraphML for Gephi or Cytoscape (suppressed as for you)."""
    scope = scope_for(session, principal, filters, get_settings().suppression_threshold)
    result = patterns.cooccurrence(
        session=session,
        filters=filters,
        scope=scope,
        min_support=min_support,
        rolled_up=False,
        limit=aggregates.ALL,
        offset=0,
    )
    return code_network(session, filters, scope, result, "graphml", "code-network")


async def _spool(request: Request, limit: int) -> Path:
    """The request body, written to a temporary file for the importer (api.limits has read it
    whole before the route began; this limit holds if that one were ever raised)."""
    seen = 0
    with tempfile.NamedTemporaryFile(prefix="scr-import-", suffix=".ndjson", delete=False) as out:
        try:
            async for chunk in request.stream():
                seen += len(chunk)
                if seen > limit:
                    raise TooLarge(
                        f"The file is larger than the {limit:,} bytes this instance accepts; "
                        "nothing was imported."
                    )
                out.write(chunk)
        except BaseException:
            Path(out.name).unlink(missing_ok=True)
            raise
    return Path(out.name)


@router.post(
    "/imports",
    response_model=ImportReport,
    dependencies=[allow(Role.admin, doing="import national learning")],
    openapi_extra={
        AUDIT_AS: AuditAction.import_.value,
        "requestBody": {
            "required": True,
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
        },
    },
)
async def import_(request: Request, session: SessionDep, principal: PrincipalDep) -> ImportReport:
    """Import an scr-exchange/1 file (the body, as an export sent it). A file with faults
    (not JSON, another format, a line off the schema, a review twice, no manifest, a manifest
    that does not match) is refused whole with 422; otherwise each review is imported all or
    nothing, and the report says line by line what happened."""
    path = await _spool(request, get_settings().max_import_bytes)
    try:
        report = await run_in_threadpool(_import, session, path, principal.name)
    finally:
        path.unlink(missing_ok=True)
    if not report.accepted:
        raise InvalidInput(
            "The file was refused and nothing was imported: " + " ".join(report.problems[:5]),
            report=report.model_dump(mode="json"),
        )
    return report


def _import(session: Session, path: Path, actor: str) -> ImportReport:
    return importing.import_file(
        session=session,
        path=path,
        actor=actor,
        own_instance=instance_id(session),
        checkpoint=take_turns(session),
    )
