"""How ``scr serve`` runs uvicorn: HTTP parsed in C, connections without Nagle's delay,
workers given time.

uvicorn parses HTTP/1.1 with httptools (llhttp, Node's parser, in C) where it is installed and
with h11 (pure Python) otherwise; here it is a dependency, and the protocol named, so that the
server never falls back to the parser that took about an eighth of a request's time.

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

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

WORKER_START_SECONDS = 60
"""How long a worker may take to start and answer uvicorn's health check (its default, 5 s,
is less than importing the app takes on a busy machine, and a worker that misses it is
killed and started again, for ever)."""


class NoDelayHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol on httptools, with TCP_NODELAY on each TCP connection it
    serves."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
