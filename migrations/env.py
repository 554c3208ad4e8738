"""Alembic environment: the metadata of every table, batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import scr.models  # noqa: F401  (registers every table on the metadata)
from scr.config import get_settings
from scr.db import make_engine, metadata
from scr.migrate import MigrationRefused

config = context.config


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    # On the driver's own connection, outside any transaction: SQLite ignores the pragma
    # inside one, and SQLAlchemy would begin one for a statement sent through it.
    connection.connection.driver_connection.execute(f"PRAGMA foreign_keys={int(on)}")


def _refuse_broken_references(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = ", ".join(sorted({str(row[0]) for row in broken}))
        raise MigrationRefused(
            f"The migration would leave {len(broken)} row(s) of {tables} pointing at rows "
            "that do not exist, so nothing was changed."
        )


def _described(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Whether autogenerate compares this object: not the search index's own structures, which
    the engines build beside ``search_document`` and SQLAlchemy cannot describe (SQLite's
    FTS5 tables and the tables they keep; PostgreSQL's generated tsvector and its GIN indexes)."""
    if type_ == "table" and name is not None and name.startswith("search_fts"):
        return False
    own = ("tsv", "ix_search_document_tsv", "ix_search_document_finding_tsv")
    return not (name in own and type_ in ("column", "index"))


def _run(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=sqlite,
        compare_type=True,
        include_object=_described,
        # SQLite's DDL is transactional when, as here, SQLAlchemy begins the transactions
        # (Alembic assumes it is not, and commits each migration on its own): so a run of
        # migrations happens whole or not at all, references checked, on both engines.
        transactional_ddl=True,
    )
    # A batch step on SQLite copies a table, drops it and renames the copy; with foreign keys
    # on, dropping a table other rows refer to fails (or cascades). So they are off while the
    # migrations run, as Alembic's documentation advises, and every reference is checked
    # before the migrations' transaction commits.
    if sqlite and not connection.in_transaction():
        _sqlite_foreign_keys(connection, on=False)
    try:
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                _refuse_broken_references(connection)
    finally:
        if sqlite and not connection.in_transaction():
            _sqlite_foreign_keys(connection, on=True)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.attributes.get("url") or get_settings().effective_database_url
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline SQL generation is not supported; run `scr db upgrade`.")
run_migrations_online()
