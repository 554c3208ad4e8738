"""A file to download: its content type from the format, and a safe file name."""

from __future__ import annotations

import re
from typing import Literal

from fastapi.responses import Response
from sqlmodel import Session

from scr.actionplan import download as plan_download
from scr.coding import catalogue
from scr.exchange.aggregates import ALL as EVERY_PAIR
from scr.graph import export
from scr.patterns import service as patterns
from scr.patterns.network import network
from scr.patterns.schemas import PatternFilters
from scr.patterns.selection import Scope, covered

MEDIA_TYPES = export.MEDIA_TYPES | {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": (plan_download.XLSX, "xlsx"),
}
"""For each format a download may take: the media type and the file extension."""


def download(body: str | bytes, fmt: str, name: str) -> Response:
    """``body`` as an attachment named ``name`` with the extension of ``fmt``."""
    media_type, extension = MEDIA_TYPES[fmt]
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "download"
    headers = {"Content-Disposition": f'attachment; filename="{safe}.{extension}"'}
    return Response(content=body, media_type=media_type, headers=headers)


def code_network(
    session: Session,
    filters: PatternFilters,
    scope: Scope,
    *,
    min_support: int,
    rolled_up: bool,
    fmt: Literal["graphml", "gexf"],
    name: str,
) -> Response:
    """The network of every co-occurring pair of codes ``scope`` lets the caller see (codes as
    nodes, pairs as weighted edges), as a GraphML or GEXF file named for what it covers."""
    result = patterns.cooccurrence(
        session=session,
        filters=filters,
        scope=scope,
        min_support=min_support,
        rolled_up=rolled_up,
        limit=EVERY_PAIR,
        offset=0,
    )
    graph = network(result, catalogue.get(result.version))
    body = export.graphml(graph) if fmt == "graphml" else export.gexf(graph)
    return download(body, fmt, f"{covered(session, scope, filters)}-{name}")
