"""Engine and sessions. Nothing connects at import time; the schema belongs to Alembic."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from scr import writers
from scr.common.columns import metadata
from scr.config import Settings, get_settings

__all__ = [
    "get_engine",
    "is_disk_full",
    "make_engine",
    "metadata",
    "session_scope",
    "take_turns",
]

_WRITER = "scr_writer"
"""An execution option: on SQLite, the transaction takes the write lock as it begins."""


_SQLITE_FULL = 13
_POSTGRES_DISK_FULL = "53100"


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (a database error, or the driver's error it wraps) says the disk is full:
    SQLite's SQLITE_FULL, PostgreSQL's disk_full, or the system's ENOSPC."""
    cause = getattr(exc, "orig", None) or exc
    if isinstance(cause, sqlite3.Error):
        code = getattr(cause, "sqlite_errorcode", None)
        return code == _SQLITE_FULL or "database or disk is full" in str(cause)
    if getattr(cause, "sqlstate", None) == _POSTGRES_DISK_FULL:
        return True
    return isinstance(cause, OSError) and cause.errno == errno.ENOSPC


def _writers(engine: Engine) -> writers.Writers | None:
    """Who waits to write ``engine``'s database, if it is an SQLite file (``scr.writers``)."""
    database = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    return writers.of(database) if database and database != ":memory:" else None


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    queue = _writers(engine)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, begin transactions, so that savepoints and
        # rollbacks behave as on PostgreSQL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode a commit survives the server's crash (kill -9) either way; NORMAL leaves
        # out the flush to the disk at every commit, which a power cut can then undo for the
        # last transactions (never corrupting the database). It doubles writes a second.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if not connection.get_execution_options().get(_WRITER, False):
            connection.exec_driver_sql("BEGIN")
        elif queue is None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            with queue.waiting():  # so that a long job's next turn waits for this one
                connection.exec_driver_sql("BEGIN IMMEDIATE")


BACKGROUND_CONNECTIONS = 2
"""Connections beyond the requests' own, for the server's background work (the audit sealer,
the planner's statistics), so that it never takes one a request was let in for."""


def _pool(settings: Settings, url: str) -> dict[str, Any]:
    """A connection for every request let in at once (``api.admission``), and for the
    background work: no request waits for a connection while holding a thread that another
    request needs to finish (a wait that used to last the pool's 30 s and answer 500)."""
    return {
        "pool_size": settings.connections_for(url) + BACKGROUND_CONNECTIONS,
        "max_overflow": 0,
        "pool_timeout": settings.busy_wait_seconds,
    }


def make_engine(url: str) -> Engine:
    """Create an engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    settings = get_settings()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            engine = create_engine(url, connect_args={"check_same_thread": False})
        else:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                url, connect_args={"check_same_thread": False}, **_pool(settings, url)
            )
        _configure_sqlite(engine, settings.sqlite_busy_timeout_ms)
        return engine
    return create_engine(url, pool_pre_ping=True, **_pool(settings, url))


@lru_cache
def get_engine() -> Engine:
    """The process's engine for the configured database."""
    return make_engine(get_settings().effective_database_url)


@contextmanager
def session_scope(engine: Engine | None = None, *, writer: bool = False) -> Iterator[Session]:
    """One unit of work: commit when the block succeeds, roll back when it raises.

    ``writer``: the work will write. On SQLite its transactions then take the write lock as
    they begin, waiting their turn (up to the busy timeout) behind other writers. A transaction
    that reads first and only then writes cannot go on once another has committed in between
    (SQLite answers "database is locked" at once), so work that writes must say so.
    PostgreSQL ignores it.
    """
    bind = engine or get_engine()
    if writer:
        bind = bind.execution_options(**{_WRITER: True})
    with Session(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def serialize(session: Session, *keys: str) -> None:
    """Hold ``keys`` until the session's transaction ends, so that transactions naming the
    same key run one after another (a count and the row that raises it, say).

    PostgreSQL: transaction-level advisory locks, taken in a fixed order so two transactions
    cannot each wait for the other. SQLite: nothing to do, since a writer's transaction holds
    the database's write lock from its start (``session_scope(writer=True)``).
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted(set(keys)):
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
        )


def take_turns(session: Session) -> Callable[[], None]:
    """A checkpoint for long work in ``session``: commit what is done, so others may write (on
    SQLite, waiting until the writers already waiting have had the lock, ``scr.writers``)."""
    queue = _writers(session.get_bind().engine)

    def checkpoint() -> None:
        session.commit()
        if queue is not None:
            queue.give_way()

    return checkpoint
