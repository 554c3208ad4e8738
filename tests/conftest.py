"""Fixtures: one migrated database per run, each test in a transaction that is rolled back.

The database is SQLite in a temporary folder unless SCR_TEST_DATABASE_URL names another
(``make test`` runs the suite a second time on a PostgreSQL it starts itself).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from api.deps import get_session
from api.main import create_app
from scr import migrate
from scr.db import make_engine


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("SCR_TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'scr.sqlite3'}"


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with engine.connect() as connection:
        transaction = connection.begin()
        session = Session(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        try:
            yield session
        finally:
            session.close()
            transaction.rollback()


@pytest.fixture
def app(session: Session) -> FastAPI:
    app = create_app(check_migrations=False)

    def _session() -> Iterator[Session]:
        # As in production: commit when the route succeeds, roll back when it fails; here
        # both act on a savepoint inside the test's transaction.
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise

    app.dependency_overrides[get_session] = _session
    return app


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)
