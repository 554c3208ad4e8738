"""Fixtures: one migrated database per run, each test in a transaction that is rolled back.

The database is SQLite in a temporary folder unless SCR_TEST_DATABASE_URL names another
(``make test`` runs the suite a second time on a PostgreSQL it starts itself).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlmodel import Session

from api.deps import get_read_session, get_session, pending_audit, refusal
from api.main import create_app
from scr import migrate
from scr.account.models import User
from scr.config import get_settings
from scr.db import get_engine, make_engine
from scr.vocabulary import Role
from tests.factories import bearer, make_user
from tests.typology.second_version import write_second_version

TEST_SECRET = "a-test-secret-that-is-long-enough-to-sign-with-1234"


@pytest.fixture(scope="session", autouse=True)
def signing_key() -> Iterator[str]:
    """Every test process signs access tokens with one key (the server refuses none)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCR_SECRET_KEY", TEST_SECRET)
        get_settings.cache_clear()
        yield TEST_SECRET
    get_settings.cache_clear()


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


@pytest.fixture(scope="session")
def _app() -> FastAPI:
    return create_app(check_migrations=False)


@pytest.fixture
def app(_app: FastAPI, session: Session) -> Iterator[FastAPI]:
    """The application (built once), its requests using the test's session."""

    def _session(request: Request) -> Iterator[Session]:
        # As in production: commit when the route succeeds, roll back when it fails; here
        # both act on a savepoint inside the test's transaction.
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            pending_audit(session)
            refused = refusal(request, exc)
            if refused is not None:
                session.add(refused)
                session.commit()
            raise
        # A read's entries are written after it, as get_session writes them.
        session.add_all(pending_audit(session))
        session.commit()

    _app.dependency_overrides[get_session] = _session
    _app.dependency_overrides[get_read_session] = _session
    yield _app
    _app.dependency_overrides.clear()


@pytest.fixture
def client_as(app: FastAPI) -> Callable[[User], TestClient]:
    """A client signed in as ``user`` (see tests.factories.make_user)."""

    def signed_in(user: User) -> TestClient:
        return TestClient(app, headers=bearer(user))

    return signed_in


@pytest.fixture
def client(session: Session, client_as: Callable[[User], TestClient]) -> TestClient:
    """A client signed in as an administrator, who may do everything."""
    return client_as(make_user(session, Role.admin))


@pytest.fixture
def anonymous(app: FastAPI) -> TestClient:
    """A client that has not signed in."""
    return TestClient(app)


@contextmanager
def _scratch_database(database_url: str, folder: Path, name: str) -> Iterator[str]:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{folder / name}.sqlite3"
        return
    database = f"scr_{name}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{database}"')
    try:
        yield url.set(database=database).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE "{database}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def scratch_database_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of the same engine, for tests that migrate or commit for real."""
    with _scratch_database(database_url, tmp_path, "scratch") as url:
        yield url


@pytest.fixture
def second_scratch_database_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """Another empty database of the same engine (a second instance, say)."""
    with _scratch_database(database_url, tmp_path, "second") as url:
        yield url


@pytest.fixture
def configured_for(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Point the process's settings (as the CLI reads them) at a database URL."""

    def configure(url: str) -> None:
        monkeypatch.setenv("SCR_DATABASE_URL", url)
        _reset()

    def _reset() -> None:
        if get_engine.cache_info().currsize:
            get_engine().dispose()
        get_engine.cache_clear()
        get_settings.cache_clear()

    yield configure
    monkeypatch.delenv("SCR_DATABASE_URL", raising=False)
    _reset()


@pytest.fixture
def second_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped typology plus a version 1.1 that splits, merges and renames codes."""
    folder = write_second_version(tmp_path)
    monkeypatch.setenv("SCR_TYPOLOGY_DIR", str(folder))
    get_settings.cache_clear()
    yield folder
    monkeypatch.delenv("SCR_TYPOLOGY_DIR")
    get_settings.cache_clear()
