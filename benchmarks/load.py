"""The service under a mixed load: good answers a second, 503s and errors, p95 of record reads.

A fresh database gets a small corpus (``--reviews`` fictional reviews of ``scr demo
--corpus``); ``scr serve`` serves it from a process of its own on a loopback port
(``--workers``).
For each level of 1 to 64 clients (threads, each with its own keep-alive connection), every
client sends requests back to back for ``--seconds``: 70% record reads (a review, its
factors, its episodes), 15% record writes (a new contributory factor), 15% pattern reads (a
code's frequencies across the reviews). Every read and change is audited, so this is also
the audit trail's load. It prints per level: good answers a second, 503s, other errors,
the p50 and p95 of record reads, and the p95 of the changes and of the pattern reads.
Bounded: ``--seconds`` per level, no retries.

Run: ``.venv/bin/python -m benchmarks.load`` (SQLite, one worker) and
``./scripts/with-postgres .venv/bin/python -m benchmarks.load --engine postgresql
--workers 4``. The clients share the machine's cores with the server, as do other processes:
say so beside the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlmodel import Session, col, select

from benchmarks.common import (
    free_port,
    fresh_database,
    p95,
    scratch_folder,
    wait_until_up,
)
from scr import migrate
from scr.account import security
from scr.account.models import User
from scr.config import get_settings, signing_secret
from scr.db import make_engine
from scr.demo.corpus import add_corpus
from scr.review.models import Review
from scr.vocabulary import ReviewStatus, Role

LEVELS = (1, 8, 16, 32, 48, 64)


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    record_reads: list[float] = field(default_factory=list)
    changes: list[float] = field(default_factory=list)
    pattern_reads: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _prepare(url: str, reviews: int) -> tuple[str, list[int]]:
    os.environ["SCR_DEMO"] = "true"
    get_settings.cache_clear()
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        add_corpus(session=session, count=reviews, seed=1)
        session.commit()
        user = User(
            email=f"benchmark.load.{time.time_ns()}@example.org",
            role=Role.admin,
            password_hash="not a hash: benchmarks sign in with a token",
        )
        session.add(user)
        session.commit()
        subject = str(user.id)
        # Writes go to reviews not yet published (a published review is frozen: 409).
        rows = session.exec(select(Review.id, Review.status).order_by(col(Review.id))).all()
        ids = [i for i, status in rows if i and status != ReviewStatus.published]
    engine.dispose()
    token = security.issue_access_token(
        subject=subject, secret=signing_secret(get_settings()), minutes=24 * 60
    )
    return token, ids


def _client_loop(
    base: str, token: str, ids: list[int], until: float, tally: Tally, seed: int
) -> None:
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        while time.perf_counter() < until:
            review = rng.choice(ids)
            draw = rng.random()
            try:
                began = time.perf_counter()
                if draw < 0.70:
                    times = tally.record_reads
                    tail = rng.choice(("", "/factors", "/episodes"))
                    answer = client.get(f"/api/v1/reviews/{review}{tail}")
                elif draw < 0.85:
                    times = tally.changes
                    answer = client.post(
                        f"/api/v1/reviews/{review}/factors",
                        json={"description": "Supervision was not available.", "level": "own_team"},
                    )
                else:
                    times = tally.pattern_reads
                    answer = client.get("/api/v1/patterns/frequencies", params={"limit": 20})
                took = time.perf_counter() - began
                status = answer.status_code
            except httpx.HTTPError:
                status, took = 0, 0.0
            with tally.lock:
                tally.statuses[status] += 1
                if 200 <= status < 300:
                    times.append(took)


def _level(base: str, token: str, ids: list[int], clients: int, seconds: float) -> dict[str, float]:
    tally = Tally()
    until = time.perf_counter() + seconds
    threads = [
        threading.Thread(target=_client_loop, args=(base, token, ids, until, tally, n))
        for n in range(clients)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    good = sum(n for s, n in tally.statuses.items() if 200 <= s < 300)
    reads = tally.record_reads or [0.0]
    changes, patterns = tally.changes or [0.0], tally.pattern_reads or [0.0]
    return {
        "good/s": good / took,
        "503": tally.statuses[503],
        "errors": sum(n for s, n in tally.statuses.items() if not 200 <= s < 300 and s != 503),
        "p50 ms": statistics.median(reads) * 1000,
        "p95 ms": p95(reads) * 1000,
        "change p95": p95(changes) * 1000,
        "pattern p95": p95(patterns) * 1000,
        "statuses": dict(tally.statuses),  # type: ignore[dict-item]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--reviews", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)))
    args = parser.parse_args()
    url = fresh_database(args.engine, scratch_folder(), "scr_bench_load")
    token, ids = _prepare(url, args.reviews)
    port = free_port()
    # Served as operators serve it (its HTTP parser, no 40 ms delay on a shared socket).
    command = [str(Path(sys.executable).with_name("scr")), "serve", f"--port={port}"]
    command.append(f"--workers={args.workers}")
    env = {**os.environ, "SCR_DATABASE_URL": url, "SCR_DEMO": "true"}
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base) as probe:
            wait_until_up(probe, server, minutes=5)
        print(
            f"{args.engine}, {args.workers} worker(s), {len(ids)} reviews, "
            f"{args.seconds:g} s per level"
        )
        print(
            f"{'clients':>7} {'good/s':>8} {'503':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}"
            f" {'change p95':>10} {'pattern p95':>11}"
        )
        for clients in (int(n) for n in args.levels.split(",")):
            row = _level(base, token, ids, clients, args.seconds)
            print(
                f"{clients:>7} {row['good/s']:>8.1f} {row['503']:>6} {row['errors']:>6} "
                f"{row['p50 ms']:>8.0f} {row['p95 ms']:>8.0f} {row['change p95']:>10.0f} "
                f"{row['pattern p95']:>11.0f}  {row['statuses']}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
