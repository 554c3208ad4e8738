"""A long job that commits in turns lets in the writers waiting for SQLite's write lock, from
this process or another, before its next turn; with no one waiting, it does not pause."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from scr import writers
from scr.db import make_engine, session_scope, take_turns

OTHER_WRITER = """
import sys
from sqlalchemy import text
from scr.db import make_engine, session_scope
with session_scope(make_engine(sys.argv[1]), writer=True) as session:
    session.execute(text("INSERT INTO turn (n) VALUES (2)"))
"""


def _someone_waits(database: Path) -> bool:
    probe = os.open(f"{database}-writers", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(probe)


def _until(condition: Callable[[], bool], what: str) -> None:
    for _ in range(3000):
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError(f"gave up waiting until {what}")


@pytest.mark.parametrize("where", ["thread", "process"])
def test_a_writer_waiting_goes_in_before_the_long_jobs_next_turn(
    tmp_path: Path, where: str
) -> None:
    database = tmp_path / "turns.sqlite3"
    url = f"sqlite:///{database}"
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE turn (id INTEGER PRIMARY KEY, n INTEGER)")

    def other_writer() -> None:
        with session_scope(engine, writer=True) as session:
            session.execute(text("INSERT INTO turn (n) VALUES (2)"))

    with session_scope(engine, writer=True) as job:
        job.execute(text("INSERT INTO turn (n) VALUES (1)"))  # the job's first turn
        other: threading.Thread | subprocess.Popen[bytes]
        if where == "thread":
            other = threading.Thread(target=other_writer)
            other.start()
        else:
            other = subprocess.Popen([sys.executable, "-c", OTHER_WRITER, url])
        _until(lambda: _someone_waits(database), "the other writer waits for the lock")
        take_turns(job)()
        job.execute(text("INSERT INTO turn (n) VALUES (3)"))  # the job's next turn
    if isinstance(other, threading.Thread):
        other.join()
    else:
        assert other.wait() == 0
    with engine.connect() as connection:
        written = [n for (n,) in connection.execute(text("SELECT n FROM turn ORDER BY id"))]
    engine.dispose()
    assert written == [1, 2, 3]


def test_with_no_writer_waiting_a_turn_does_not_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "alone.sqlite3"
    engine = make_engine(f"sqlite:///{database}")
    paused: list[float] = []
    monkeypatch.setattr(time, "sleep", paused.append)
    with session_scope(engine, writer=True) as job:
        job.execute(text("CREATE TABLE turn (n INTEGER)"))
        for n in range(5):
            job.execute(text("INSERT INTO turn (n) VALUES (:n)"), {"n": n})
            take_turns(job)()
    engine.dispose()
    assert paused == []
    assert writers.of(str(database)).give_way() is False


def test_a_job_gives_way_for_a_limited_time_only(tmp_path: Path) -> None:
    database = tmp_path / "busy.sqlite3"
    queue = writers.of(str(database))
    with queue.waiting():  # a writer that never gets in, or keeps coming
        assert queue.give_way(most=0.05) is True
