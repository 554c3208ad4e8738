"""Who is waiting to write an SQLite database, known across processes: a lock on a file beside
it, ``<database>-writers``.

A writer about to take SQLite's write lock (``BEGIN IMMEDIATE``) holds a shared lock on that
file until it has the write lock (``waiting``). A long job that commits in turns
(``scr.db.take_turns``) tries an exclusive lock on it after each commit (``give_way``): while
it cannot have it, someone is waiting, and the job leaves the database free until they have
gone in. With no one waiting it goes straight on, where it used to pause after every commit
whether anyone waited or not.

Both sides must be this code (the server, the ``scr`` command): another program writing the
database waits in SQLite's busy handler unannounced, and a job giving way does not see it.
A process holds one shared lock for all its waiting threads (locks held through one open
file are shared by its threads, so each writer locking on its own would free the others').
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

MOST_SECONDS = 0.5
"""The longest a job gives way after one commit: writers that keep coming cannot hold it up
for ever."""

_POLL_SECONDS = 0.005


class Writers:
    """The writers of one SQLite database file in this process."""

    def __init__(self, database: str) -> None:
        self.path = f"{database}-writers"
        self._lock = threading.Lock()
        self._waiting = 0
        self._held: int | None = None  # the file held open, shared-locked, while any waits

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)

    @contextmanager
    def waiting(self) -> Iterator[None]:
        """Say, for the block's length, that this process has a writer waiting."""
        with self._lock:
            if self._waiting == 0:
                held = self._open()
                fcntl.flock(held, fcntl.LOCK_SH)
                self._held = held
            self._waiting += 1
        try:
            yield
        finally:
            with self._lock:
                self._waiting -= 1
                if self._waiting == 0 and self._held is not None:
                    os.close(self._held)  # which lets the lock go
                    self._held = None

    def give_way(self, most: float = MOST_SECONDS) -> bool:
        """Wait while any process has a writer waiting, up to ``most`` seconds; whether any
        was."""
        probe = self._open()
        try:
            deadline = time.monotonic() + most
            waited = False
            while True:
                try:
                    fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return waited
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        return True
                    waited = True
                    time.sleep(_POLL_SECONDS)
        finally:
            os.close(probe)


_known: dict[str, Writers] = {}
_known_lock = threading.Lock()


def of(database: str) -> Writers:
    """The writers of the SQLite file ``database`` (a path), one object per file."""
    path = os.path.abspath(database)
    with _known_lock:
        found = _known.get(path)
        if found is None:
            found = _known[path] = Writers(path)
        return found
