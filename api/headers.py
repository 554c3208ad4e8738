"""Security headers on every answer: what the browser may load, frame, sniff, refer and keep.

The workbench is a built bundle of scripts and style sheets served from this origin, so its
policy allows nothing else: no inline script, no other origin, no framing, and no inline
style but the report's own style sheet (its preview is the report's HTML in a frame). The API's
documentation (Swagger UI) gets the same except that it sets style attributes of its own, so
its page alone allows inline style (still no inline script: its start-up script is a file).
API answers are never stored by a browser or a proxy: most hold case data, and telling which
do not is not worth the risk of being wrong.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scr.report.markup import STYLE_SOURCE

WORKBENCH_POLICY = (
    f"default-src 'self'; script-src 'self'; style-src 'self' {STYLE_SOURCE}; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
ALWAYS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware adding the headers above; ``docs`` is the documentation page's path,
    ``api`` the API's prefix and ``cacheable`` the paths under it whose answers are public
    files (Swagger UI's own scripts), which may be cached."""

    def __init__(self, app: ASGIApp, *, api: str, docs: str, cacheable: str) -> None:
        self.app = app
        self.api = api
        self.docs = docs
        self.cacheable = cacheable

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        policy = DOCS_POLICY if path.startswith(self.docs) else WORKBENCH_POLICY
        no_store = _under(path, self.api) and not _under(path, self.cacheable)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["content-security-policy"] = policy
                for name, value in ALWAYS.items():
                    headers[name] = value
                if no_store:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix.rstrip("/") + "/")
