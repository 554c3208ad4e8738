"""The FastAPI application: REST under /api/v1, and the workbench at /."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

import scr.models  # noqa: F401  (every table registered, and every record kind with it)
from api import docs, errors
from api.admission import Admission
from api.deps import API_PREFIX, current_principal, valid_path
from api.headers import SecurityHeaders
from api.limits import BodyReader
from api.request_id import RequestId
from api.routes import (
    actions,
    agencies,
    audit,
    auth,
    boards,
    chronology,
    episodes,
    exchange,
    factors,
    findings,
    graph,
    health,
    identifiers,
    links,
    participants,
    patterns,
    recurrence,
    report,
    reviews,
    search,
    tags,
    team,
    typologies,
)
from api.routing import APIRouter
from api.workbench import WorkbenchFiles, WorkbenchMount
from scr import collector, planner
from scr.audit.sealer import seal_all
from scr.config import audit_key, get_settings, signing_secret
from scr.db import get_engine
from scr.migrate import ensure_current
from scr.patterns.index import store as pattern_index

FRONTEND_DIST = Path(__file__).resolve().parent.parent / "frontend" / "dist"

log = logging.getLogger(__name__)

_PLAIN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SCR Workbench</title></head>
<body><main><h1>SCR Workbench</h1>
<p>Record Learning Together case reviews: chronology, key practice episodes, contributory
factors, causal links, findings and questions for the Board; pool the learning nationally.</p>
<p>The browser workbench has not been built here (run <code>make run</code>).
Use the <a href="/api/v1/docs">API documentation</a> or the
<a href="/api/v1/openapi.json">OpenAPI document</a>.</p></main></body></html>"""


def _operation_id(route: APIRoute) -> str:
    tag = route.tags[0] if route.tags else "app"
    return f"{tag}-{route.name.rstrip('_')}"


def _refresh_statistics(engine: Engine) -> None:
    """Refresh SQLite's planner statistics where tables have changed; a failure (the database
    busy for longer than the timeout, say) is logged, and the next refresh tries again."""
    try:
        analyzed = planner.refresh(engine)
    except SQLAlchemyError:
        log.exception("Could not refresh the planner's statistics; trying again later.")
        return
    if analyzed:
        log.info("Refreshed the planner's statistics of %s.", ", ".join(analyzed))


async def _seal_audit_every(engine: Engine, seconds: float, key: bytes) -> None:
    while True:
        await anyio.sleep(seconds)
        try:
            await anyio.to_thread.run_sync(lambda: seal_all(key=key, engine=engine))
        except Exception:  # a busy or full database: the next round seals what this did not
            log.exception("Sealing the audit trail failed; trying again shortly.")


async def _refresh_statistics_every(engine: Engine, minutes: int) -> None:
    while True:
        await anyio.sleep(minutes * 60)
        await anyio.to_thread.run_sync(_refresh_statistics, engine)


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    settings = get_settings()
    signing_secret(settings)  # refuses to start without a proper secret
    engine = get_engine()
    ensure_current(engine)
    _refresh_statistics(engine)
    with collector.settled():
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(_refresh_statistics_every, engine, settings.statistics_minutes)
            tasks.start_soon(
                _seal_audit_every, engine, settings.audit_seal_seconds, audit_key(settings)
            )
            yield
            tasks.cancel_scope.cancel()


def create_app(*, check_migrations: bool = True) -> FastAPI:
    """Build the application; ``check_migrations`` refuses a database behind the migrations."""
    app = FastAPI(
        title="SCR Workbench",
        summary="Record systems-methodology case reviews and pool their learning.",
        version="0.1.0",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=_operation_id,
        lifespan=_lifespan if check_migrations else None,
    )
    errors.install(app)
    pattern_index.one_blas_thread()
    settings = get_settings()
    app.add_middleware(  # innermost: a request waiting its turn has its body read already
        Admission,
        limit=settings.request_connections,
        wait_seconds=settings.busy_wait_seconds,
        prefix=API_PREFIX,
    )
    app.add_middleware(
        BodyReader,
        max_bytes=settings.max_body_bytes,
        idle_seconds=settings.body_idle_seconds,
        total_seconds=settings.body_read_seconds,
        streamed={f"{API_PREFIX}/imports": settings.max_import_bytes},
    )
    app.add_middleware(RequestId)
    app.add_middleware(
        SecurityHeaders,
        api=API_PREFIX,
        docs=f"{API_PREFIX}/docs",
        cacheable=f"{API_PREFIX}/docs-assets",
    )
    api = APIRouter(
        prefix=API_PREFIX, responses=errors.ERROR_RESPONSES, dependencies=[Depends(valid_path)]
    )
    # Open to anyone: the health check, and signing in (whose routes say who else may call).
    api.include_router(health.router)
    api.include_router(auth.router)
    api.include_router(exchange.public_router)
    signed_in = [Depends(current_principal)]
    for module in (
        boards,
        actions,
        agencies,
        reviews,
        participants,
        team,
        chronology,
        episodes,
        factors,
        links,
        findings,
        recurrence,
        graph,
        tags,
        typologies,
        patterns,
        identifiers,
        report,
        search,
        exchange,
        audit,
    ):
        api.include_router(module.router, dependencies=signed_in)
    app.include_router(api)
    docs.install(app, prefix=API_PREFIX)

    workbench = settings.frontend_dist or FRONTEND_DIST
    if (workbench / "index.html").is_file():
        app.router.routes.append(WorkbenchMount(WorkbenchFiles(workbench), api=API_PREFIX))
    else:

        @app.get("/", include_in_schema=False, response_class=HTMLResponse)
        def plain_page() -> str:
            return _PLAIN_PAGE

    return app
