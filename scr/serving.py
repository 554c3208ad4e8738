"""How ``scr serve`` runs uvicorn: connections without Nagle's delay, workers given time.

With ``--workers N`` uvicorn binds the listening socket itself before it starts the workers,
as a plain ``socket(AF_INET)`` whose protocol number is 0; asyncio sets TCP_NODELAY only on
connections accepted from a socket that says IPPROTO_TCP, so each worker's connections kept
Nagle's algorithm, which with delayed acknowledgements held every small answer on a
keep-alive connection back by about 40 ms. The protocol here sets it on every connection,
whichever way the socket was made.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol

WORKER_START_SECONDS = 60
"""How long a worker may take to start and answer uvicorn's health check (its default, 5 s,
is less than importing the app takes on a busy machine, and a worker that misses it is
killed and started again, for ever)."""


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with TCP_NODELAY on each TCP connection it serves."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
