"""Read every request body whole, within a size limit and a time limit, before the application
sees the request: no session, lock or audit entry begins while a body is still arriving.

Without this, an upload held its database session (and on SQLite the write lock) for as long
as the client took to send it, so one slow upload made everyone else's requests wait or fail.
The body is kept in memory up to ``MEMORY_BYTES`` and on disk beyond (an exchange file may be
gigabytes), then handed to the application as if it were arriving.
"""

from __future__ import annotations

import json
import logging
import tempfile
from typing import IO

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scr.db import is_disk_full

log = logging.getLogger(__name__)

MEMORY_BYTES = 1_000_000
CHUNK_BYTES = 64 * 1024


class _Refused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        self.status = status
        self.detail = detail


class BodyReader:
    """ASGI middleware: 413 for a body larger than its path's limit (``max_bytes``, or the
    larger one in ``streamed`` for an upload path), 408 for one that stops arriving for
    ``idle_seconds`` or takes longer than ``total_seconds`` in all."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        idle_seconds: float,
        total_seconds: float,
        streamed: dict[str, int] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.idle_seconds = idle_seconds
        self.total_seconds = total_seconds
        self.streamed = streamed or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.streamed.get(scope.get("path", ""), self.max_bytes)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        spool = tempfile.SpooledTemporaryFile(max_size=MEMORY_BYTES, prefix="scr-body-")  # noqa: SIM115
        try:
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise _Refused(413, _too_large(limit))
            if not await self._read(receive, spool, limit):
                return  # the client went away before sending its body
            spool.seek(0)
            await self.app(scope, _replay(spool, receive), send)
        except _Refused as refused:
            await refuse(send, refused.status, refused.detail)
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            log.error("out of disk space while receiving a request body: %s", exc)
            await refuse(send, 507, _NO_SPACE)
        finally:
            spool.close()

    async def _read(self, receive: Receive, spool: IO[bytes], limit: int) -> bool:
        seen = 0
        more = True
        deadline = anyio.current_time() + self.total_seconds
        while more:
            wait = min(self.idle_seconds, deadline - anyio.current_time())
            message: Message | None = None
            with anyio.move_on_after(max(wait, 0)):
                message = await receive()
            if message is None:
                raise _Refused(408, _TOO_SLOW)
            if message["type"] != "http.request":
                return False
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > limit:
                raise _Refused(413, _too_large(limit))
            spool.write(chunk)
            more = bool(message.get("more_body", False))
        return True


def _too_large(limit: int) -> str:
    return f"The request body is larger than the {limit:,} bytes this service accepts."


_TOO_SLOW = (
    "The request body arrived too slowly, so the service stopped waiting for it; nothing "
    "was saved. Try again on a faster connection, or send a smaller file."
)
_NO_SPACE = (
    "The server has run out of disk space, so it could not receive the request; nothing "
    "was saved. Ask the administrator to free space on the server."
)


async def refuse(send: Send, status: int, detail: str) -> None:
    """Answer ``status`` with ``detail`` in the service's error body, from a middleware."""
    body = json.dumps({"detail": detail, "errors": []}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if status == 408:
        headers.append((b"connection", b"close"))
    if status == 503:
        headers.append((b"retry-after", b"1"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _replay(spool: IO[bytes], receive: Receive) -> Receive:
    """A ``receive`` that hands over the body read already, then the real channel."""
    done = False

    async def replayed() -> Message:
        nonlocal done
        if done:
            return await receive()
        chunk = spool.read(CHUNK_BYTES)
        more = len(chunk) == CHUNK_BYTES
        done = not more
        return {"type": "http.request", "body": chunk, "more_body": more}

    return replayed
