"""SQLite's planner statistics are refreshed once a table has changed enough (scr.planner),
and a server refreshes them as it starts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, insert, text

from api.main import create_app
from scr import migrate, planner
from scr.db import make_engine
from scr.patterns.models import CodeRollup


def _sqlite(folder: Path) -> tuple[str, Engine]:
    url = f"sqlite:///{folder}/planner.sqlite3"
    migrate.upgrade(url)
    return url, make_engine(url)


def _add_rows(engine: Engine, count: int, start: int = 0) -> None:
    rows = [
        {
            "to_version": "9.9",
            "from_version": "9.9",
            "from_code": f"c{i}",
            "to_code": "c",
            "depth": 0,
        }
        for i in range(start, start + count)
    ]
    with engine.begin() as connection:
        connection.execute(insert(CodeRollup), rows)


def _analyzed(engine: Engine, table: str) -> list[str]:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT stat FROM sqlite_stat1 WHERE tbl = :table"), {"table": table}
        )
        return [row[0] for row in found]


def test_a_table_is_analyzed_once_more_than_50_rows_and_a_tenth_have_changed(
    tmp_path: Path,
) -> None:
    _, engine = _sqlite(tmp_path)
    assert planner.refresh(engine) == [], "an empty database has nothing to analyze"

    _add_rows(engine, 60)
    assert planner.refresh(engine) == ["code_rollup"]
    assert _analyzed(engine, "code_rollup")[0].startswith("60 ")
    assert planner.refresh(engine) == [], "statistics just gathered are fresh"

    _add_rows(engine, 56, start=60)  # 116 rows: 56 more is not more than 50 + 6
    assert planner.refresh(engine) == []
    _add_rows(engine, 1, start=116)
    assert planner.refresh(engine) == ["code_rollup"]
    assert _analyzed(engine, "code_rollup")[0].startswith("117 ")
    engine.dispose()


def test_postgresql_is_left_to_its_autovacuum() -> None:
    # Never connects: nothing listens on this port.
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:9/none")
    assert planner.refresh(engine) == []


def test_a_server_refreshes_the_statistics_as_it_starts(
    tmp_path: Path, configured_for: Callable[[str], None]
) -> None:
    url, engine = _sqlite(tmp_path)
    _add_rows(engine, 80)
    configured_for(url)
    with TestClient(create_app()) as client:
        assert client.get("/api/v1/health").status_code == 200
        assert _analyzed(engine, "code_rollup")[0].startswith("80 ")
    engine.dispose()


def test_the_full_text_index_is_never_counted_nor_analyzed(tmp_path: Path) -> None:
    # Counting a full-text table reads its whole index (minutes at 200,000 reviews), and
    # ANALYZE keeps nothing for it, so it would have been counted again at every refresh.
    _, engine = _sqlite(tmp_path)
    # Documents alone, without the review they would belong to (foreign keys off).
    connection = sqlite3.connect(tmp_path / "planner.sqlite3")
    with connection:
        connection.executemany(
            "INSERT INTO search_document (kind, record_id, review_id, body) "
            "VALUES ('finding', ?, 1, 'Notifications stop at the front door')",
            [(n,) for n in range(1, 61)],
        )
    fts = connection.execute("SELECT count(*) FROM search_fts_finding").fetchone()[0]
    connection.close()
    assert fts == 60
    assert planner.refresh(engine) == ["search_document"]
    assert planner.refresh(engine) == []
    engine.dispose()
