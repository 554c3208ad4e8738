"""What ``scr serve --workers N`` adds to each request: GET /api/v1/health (and a read that
writes nothing), one keep-alive connection, one request after another, 1 and 4 workers.

Several workers share a socket uvicorn binds before it starts them; without TCP_NODELAY on
its connections, Nagle's algorithm and delayed acknowledgements hold each small answer back
by about 40 ms. It prints the median and p95 per worker count, for uvicorn as it comes and
for ``scr serve`` (aim: 4 workers no slower than 1). Loopback only; each server stops when
its run ends.

Run: ``.venv/bin/python -m benchmarks.workers [--requests 300]``; on PostgreSQL:
``./scripts/with-postgres .venv/bin/python -m benchmarks.workers --engines postgresql``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlmodel import Session

from benchmarks.common import (
    QUIET,
    engines_here,
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
from scr.vocabulary import Role


def _command(how: str, port: int, workers: int) -> list[str]:
    if how == "scr serve":
        scr = str(Path(sys.executable).with_name("scr"))
        return [scr, "serve", f"--port={port}", f"--workers={workers}"]
    return [
        *(sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", *QUIET),
        *(f"--port={port}", f"--workers={workers}", "--timeout-worker-healthcheck=300"),
    ]


PATHS = ("/api/v1/health", "/api/v1/typologies")
"""/health writes (and removes) a probe row, so it waits for the disk; the typology list
reads only, so it shows what the server itself adds."""


def _token(url: str) -> str:
    """An access token of a new national analyst (the demo's fixed key signs it)."""
    os.environ["SCR_DEMO"] = "true"
    get_settings.cache_clear()
    engine = make_engine(url)
    with Session(engine) as session:
        user = User(
            email=f"benchmark.workers.{time.time_ns()}@example.org",
            role=Role.national,
            password_hash="not a hash: benchmarks sign in with a token",
        )
        session.add(user)
        session.commit()
        subject = str(user.id)
    engine.dispose()
    return security.issue_access_token(
        subject=subject, secret=signing_secret(get_settings()), minutes=60
    )


def _measure(url: str, how: str, workers: int, requests: int) -> dict[str, list[float]]:
    port = free_port()
    server = subprocess.Popen(
        _command(how, port, workers),
        env={**os.environ, "SCR_DATABASE_URL": url, "SCR_DEMO": "true"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        headers = {"Authorization": f"Bearer {_token(url)}"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
            wait_until_up(client, server, minutes=5)  # workers start slowly on a busy machine
            for _ in range(20):  # every worker warmed up
                client.get("/api/v1/health")
            figures = {}
            for path in PATHS:
                times = []
                for _ in range(requests):
                    began = time.perf_counter()
                    client.get(path).raise_for_status()
                    times.append(time.perf_counter() - began)
                figures[path] = times
            return figures
    finally:
        server.terminate()
        server.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    folder = scratch_folder("scr-bench-workers-")
    print(f"{args.requests} GETs one after another on one connection, milliseconds")
    print("engine      served by           workers  path                  median     p95")
    for engine_name in engines_here(args.engines.split(",")):
        url = fresh_database(engine_name, folder, "scr_bench_workers")
        migrate.upgrade(url)
        for how in ("uvicorn as shipped", "scr serve"):
            for workers in (1, 4):
                for path, times in _measure(url, how, workers, args.requests).items():
                    print(
                        f"{engine_name:<10}  {how:<18} {workers:>8}  {path:<20}"
                        f"{statistics.median(times) * 1000:>7.1f} {p95(times) * 1000:>7.1f}"
                    )


if __name__ == "__main__":
    main()
