"""A file to download: its content type from the format, and a safe file name."""

from __future__ import annotations

import re
from typing import Literal

from fastapi.responses import Response
from sqlmodel import Session

from scr.actionplan import download as plan_download
from scr.coding import catalogue
from scr.graph import export
from scr.patterns.network import network
from scr.patterns.schemas import Cooccurrence, PatternFilters
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
    pairs: Cooccurrence,
    fmt: Literal["graphml", "gexf"],
    name: str,
) -> Response:
    """The network of co-occurring ``pairs`` of codes (codes as nodes, pairs as weighted
    edges) as a GraphML or GEXF file, named for what ``scope`` and ``filters`` cover."""
    graph = network(pairs, catalogue.get(pairs.version))
    body = export.graphml(graph) if fmt == "graphml" else export.gexf(graph)
    return download(body, fmt, f"{covered(session, scope, filters)}-{name}")
