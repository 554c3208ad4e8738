"""The API's documentation page: Swagger UI from the installed package, started by a script
file rather than an inline script, so the page keeps a policy without 'unsafe-inline' scripts
(api.headers)."""

from __future__ import annotations

import json
from pathlib import Path

import swagger_ui
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

# Swagger UI's files come from an installed package: the docs work with no internet access.
SWAGGER_UI_FILES = Path(swagger_ui.__file__).resolve().parent / "static"


def install(app: FastAPI, *, prefix: str) -> None:
    """Serve the page at ``{prefix}/docs``, its start-up script and Swagger UI's files."""
    assets = f"{prefix}/docs-assets"
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SCR Workbench API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" href="{assets}/favicon-32x32.png">
</head><body><div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{prefix}/docs/start.js"></script>
</body></html>"""
    options = {"url": f"{prefix}/openapi.json", "dom_id": "#swagger-ui", "deepLinking": True}
    start = (
        f"window.ui = SwaggerUIBundle(Object.assign({json.dumps(options)}, "
        "{presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset], "
        'layout: "BaseLayout"}));\n'
    )
    router = APIRouter(prefix=prefix, include_in_schema=False)

    @router.get("/docs")
    def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @router.get("/docs/start.js")
    def docs_start() -> Response:
        return Response(start, media_type="text/javascript")

    app.include_router(router)
    app.mount(assets, StaticFiles(directory=SWAGGER_UI_FILES), name="docs-assets")
