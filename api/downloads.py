"""A file to download: its content type from the format, and a safe file name."""

from __future__ import annotations

import re

from fastapi.responses import Response

from scr.graph import export


def download(body: str, fmt: str, name: str) -> Response:
    """``body`` as an attachment named ``name`` with the extension of ``fmt``."""
    media_type, extension = export.MEDIA_TYPES[fmt]
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "download"
    headers = {"Content-Disposition": f'attachment; filename="{safe}.{extension}"'}
    return Response(content=body, media_type=media_type, headers=headers)
