"""A full disk says so: 507 "The server has run out of disk space", from /health too.

The database's own refusal is met for real on SQLite (a database not allowed to grow), on any
engine by the errors each driver raises for it; a busy database still says it is busy.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from api.errors import DISK_FULL
from api.main import create_app
from scr.cli import app as cli
from scr.db import get_engine, session_scope
from scr.factor.models import ContributoryFactor
from scr.vocabulary import Role
from tests.factories import bearer, make_review, make_user

runner = CliRunner()
TRIES = 300


def _factor(n: int) -> dict[str, str]:
    return {"description": f"Factor {n}: " + "caseload against capacity " * 35, "level": "own_team"}


def _factors(review_id: int) -> int:
    with session_scope() as session:
        stmt = select(func.count()).where(ContributoryFactor.review_id == review_id)
        return int(session.exec(stmt).one())


@pytest.fixture
def no_room(
    tmp_path: Path, configured_for: Callable[[str], None]
) -> Iterator[Callable[[bool], None]]:
    """An SQLite database (whatever engine the suite runs on) that may be kept from growing."""
    path = tmp_path / "full.sqlite3"
    configured_for(f"sqlite:///{path}")
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0

    def cap(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    def full(on: bool) -> None:
        get_engine().dispose()
        if on:
            # No free pages left over (from the migrations, or the rows /health writes and
            # removes): else a write that fits in them succeeds while a larger one fails, and
            # which request meets the full disk first would depend on what ran before.
            with sqlite3.connect(path) as connection:
                connection.execute("VACUUM")
            event.listen(get_engine(), "connect", cap)
        elif event.contains(get_engine(), "connect", cap):
            event.remove(get_engine(), "connect", cap)

    yield full
    full(False)


def test_a_database_that_cannot_grow_answers_out_of_space_and_recovers(
    no_room: Callable[[bool], None],
) -> None:
    with session_scope() as session:
        review = make_review(session)
        headers = bearer(make_user(session, Role.reviewer, leads=(review,)))
        review_id = review.id
    client = TestClient(create_app(check_migrations=False), headers=headers)
    factors = f"/api/v1/reviews/{review_id}/factors"
    assert client.get("/api/v1/health").status_code == 200

    no_room(True)
    statuses = []
    for n in range(TRIES):
        answer = client.post(factors, json=_factor(n))
        statuses.append(answer.status_code)
        if answer.status_code != 201:
            break
    assert statuses[-1] == 507, statuses
    assert answer.json()["detail"] == DISK_FULL
    assert _factors(review_id) == statuses.count(201)  # the refused one left nothing
    health = client.get("/api/v1/health")
    assert (health.status_code, health.json()["detail"]) == (507, DISK_FULL)

    no_room(False)  # space freed
    assert client.get("/api/v1/health").status_code == 200
    assert client.post(factors, json=_factor(TRIES)).status_code == 201


def _full_sqlite() -> Exception:
    return OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))


def _full_postgres() -> Exception:
    return OperationalError("INSERT", {}, psycopg.errors.DiskFull("could not extend file"))


def _full_filesystem() -> Exception:
    return OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("full", [_full_sqlite, _full_postgres, _full_filesystem])
def test_every_driver_s_disk_full_is_told_apart_from_a_busy_database(
    session: Session,
    client_as: Callable[..., TestClient],
    full: Callable[[], Exception],
) -> None:
    review = make_review(session)
    client = client_as(make_user(session, Role.reviewer, leads=(review,)))
    factors = f"/api/v1/reviews/{review.id}/factors"
    before = _count(session, review.id)
    raised: list[Exception] = [full()]

    def fail(*_args: Any) -> None:
        raise raised[0]

    event.listen(session, "before_flush", fail)
    try:
        answer = client.post(factors, json=_factor(1))
        assert (answer.status_code, answer.json()["detail"]) == (507, DISK_FULL)
        health = client.get("/api/v1/health")
        assert (health.status_code, health.json()["detail"]) == (507, DISK_FULL)
        raised[0] = OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked"))
        busy = client.get("/api/v1/health")
        assert busy.status_code == 503
        assert "busy" in busy.json()["detail"]
    finally:
        event.remove(session, "before_flush", fail)
    assert _count(session, review.id) == before
    assert client.get("/api/v1/health").status_code == 200


def _count(session: Session, review_id: int | None) -> int:
    stmt = select(func.count()).where(ContributoryFactor.review_id == review_id)
    return int(session.exec(stmt).one())
