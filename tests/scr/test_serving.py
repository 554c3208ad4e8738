"""``scr serve`` turns Nagle's algorithm off on every connection, however the socket was made.

With several workers uvicorn binds a plain ``socket(AF_INET)`` (protocol number 0), on whose
connections asyncio leaves TCP_NODELAY off; each small answer on a keep-alive connection then
waits for the client's delayed acknowledgement. (benchmarks.workers measures what it costs.)
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import uvicorn
from typer.testing import CliRunner
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from scr.cli import app as cli
from scr.serving import WORKER_START_SECONDS, NoDelayHttpToolsProtocol
from tests.served import served

runner = CliRunner()


def _nodelay_of_the_connections(server: uvicorn.Server) -> list[int]:
    return [
        c.transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        for c in server.server_state.connections
    ]


@pytest.mark.parametrize(
    ("protocol", "nodelay"), [(HttpToolsProtocol, 0), (NoDelayHttpToolsProtocol, 1)]
)
def test_connections_to_a_socket_bound_as_for_several_workers_get_tcp_nodelay(
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    protocol: type[HttpToolsProtocol],
    nodelay: int,
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    with served(http=protocol) as app, httpx.Client(base_url=app.base) as client:
        client.get("/api/v1/typologies")  # any answer: the connection stays open
        assert _nodelay_of_the_connections(app.server) == [nodelay]


def test_scr_serve_runs_uvicorn_with_that_protocol_and_time_for_workers_to_start(
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configured_for(scratch_database_url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    ran: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *_a, **kwargs: ran.update(kwargs))
    result = runner.invoke(cli, ["serve", "--workers", "4"], env={"SCR_DEMO": "true"})
    assert result.exit_code == 0, result.output
    assert ran["http"] is NoDelayHttpToolsProtocol
    assert ran["workers"] == 4
    assert ran["timeout_worker_healthcheck"] == WORKER_START_SECONDS
