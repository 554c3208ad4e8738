"""Bulk inserts of a review's records through SQLAlchemy Core.

An insert here skips the ORM (no object, no identity map, no flush per row), so a row gets
the defaults its model declares filled in here, as building the model would have.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlmodel import Session, SQLModel

from scr.common.columns import utcnow


def stamp(actor: str | None) -> dict[str, Any]:
    """The bookkeeping columns of a new row, written now by ``actor``."""
    now = utcnow()
    return {"version": 1, "created_at": now, "updated_at": now, "updated_by": actor}


def table(model: Any) -> sa.Table:
    """The table of ``model`` (a SQLModel table class), for Core statements."""
    return SQLModel.metadata.tables[str(model.__tablename__)]


@cache
def _defaults(model: type[SQLModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The model's fixed defaults and default factories, for the columns its table has."""
    columns = table(model).c
    fixed: dict[str, Any] = {}
    factories: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name == "id" or name not in columns:
            continue
        if info.default_factory is not None:
            factories[name] = info.default_factory
        elif not info.is_required():
            fixed[name] = info.default
    return fixed, factories


@cache
def _sequence(name: str) -> str:
    """The PostgreSQL sequence giving the ids of table ``name``."""
    return f"pg_get_serial_sequence('{name}', 'id')"


@cache
def _plan(into: sa.Table, dialect: Dialect, keys: tuple[str, ...]) -> tuple[str, str, list[Any]]:
    """The driver's INSERT of the columns ``keys`` names, as it stands and with ``id`` first,
    and each column's bind processor (what SQLAlchemy would have turned its value into)."""
    columns = [into.c[k] for k in keys]
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    prepare = dialect.identifier_preparer

    def sql(names: list[str]) -> str:
        quoted = ", ".join(prepare.quote(n) for n in names)
        marks = ", ".join([mark] * len(names))
        return f"INSERT INTO {prepare.format_table(into)} ({quoted}) VALUES ({marks})"

    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    return sql(list(keys)), sql(["id", *keys]), processors


def _column(
    rows: list[dict[str, Any]], key: str, defaults: tuple[dict[str, Any], dict[str, Any]]
) -> list[Any]:
    """The values of column ``key`` in ``rows``, the model's default where a row has none."""
    fixed, factories = defaults
    if key in factories:
        make = factories[key]
        return [row[key] if key in row else make() for row in rows]
    if key in fixed:
        default = fixed[key]
        return [row.get(key, default) for row in rows]
    return [row[key] for row in rows]


def _turned(column: list[Any], process: Any) -> list[Any]:
    """``column``'s values as the driver takes them; a value given again (the same
    timestamp, the same code) is turned once."""
    memo: dict[Any, Any] = {}
    turned: list[Any] = []
    for value in column:
        if value is None:
            turned.append(None)
            continue
        try:
            done = memo.get(value, _NONE)
        except TypeError:  # (a list, for a JSON column)
            turned.append(process(value))
            continue
        if done is _NONE:
            done = memo[value] = process(value)
        turned.append(done)
    return turned


_NONE = object()


def _values(
    rows: list[dict[str, Any]],
    model: type[SQLModel],
    keys: tuple[str, ...],
    processors: list[Any],
    ids: list[int] | None = None,
) -> list[tuple[Any, ...]]:
    """Each row as a tuple of the driver's values in the order of ``keys`` (after its id,
    if ``ids`` are given)."""
    defaults = _defaults(model)
    columns = [] if ids is None else [ids]
    for key, process in zip(keys, processors, strict=True):
        column = _column(rows, key, defaults)
        columns.append(column if process is None else _turned(column, process))
    return list(zip(*columns, strict=True))


def _copy(connection: sa.Connection, into: sa.Table, keys: list[str], values: list[Any]) -> None:
    """Write ``values`` into ``into`` with PostgreSQL's COPY (the quickest way in: no
    statement a row), in the connection's transaction; a constraint broken raises
    SQLAlchemy's ``IntegrityError`` (as an insert would)."""
    prepare = connection.dialect.identifier_preparer
    names = ", ".join(prepare.quote(k) for k in keys)
    statement = f"COPY {prepare.format_table(into)} ({names}) FROM STDIN"
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    error = connection.dialect.loaded_dbapi.Error
    try:
        with cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    except error as exc:  # (as SQLAlchemy tells the driver's errors: IntegrityError, ...)
        raise sa.exc.DBAPIError.instance(statement, None, exc, error) from exc
    finally:
        cursor.close()


def insert(
    session: Session, model: type[SQLModel], rows: list[dict[str, Any]], *, ids: bool = False
) -> list[int]:
    """Insert ``rows``, each completed with the model's defaults, in the session's
    transaction without SQLAlchemy's work for each row: the driver's ``executemany`` on
    SQLite, COPY on PostgreSQL (a constraint broken still raises SQLAlchemy's
    ``IntegrityError``); with ``ids``, their new ids in the rows' order."""
    if not rows:
        return []
    fixed, factories = _defaults(model)
    into = table(model)
    keys = tuple(k for k in {**fixed, **factories, **rows[0]} if k in into.c and k != "id")
    connection = session.connection()
    dialect = connection.dialect
    plain, with_id, processors = _plan(into, dialect, keys)
    copying = dialect.name == "postgresql"
    if "id" in rows[0]:
        new = [int(row["id"]) for row in rows]
    elif not ids:
        values = _values(rows, model, keys, processors)
        if copying:
            _copy(connection, into, list(keys), values)
        else:
            connection.exec_driver_sql(plain, values)
        return []
    elif dialect.name == "sqlite":
        # The first row goes alone; from then on this transaction holds SQLite's one write
        # lock, and no id above the first row's is taken (a new rowid is the largest plus
        # one), so the others are given the next ids.
        first = connection.exec_driver_sql(plain, _values(rows[:1], model, keys, processors)[0])
        new = [int(first.lastrowid) + n for n in range(len(rows))]
        rows = rows[1:]
    else:  # the ids drawn from the table's sequence first, as the insert would draw them
        drawn = connection.exec_driver_sql(
            f"SELECT nextval({_sequence(into.name)}) FROM generate_series(1, %s)", (len(rows),)
        )
        new = [int(i) for i in drawn.scalars()]
    if rows:
        given = new[len(new) - len(rows) :]
        values = _values(rows, model, keys, processors, given)
        if copying:
            _copy(connection, into, ["id", *keys], values)
        else:
            connection.exec_driver_sql(with_id, values)
    return new if ids else []
