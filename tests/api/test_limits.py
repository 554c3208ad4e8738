from __future__ import annotations

from collections.abc import Iterator

import anyio
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session
from starlette.types import Message, Receive, Scope, Send

from api.deps import get_session
from api.limits import BodyReader
from api.main import create_app
from scr.config import get_settings
from scr.vocabulary import Role
from tests.factories import bearer, make_review, make_user
from tests.responses import ok


@pytest.fixture
def small_app(monkeypatch: pytest.MonkeyPatch, session: Session) -> Iterator[FastAPI]:
    monkeypatch.setenv("SCR_MAX_BODY_BYTES", "2000")
    get_settings.cache_clear()
    app = create_app(check_migrations=False)
    app.dependency_overrides[get_session] = lambda: session
    yield app
    get_settings.cache_clear()


def test_a_body_over_the_limit_gets_413_and_changes_nothing(
    small_app: FastAPI, session: Session
) -> None:
    client = TestClient(small_app, headers=bearer(make_user(session, Role.admin)))
    review = make_review(session)
    base = f"/api/v1/reviews/{review.id}/factors"
    big = client.post(
        base, json={"description": "x" * 900, "level": "family", "detail": "y" * 3000}
    )
    assert big.status_code == 413
    assert "larger than the 2,000 bytes" in big.json()["detail"]

    def chunks() -> Iterator[bytes]:
        yield b'{"description": "x", "level": "family", "detail": "'
        yield b"z" * 2500
        yield b'"}'

    streamed = client.post(base, content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    assert ok(client.get(base))["total"] == 0
    assert client.post(base, json={"description": "fits", "level": "family"}).status_code == 201


def _receiving(messages: list[Message], then_wait: bool) -> Receive:
    """A client's channel: ``messages``, then (with ``then_wait``) nothing more, ever."""
    queue = list(messages)

    async def receive() -> Message:
        if queue:
            return queue.pop(0)
        if then_wait:
            await anyio.sleep_forever()
        return {"type": "http.disconnect"}

    return receive


def _through(reader_app: BodyReader, receive: Receive, path: str = "/x") -> list[Message]:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    scope: Scope = {"type": "http", "path": path, "method": "POST", "headers": []}
    anyio.run(reader_app, scope, receive, send)
    return sent


class _Recorder:
    """The application behind the reader: what it was given, and when it was first called."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        self.bodies.append(body)
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def _reader(inner: _Recorder, **limits: float) -> BodyReader:
    settings = {"max_bytes": 10_000, "idle_seconds": 0.05, "total_seconds": 5} | limits
    return BodyReader(inner, streamed={"/upload": 3_000_000}, **settings)  # type: ignore[arg-type]


def test_a_body_that_stops_arriving_is_408_and_never_reaches_the_application() -> None:
    inner = _Recorder()
    start = {"type": "http.request", "body": b'{"description": "x', "more_body": True}
    sent = _through(_reader(inner), _receiving([start], then_wait=True))
    assert sent[0]["status"] == 408
    assert b"arrived too slowly" in sent[1]["body"]
    assert inner.bodies == []  # no session, lock or audit entry was ever begun


def test_a_body_that_trickles_past_the_total_time_is_408() -> None:
    inner = _Recorder()

    async def trickle() -> Message:  # a byte at a time, each well within the idle limit
        await anyio.sleep(0.01)
        return {"type": "http.request", "body": b"x", "more_body": True}

    sent = _through(_reader(inner, idle_seconds=5, total_seconds=0.1), trickle)
    assert sent[0]["status"] == 408
    assert inner.bodies == []


def test_the_application_gets_the_whole_body_only_once_it_has_all_arrived() -> None:
    inner = _Recorder()
    pieces = [
        {"type": "http.request", "body": bytes([65 + i]) * 700, "more_body": True}
        for i in range(10)
    ]
    pieces.append({"type": "http.request", "body": b"", "more_body": False})
    sent = _through(_reader(inner), _receiving(pieces, then_wait=False))
    assert sent[0]["status"] == 204
    assert inner.bodies == [b"".join(p["body"] for p in pieces)]


def test_an_upload_path_has_its_own_limit_and_is_spooled_to_disk() -> None:
    inner = _Recorder()
    big = [{"type": "http.request", "body": b"y" * 1_000_000, "more_body": True}] * 2
    done = [{"type": "http.request", "body": b"z", "more_body": False}]
    sent = _through(_reader(inner), _receiving(big + done, then_wait=False), path="/upload")
    assert sent[0]["status"] == 204
    assert len(inner.bodies[0]) == 2_000_001
    over = [{"type": "http.request", "body": b"y" * 1_000_000, "more_body": True}] * 4
    sent = _through(_reader(inner), _receiving(over, then_wait=False), path="/upload")
    assert sent[0]["status"] == 413
    assert b"3,000,000 bytes" in sent[1]["body"]
    assert len(inner.bodies) == 1


def test_a_stalled_upload_is_408_before_the_service_opens_a_session(
    monkeypatch: pytest.MonkeyPatch, session: Session
) -> None:
    monkeypatch.setenv("SCR_BODY_IDLE_SECONDS", "0.05")
    get_settings.cache_clear()
    app = create_app(check_migrations=False)
    opened: list[Session] = []

    def counted() -> Iterator[Session]:
        opened.append(session)
        yield session

    app.dependency_overrides[get_session] = counted
    headers = [
        (k.lower().encode(), v.encode()) for k, v in bearer(make_user(session, Role.admin)).items()
    ]
    start = {"type": "http.request", "body": b'{"format": "scr-exchange/1"', "more_body": True}
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/imports",
        "raw_path": b"/api/v1/imports",
        "query_string": b"",
        "root_path": "",
        "headers": [*headers, (b"content-type", b"application/x-ndjson")],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def run() -> None:
        with anyio.fail_after(10):  # without the reader the route would wait for ever
            await app(scope, _receiving([start], then_wait=True), send)

    try:
        anyio.run(run)
    finally:
        get_settings.cache_clear()
    assert sent[0]["status"] == 408
    assert opened == []
