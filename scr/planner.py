"""Keep SQLite's query-planner statistics fresh.

SQLite chooses its plans from the statistics ``ANALYZE`` stores in ``sqlite_stat1`` and never
gathers them by itself. Without them the pattern queries can run far slower: at 2,000 reviews
the chains query took 5.4 s instead of 0.19 s (``benchmarks/planner.py``). PostgreSQL's
autovacuum re-analyzes a table once more than 50 rows plus 10% of the table have changed;
``refresh`` applies the same rule to SQLite, table by table. The server calls it as it starts
and then every ``SCR_STATISTICS_MINUTES`` (``api.main``). On PostgreSQL it does nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from scr.db import session_scope

BASE_ROWS = 50
SCALE = 0.1


def _recorded(connection: Connection) -> dict[str, int]:
    """The rows each table had when it was last analyzed (the largest of its indexes')."""
    exists = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).first()
    if exists is None:
        return {}
    recorded: dict[str, int] = {}
    for table, stat in connection.exec_driver_sql("SELECT tbl, stat FROM sqlite_stat1"):
        rows = int(str(stat).split()[0])
        recorded[table] = max(rows, recorded.get(table, 0))
    return recorded


def stale_tables(connection: Connection) -> list[str]:
    """The tables whose row count moved by more than 50 plus 10% since they were analyzed."""
    if connection.dialect.name != "sqlite":
        return []
    recorded = _recorded(connection)
    stale = []
    for name in _analyzable(connection):
        rows = connection.exec_driver_sql(f"SELECT count(*) FROM {_quoted(name)}").scalar_one()
        before = recorded.get(name, 0)
        if abs(rows - before) > BASE_ROWS + SCALE * before:
            stale.append(name)
    return stale


def _analyzable(connection: Connection) -> list[str]:
    """The tables ANALYZE gathers statistics for: not SQLite's own, not a virtual table (the
    full-text index, which has none and whose count reads the whole index), nor the tables a
    virtual table keeps its data in (``search_fts_data``, ...), which no query names."""
    tables = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
    ).all()
    virtual = [name for name, sql in tables if str(sql).upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _ in tables
        if name not in virtual and not any(name.startswith(f"{v}_") for v in virtual)
    ]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def refresh(engine: Engine) -> list[str]:
    """Analyze the tables whose statistics are stale, each in a short transaction of its own
    so that requests wait for at most one table; the names of those analyzed."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as connection:
        stale = stale_tables(connection)
    for name in stale:
        with session_scope(engine, writer=True) as session:
            session.connection().exec_driver_sql(f"ANALYZE {_quoted(name)}")
    return stale
