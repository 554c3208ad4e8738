"""What the benchmarks share: timing, and a client signed in as a given role."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from api.main import create_app
from scr.account import security
from scr.account.models import User
from scr.config import get_settings, signing_secret
from scr.vocabulary import Role


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


def signed_in(engine: Engine, role: Role, board_id: int | None = None) -> TestClient:
    """A client of the app, signed in as a new account of ``role`` (fictional demo key)."""
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
    return TestClient(
        create_app(check_migrations=False), headers={"Authorization": f"Bearer {token}"}
    )
