"""What the benchmarks share: timing, and a client signed in as a given role."""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
from sqlalchemy import Engine, create_engine, func
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from scr import migrate
from scr.account import security
from scr.account.models import User
from scr.board.models import Board
from scr.config import get_settings, signing_secret
from scr.db import get_engine
from scr.demo.corpus import add_corpus
from scr.review.models import Review
from scr.vocabulary import Role


def scratch_folder(prefix: str = "scr-bench-") -> str:
    """A folder for a benchmark's databases and files, removed when the process ends (a
    national corpus takes more than a gigabyte)."""
    folder = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def fresh_database(engine_name: str, folder: str, name: str) -> str:
    """The URL of an empty database: an SQLite file in ``folder``, or a PostgreSQL database
    created anew beside SCR_TEST_DATABASE_URL's (``scripts/with-postgres``)."""
    if engine_name == "sqlite":
        return f"sqlite:///{folder}/{name}.sqlite3"
    url = make_url(os.environ["SCR_TEST_DATABASE_URL"])
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def served_database(engine_name: str, folder: str, name: str) -> Engine:
    """A fresh database of ``engine_name``, migrated, which the app served in this process
    reads (its settings name it, as in production): its engine."""
    url = fresh_database(engine_name, folder, name)
    migrate.upgrade(url)
    return _served(url)


def corpus_arguments(parser: argparse.ArgumentParser, reviews: int) -> None:
    """The options of a benchmark over the corpus: a fresh one of ``--reviews`` reviews on each
    of ``--engines``, or the database ``--database`` names as it stands."""
    parser.add_argument("--reviews", type=int, default=reviews)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--engines", default="sqlite,postgresql", help="PostgreSQL under scripts/with-postgres"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=(
            "an existing corpus database (migrated: scr db upgrade), read as it stands instead "
            "of loading a fresh corpus; --reviews, --seed and --engines are then ignored"
        ),
    )


@dataclass(frozen=True)
class Corpus:
    """A database of the corpus the app is served on: its engine, its reviews, and how long it
    took to load (None when it was given)."""

    engine: Engine
    reviews: int
    loaded: float | None

    @property
    def engine_name(self) -> str:
        return self.engine.dialect.name

    def described(self) -> str:
        """ "sqlite, 20,000 reviews" and how it came about."""
        how = "given" if self.loaded is None else f"loaded and indexed in {self.loaded:.0f} s"
        return f"{self.engine_name}, {self.reviews:,} reviews ({how})"


def _served(url: str) -> Engine:
    os.environ["SCR_DATABASE_URL"] = url
    get_settings.cache_clear()
    get_engine.cache_clear()
    return get_engine()


def corpora(args: argparse.Namespace, name: str) -> Iterator[Corpus]:
    """The corpus databases ``corpus_arguments``' options ask for, one after the other, each
    the database of the app served in this process (its engine disposed of after)."""
    if args.database:
        engine = _served(args.database)
        with Session(engine) as session:
            reviews = session.exec(select(func.count()).select_from(Review)).one()
        yield Corpus(engine=engine, reviews=reviews, loaded=None)
        engine.dispose()
        return
    folder = scratch_folder()
    for engine_name in engines_here(args.engines.split(",")):
        engine = served_database(engine_name, folder, name)
        began = time.perf_counter()
        with Session(engine) as session:
            done = add_corpus(session=session, count=args.reviews, seed=args.seed)
        yield Corpus(engine=engine, reviews=done.added, loaded=time.perf_counter() - began)
        engine.dispose()


def busiest_board(engine: Engine) -> int:
    """The id of the partnership with the most reviews."""
    with Session(engine) as session:
        stmt = (
            select(Board.id, func.count(col(Review.id)))
            .join(Review, col(Review.board_id) == col(Board.id))
            .group_by(col(Board.id))
            .order_by(func.count(col(Review.id)).desc())
        )
        board_id, _ = session.exec(stmt).first()  # type: ignore[misc]
        return int(board_id or 0)


def engines_here(asked: list[str]) -> list[str]:
    """The engines of ``asked`` this run can reach (PostgreSQL under scripts/with-postgres)."""
    return [
        e
        for e in asked
        if e == "sqlite" or (e == "postgresql" and os.environ.get("SCR_TEST_DATABASE_URL"))
    ]


def timings(run: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by each of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return times


def fastest_and_median(times: list[float]) -> tuple[float, float]:
    return min(times), statistics.median(times)


def p95(times: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(times)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def median_and_p95(times: list[float], aim: float) -> tuple[str, str]:
    """The median and p95 in milliseconds, "  12.3 /   45.6 ms", and whether the p95 is within
    ``aim`` seconds: "ok", or by how much it is over."""
    median, high = sorted(times)[len(times) // 2], p95(times)
    verdict = "ok" if high <= aim else f"p95 over {aim * 1000:.0f} ms"
    return f"{median * 1000:8.1f} / {high * 1000:8.1f} ms", verdict


QUIET = ("--log-level=warning", "--no-access-log")


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(
    client: httpx.Client, server: subprocess.Popen[bytes], minutes: float = 1
) -> None:
    """Wait (up to ``minutes``) until the server ``client`` talks to answers /health."""
    for _ in range(int(minutes * 600)):
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {server.returncode}")
        try:
            client.get("/api/v1/health").raise_for_status()
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer at {client.base_url} in {minutes} minute(s)")


@contextmanager
def signed_in(engine: Engine, role: Role, board_id: int | None = None) -> Iterator[httpx.Client]:
    """A client signed in as a new account of ``role``, talking HTTP to the app as uvicorn
    serves it from a process of its own on ``engine``'s database (fictional demo key): each
    figure includes what a real client pays, the socket and HTTP parsing."""
    os.environ.setdefault("SCR_DEMO", "true")
    get_settings.cache_clear()
    with Session(engine) as session:
        user = User(
            email=f"benchmark.{role.value}.{time.time_ns()}@example.org",
            role=role,
            board_id=board_id,
            password_hash="not a hash: benchmarks sign in with a token",
        )
        session.add(user)
        session.commit()
        subject = str(user.id)
    token = security.issue_access_token(
        subject=subject, secret=signing_secret(get_settings()), minutes=24 * 60
    )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.main:create_app",
            "--factory",
            *QUIET,
            f"--port={port}",
        ],
        env={**os.environ, "SCR_DATABASE_URL": engine.url.render_as_string(hide_password=False)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as client:
            wait_until_up(client, server)
            yield client
    finally:
        server.terminate()
        server.wait()
