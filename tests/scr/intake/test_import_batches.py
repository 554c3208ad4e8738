"""The national import shares the database: it commits in batches, letting others write in
between, and an import cut short goes on where it stopped when run again."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, func, select

from scr import migrate
from scr.audit import service as audit_service
from scr.db import make_engine, session_scope, take_turns
from scr.demo.corpus import add_corpus
from scr.exchange import export
from scr.exchange.checking import check
from scr.exchange.instance import instance_id
from scr.exchange.models import ImportedReview
from scr.intake import importing
from scr.vocabulary import AuditAction

BATCH = 5


class Killed(Exception):
    """The import's process dying part-way (its open transaction is lost, as with kill -9)."""


@pytest.fixture
def national_file(scratch_database_url: str, tmp_path: Path) -> Path:
    """An export of a fictional corpus's published reviews."""
    migrate.upgrade(scratch_database_url)
    engine = make_engine(scratch_database_url)
    file = tmp_path / "national.ndjson"
    try:
        with Session(engine) as session:
            add_corpus(session=session, count=40, seed=7)
            session.commit()
            instance = instance_id(session)
            session.commit()
            with file.open("w", encoding="utf-8") as out:
                out.writelines(export.national(session, since=None, instance=instance))
    finally:
        engine.dispose()
    return file


def _target(url: str, configure: Callable[[str], None]) -> None:
    migrate.upgrade(url)
    configure(url)


def _imported() -> int:
    with session_scope() as session:
        return int(session.exec(select(func.count()).select_from(ImportedReview)).one())


def _import(path: Path, **kwargs: object) -> importing.ImportReport:
    with session_scope(writer=True) as session:
        return importing.import_file(
            session=session,
            path=path,
            actor="cli",
            own_instance=instance_id(session),
            checkpoint=take_turns(session),
            batch=BATCH,
            **kwargs,  # type: ignore[arg-type]
        )


def test_an_import_killed_part_way_keeps_its_batches_and_goes_on_where_it_stopped(
    national_file: Path, second_scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    _target(second_scratch_database_url, configured_for)
    killed_at = 2 * BATCH + 3

    def die(number: int) -> None:
        if number == killed_at:
            raise Killed

    with pytest.raises(Killed):
        _import(national_file, progress=die)
    assert _imported() == 2 * BATCH

    again = _import(national_file)
    assert again.accepted
    total = again.unchanged + again.imported
    assert total >= 3 * BATCH
    assert (again.unchanged, again.imported, again.refused) == (2 * BATCH, total - 2 * BATCH, 0)
    assert [r.outcome for r in again.lines[: 2 * BATCH]] == ["unchanged"] * (2 * BATCH)
    assert _imported() == total


def _can_write_now(url: str) -> bool:
    """Whether another writer could take its turn at once, without waiting."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        connection = sqlite3.connect(str(parsed.database), timeout=0, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            connection.close()
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1 FROM audit_head FOR UPDATE NOWAIT")
            connection.rollback()
        return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def test_an_import_lets_other_writers_in_after_each_batch(
    national_file: Path, second_scratch_database_url: str, configured_for: Callable[[str], None]
) -> None:
    _target(second_scratch_database_url, configured_for)
    free: dict[int, bool] = {}
    with session_scope(writer=True) as session:
        # As POST /imports does: the request's audit entry first (which holds nothing others
        # need: entries are sealed into the chain later, by the sealer).
        audit_service.record(
            session=session,
            actor="admin",
            action=AuditAction.import_,
            object_type="exchange",
            request_id=uuid.uuid4().hex,
        )
        report = importing.import_file(
            session=session,
            path=national_file,
            actor="admin",
            own_instance=instance_id(session),
            checkpoint=take_turns(session),
            batch=BATCH,
            progress=lambda n: free.__setitem__(n, _can_write_now(second_scratch_database_url)),
        )
    assert report.imported >= 3 * BATCH
    after_a_batch = [n for n in free if n % BATCH == 0]
    assert after_a_batch
    assert all(free[n] for n in after_a_batch)
    if make_url(second_scratch_database_url).get_backend_name() == "sqlite":
        assert not any(free[n] for n in range(1, BATCH))  # while the first batch is under way
    else:  # the sealer's head row is never held by a request: no writer waits for an import
        assert all(free.values())


def test_a_line_changed_after_the_check_is_checked_again_as_it_is_read(
    national_file: Path, tmp_path: Path
) -> None:
    with national_file.open("rb") as stream:
        checked = check(stream)
    assert not checked.problems
    lines = national_file.read_bytes().splitlines(keepends=True)
    read = list(importing._read(national_file, checked))
    assert len([x for x in read if x.review is not None]) == checked.review_lines
    line = json.loads(lines[0])
    assert line["type"] == "review"
    line["links"].append({"kind": "led_to", "source": "episode:1", "target": "episode:99999"})
    changed = tmp_path / "changed.ndjson"
    changed.write_bytes(json.dumps(line).encode() + b"\n" + b"".join(lines[1:]))
    with pytest.raises(ValidationError, match="episode:99999, which is not in the line"):
        list(importing._read(changed, checked))
