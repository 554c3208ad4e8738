"""A review's causal graph: the graph itself, what it says, and what is still missing."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import Query
from fastapi.responses import Response

from api.deps import AUDIT_FILE_AS, ReviewDep, SessionDep
from api.downloads import download
from api.routing import APIRouter
from scr.graph import export
from scr.graph import service as graph_service
from scr.graph.schemas import AnalysisRead, ChecksRead
from scr.vocabulary import AuditAction

router = APIRouter(prefix="/reviews/{review_id}", tags=["graph"])

GraphFormat = Literal["json", "graphml", "gexf", "cytoscape"]


@router.get(
    "/graph",
    response_class=Response,
    responses={200: {"content": {m: {} for m, _ in export.MEDIA_TYPES.values()}}},
    # A file for use in other tools is audited as an export of case data; the JSON the
    # workbench draws from is a read.
    openapi_extra={AUDIT_FILE_AS: AuditAction.export.value},
)
def graph(
    session: SessionDep,
    review: ReviewDep,
    format: Annotated[
        GraphFormat, Query(description="json (node-link), graphml, gexf or cytoscape")
    ] = "json",
) -> Response:
    """The causal graph as node-link JSON, or as a GraphML, GEXF or Cytoscape.js file."""
    g = graph_service.review_graph(session=session, review=review)
    if format == "graphml":
        body = export.graphml(g)
    elif format == "gexf":
        body = export.gexf(g)
    elif format == "cytoscape":
        body = json.dumps(export.cytoscape(g))
    else:
        body = json.dumps(export.node_link(g))
    return download(body, format, review.reference)


@router.get("/analysis", response_model=AnalysisRead)
def analysis(
    session: SessionDep,
    review: ReviewDep,
    loop_limit: Annotated[int, Query(ge=1, le=200, description="Most feedback loops listed.")] = 20,
    episodes: Annotated[
        bool, Query(description="List the episodes each factor reaches, not only how many.")
    ] = False,
) -> Response:
    """Root factors, each factor's reach and centrality, feedback loops, components, chains."""
    result = graph_service.analyse(
        session=session, review=review, loop_limit=loop_limit, episodes=episodes
    )
    # Already validated: serialise once rather than have FastAPI dump and re-validate a
    # large answer (every factor's reach) on the way out.
    return Response(content=result.model_dump_json(), media_type="application/json")


@router.get("/checks", response_model=ChecksRead)
def checks(session: SessionDep, review: ReviewDep) -> ChecksRead:
    """The completeness checks that fail, blocking first."""
    return graph_service.check(session=session, review=review)
