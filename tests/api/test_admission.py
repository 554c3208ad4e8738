"""More requests at once than the database has connections for: they wait their turn, and one
that waits too long is told the database is busy, having changed nothing; none answers 500.

Under 64 clients on one server the service used to stall for the connection pool's 30 s and
answer 500: a request's threads waited for connections held by requests that needed a thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import anyio
import pytest
from anyio import to_thread
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Session, func, select
from starlette.types import Message, Receive, Scope, Send
from typer.testing import CliRunner

from api.admission import Admission
from api.errors import BUSY
from api.main import create_app
from scr.cli import app as cli
from scr.config import get_settings
from scr.db import get_engine, session_scope
from scr.factor.models import ContributoryFactor
from scr.vocabulary import Role
from tests.factories import bearer, make_review, make_user

runner = CliRunner()


class _Held:
    """An application whose requests stay in it until let go, counting those inside."""

    def __init__(self) -> None:
        self.inside = 0
        self.most_inside = 0
        self.go = anyio.Event()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        await self.go.wait()
        self.inside -= 1
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def _answers(admission: Admission, held: _Held, paths: list[str]) -> list[int]:
    """Send a request to each path at once; let the held ones go once the rest are answered."""
    statuses: dict[int, int] = {}

    async def one(n: int, path: str) -> None:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        scope: Scope = {"type": "http", "path": path, "method": "GET", "headers": []}
        await admission(scope, receive, send)
        statuses[n] = sent[0]["status"]
        if sent[0]["status"] == 503:
            assert sent[1]["body"].decode().count(BUSY) == 1
            assert (b"retry-after", b"1") in sent[0]["headers"]

    async def main() -> None:
        async with anyio.create_task_group() as tasks:
            for n, path in enumerate(paths):
                tasks.start_soon(one, n, path)
            while len(statuses) < len(paths) - held.inside:
                await anyio.sleep(0.01)
            held.go.set()

    anyio.run(main)
    return [statuses[n] for n in range(len(paths))]


def test_requests_beyond_the_limit_wait_and_those_that_wait_too_long_are_told_busy() -> None:
    held = _Held()
    admission = Admission(held, limit=3, wait_seconds=0.05, prefix="/api/v1")
    statuses = _answers(admission, held, ["/api/v1/reviews"] * 5)
    assert held.most_inside == 3
    assert sorted(statuses) == [204, 204, 204, 503, 503]


def test_the_workbench_s_files_are_never_held_back() -> None:
    held = _Held()
    admission = Admission(held, limit=1, wait_seconds=0.05, prefix="/api/v1")
    statuses = _answers(admission, held, ["/api/v1/reviews", "/assets/app.js", "/index.html"])
    assert statuses == [204, 204, 204]
    assert held.most_inside == 3


@pytest.fixture
def few_connections(
    scratch_database_url: str,
    configured_for: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[None]:
    """A database with 2 connections for requests, served by 4 threads."""
    monkeypatch.setenv("SCR_DATABASE_CONNECTIONS", "2")
    monkeypatch.setenv("SCR_BUSY_WAIT_SECONDS", "30")
    configured_for(scratch_database_url)
    assert get_settings().request_connections == 2
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    yield
    get_engine().dispose()


CLIENTS = 24


def test_many_more_clients_than_connections_are_all_answered(few_connections: None) -> None:
    with session_scope() as session:
        review = make_review(session)
        headers = bearer(make_user(session, Role.reviewer, leads=(review,)))
        factors = f"/api/v1/reviews/{review.id}/factors"
    with TestClient(create_app(check_migrations=False), headers=headers) as client:
        # Fewer threads than clients, as under load: a request let in must find a thread.
        client.portal.call(_limit_threads, 4)  # type: ignore[union-attr]

        def send(n: int) -> int:
            if n % 4 == 3:
                body = {"description": f"Factor sent at once, number {n}", "level": "own_team"}
                return client.post(factors, json=body).status_code
            return client.get(factors).status_code

        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            statuses = list(pool.map(send, range(CLIENTS * 3)))
    changes = CLIENTS * 3 // 4
    assert sorted(statuses) == sorted([200] * (CLIENTS * 3 - changes) + [201] * changes)


async def _limit_threads(tokens: int) -> None:
    to_thread.current_default_thread_limiter().total_tokens = tokens


def test_no_connection_free_in_time_is_busy_and_changes_nothing(
    session: Session, client_as: Callable[..., TestClient]
) -> None:
    review = make_review(session)
    client = client_as(make_user(session, Role.reviewer, leads=(review,)))

    def none_free(*_args: object) -> None:
        raise PoolTimeout("QueuePool limit of size 2 overflow 0 reached")

    event.listen(session, "before_flush", none_free)
    try:
        answer = client.post(
            f"/api/v1/reviews/{review.id}/factors",
            json={"description": "A factor no connection was free for", "level": "own_team"},
        )
    finally:
        event.remove(session, "before_flush", none_free)
    assert (answer.status_code, answer.json()["detail"]) == (503, BUSY)
    count = select(func.count()).where(ContributoryFactor.review_id == review.id)
    assert session.exec(count).one() == 0
