"""Let in at most as many requests at once as the database has connections for them.

FastAPI runs each request's route and dependencies on a pool of threads (40 by default). With
more requests in progress than connections, a thread waited in the connection pool while the
requests holding the connections waited for a thread to finish on: under 64 clients on one
server the service stalled for the pool's 30 s and answered 500. Here the requests beyond
``limit`` wait their turn in the event loop, holding nothing, and one that has waited
``wait_seconds`` is answered 503 "The database is busy", having changed nothing. The files of
the workbench (outside ``prefix``) use no connection and are never held back.
"""

from __future__ import annotations

import asyncio
from weakref import WeakKeyDictionary

import anyio
from starlette.types import ASGIApp, Receive, Scope, Send

from api.errors import BUSY
from api.limits import refuse


class Admission:
    """ASGI middleware: at most ``limit`` requests under ``prefix`` in the application."""

    def __init__(self, app: ASGIApp, *, limit: int, wait_seconds: float, prefix: str) -> None:
        self.app = app
        self.limit = limit
        self.wait_seconds = wait_seconds
        self.prefix = prefix
        # One count per event loop: a server has one; a test client may run several.
        self._turns: WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.Semaphore] = (
            WeakKeyDictionary()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        turns = self._turns.get(loop)
        if turns is None:
            turns = self._turns[loop] = anyio.Semaphore(self.limit)
        admitted = False
        with anyio.move_on_after(self.wait_seconds):
            await turns.acquire()
            admitted = True
        if not admitted:
            await refuse(send, 503, BUSY)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            turns.release()
