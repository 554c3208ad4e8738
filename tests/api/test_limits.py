from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.deps import get_session
from api.main import create_app
from scr.config import get_settings
from scr.vocabulary import Role
from tests.factories import bearer, make_review, make_user


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
    assert client.get(base).json()["total"] == 0
    assert client.post(base, json={"description": "fits", "level": "family"}).status_code == 201
