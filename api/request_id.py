"""Give every request an id (the client's X-Request-ID if it is a sensible one), for the audit
trail and the logs, and send it back in the answer's X-Request-ID header."""

from __future__ import annotations

import re
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "x-request-id"
_SENSIBLE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


class RequestId:
    """ASGI middleware: ``request.state.request_id`` for the application, echoed in the answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = dict(scope.get("headers", [])).get(HEADER.encode(), b"").decode("latin-1")
        request_id = sent if _SENSIBLE.match(sent) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)
