"""The app served by uvicorn in a thread on a loopback port, for tests that race real requests.

The socket is bound before the server starts (port 0: the system picks a free one), as
uvicorn binds it for several workers, so no two tests reach for the same port; the server
stops when the block ends.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn

from api.main import create_app


@dataclass
class Served:
    base: str
    server: uvicorn.Server


@contextmanager
def served(**config: Any) -> Iterator[Served]:
    """Serve the app on 127.0.0.1 for the block (``config``: more of uvicorn's settings)."""
    sock = socket.socket(socket.AF_INET)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(check_migrations=False)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, **config))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base) as probe:
            for _ in range(200):
                if server.started:
                    break
                if not thread.is_alive():
                    raise RuntimeError("the test server stopped before it answered")
                threading.Event().wait(0.05)
            probe.get("/api/v1/health").raise_for_status()
        yield Served(base, server)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
