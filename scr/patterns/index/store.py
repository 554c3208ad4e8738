"""The process's pattern index: one snapshot per database, brought up to date before each
answer from the session that asks (so it sees what that session sees)."""

from __future__ import annotations

import threading

from sqlmodel import Session
from threadpoolctl import threadpool_limits

from scr.patterns.index import load, snapshot
from scr.patterns.index.snapshot import Snapshot

_lock = threading.Lock()
_current: dict[str, Snapshot] = {}


def _database(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def current(session: Session) -> Snapshot:
    """The index as the database now stands: unchanged when the fingerprint says nothing
    changed, otherwise the changed reviews read again (every review, the first time)."""
    fingerprint = load.fingerprint(session)
    database = _database(session)
    with _lock:
        held = _current.get(database)
        if held is not None and held.fingerprint == fingerprint:
            return held
        if held is None:
            fresh = snapshot.build(session, fingerprint)
        else:
            fresh = snapshot.updated(session, held, fingerprint)
        _current[database] = fresh
        return fresh


def forget() -> None:
    """Drop every index (they are read again when next asked for)."""
    with _lock:
        _current.clear()


def one_blas_thread() -> None:
    """Count with one BLAS thread in this process. The index's matrix products are small (well
    under a millisecond on one core), and OpenBLAS's threads, spinning while they wait for each
    other on a machine whose cores are busy, made one take 40 ms: co-occurrence at 2,000
    reviews went from 100 ms to 12 ms, trends from 45 ms to 13 ms."""
    threadpool_limits(limits=1, user_api="blas")
