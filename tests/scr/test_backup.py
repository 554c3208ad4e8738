"""`scr db backup` while writers go on, and `scr db restore` of what it took.

Each writer's transaction adds a contributory factor and its audit entry together, so a
backup that is one transaction's view holds as many of the one as of the other, a number
between the counts before and after the writes, and an audit chain that verifies.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import create_engine, inspect
from typer.testing import CliRunner

from scr.audit import service as audit_service
from scr.cli import app as cli
from scr.db import session_scope
from scr.factor import service as factor_service
from scr.factor.schemas import FactorCreate
from scr.review.models import Review
from scr.vocabulary import AuditAction, FactorLevel
from tests.factories import make_review

runner = CliRunner()
WRITERS = 3
WRITES = 40


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                t: int(connection.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar_one())
                for t in inspect(connection).get_table_names()
            }
    finally:
        engine.dispose()


def _intact(url: str) -> bool:
    """SQLite's integrity and reference checks pass (PostgreSQL restores under its
    constraints, which refuse a broken reference)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name != "sqlite":
                return True
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar_one()
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            return integrity == "ok" and not broken
    finally:
        engine.dispose()


def _write(review_id: int, n: int) -> None:
    with session_scope(writer=True) as session:
        review = session.get(Review, review_id)
        assert review is not None
        factor_service.create(
            session=session,
            review=review,
            data=FactorCreate(description=f"Factor written {n}", level=FactorLevel.own_team),
        )
        audit_service.record(
            session=session,
            actor="review team member 1",
            action=AuditAction.create,
            object_type="factors",
            review_id=review_id,
            request_id=uuid.uuid4().hex,
        )


def _migrated(url: str, configure: Callable[[str], None]) -> None:
    configure(url)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0


def test_a_backup_taken_under_writes_restores_whole_with_its_audit_chain(
    scratch_database_url: str,
    second_scratch_database_url: str,
    configured_for: Callable[[str], None],
    tmp_path: Path,
) -> None:
    _migrated(scratch_database_url, configured_for)
    with session_scope() as session:
        review_id = make_review(session).id
    assert review_id is not None
    _write(review_id, 0)
    before = _counts(scratch_database_url)
    file = tmp_path / "scr.backup"
    begun = threading.Barrier(WRITERS + 1)

    def writer(w: int) -> None:
        begun.wait(timeout=60)
        for n in range(WRITES):
            _write(review_id, w * WRITES + n + 1)

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        writing = [pool.submit(writer, w) for w in range(WRITERS)]
        begun.wait(timeout=60)
        taken = runner.invoke(cli, ["db", "backup", str(file)])
        for w in writing:
            w.result()
    assert taken.exit_code == 0, taken.output
    after = _counts(scratch_database_url)

    _migrated(second_scratch_database_url, configured_for)
    restored = runner.invoke(cli, ["db", "restore", str(file), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert _intact(second_scratch_database_url)
    counts = _counts(second_scratch_database_url)
    added = counts["contributory_factor"] - before["contributory_factor"]
    assert added == counts["audit_entry"] - before["audit_entry"]
    assert before["contributory_factor"] <= counts["contributory_factor"]
    assert counts["contributory_factor"] <= after["contributory_factor"]
    # Each factor written is one search document (SQLite's FTS5 tables follow them).
    assert counts["search_document"] - before["search_document"] == added
    unwritten = {"contributory_factor", "audit_entry", "audit_head", "review", "search_document"}

    def untouched(found: dict[str, int]) -> dict[str, int]:
        return {
            t: n
            for t, n in found.items()
            if t not in unwritten and (not t.startswith("search_fts") or t == "search_fts_config")
        }

    assert untouched(counts) == untouched(before)
    verified = runner.invoke(cli, ["audit", "verify"])
    assert verified.exit_code == 0, verified.output
    assert f"{counts['audit_entry']} entries" in verified.output


def test_a_backup_never_overwrites_a_file_and_a_restore_refuses_what_is_not_a_backup(
    scratch_database_url: str, configured_for: Callable[[str], None], tmp_path: Path
) -> None:
    _migrated(scratch_database_url, configured_for)
    with session_scope() as session:
        make_review(session)
    before = _counts(scratch_database_url)
    kept = tmp_path / "yesterday.backup"
    kept.write_bytes(b"yesterday's backup")
    refused = runner.invoke(cli, ["db", "backup", str(kept)])
    assert refused.exit_code == 1
    assert "exists already" in refused.output
    assert kept.read_bytes() == b"yesterday's backup"

    sqlite_file = tmp_path / "other.sqlite3"
    _sqlite_without_the_schema(sqlite_file)
    damaged = tmp_path / "damaged.backup"
    assert runner.invoke(cli, ["db", "backup", str(damaged)]).exit_code == 0
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])
    for wrong in (kept, tmp_path / "missing.backup", sqlite_file, damaged):
        answer = runner.invoke(cli, ["db", "restore", str(wrong), "--yes"])
        assert answer.exit_code == 1, wrong
        assert answer.output.startswith("Nothing was restored:"), answer.output
        assert _counts(scratch_database_url) == before


def _sqlite_without_the_schema(file: Path) -> None:
    engine = create_engine(f"sqlite:///{file}")
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE notes (body TEXT)")
    finally:
        engine.dispose()
