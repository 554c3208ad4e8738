"""A file to download: its content type from the format, and a safe file name."""

from __future__ import annotations

import re

from fastapi.responses import Response

from scr.actionplan import download as plan_download
from scr.graph import export

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
