"""The long fuzz run: Schemathesis's every check, as each role, for longer than the suite can.

For each role (admin, lead reviewer of the demo review, a reviewer not on it, a board member
of its board, a national analyst) on a fresh database with the fictional demo loaded, it
sends generated requests to every operation (``--examples`` each, seed fixed), then runs
``--scenarios`` stateful scenarios (chains of calls along the links Schemathesis infers).
Requests commit for real, so later ones meet what earlier ones made. Failures are counted,
not raised, so the run goes on; it prints per role the requests sent, server errors,
undocumented statuses, schema violations and every other check that failed, with the first
example of each, and exits 1 if any check failed.

Run: ``.venv/bin/python -m benchmarks.fuzz [--examples 125] [--seed 19]``; on PostgreSQL:
``./scripts/with-postgres .venv/bin/python -m benchmarks.fuzz``. ``scripts/fuzz`` runs both.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis.errors import Flaky
from schemathesis.config import SchemathesisConfig
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlmodel import Session

from api.main import create_app
from benchmarks.common import scratch_folder
from scr import migrate
from scr.account import security
from scr.account import service as account_service
from scr.account.models import User
from scr.config import get_settings, signing_secret
from scr.db import get_engine
from scr.demo.loader import load_demo
from scr.vocabulary import Role

ROLES = ("admin", "lead reviewer", "other reviewer", "board member", "national analyst")
CONFIG = SchemathesisConfig.from_path(Path(__file__).resolve().parents[1] / "schemathesis.toml")
HEADLINE = {
    "ServerError": "server errors",
    "UndefinedStatusCode": "undocumented statuses",
    "JsonSchemaError": "schema violations",
}
"""The failures the issue counts, by Schemathesis's class for them."""


@schemathesis.serializer("application/x-ndjson")
def _ndjson(_ctx: object, value: object) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


def _database(folder: str, role: str) -> str:
    url = os.environ.get("SCR_TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{folder}/fuzz-{role.replace(' ', '-')}.sqlite3"
    name = f"fuzz_{role.replace(' ', '_')}_{time.time_ns()}"
    with create_engine(url, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _account(url: str, role: str) -> dict[str, str]:
    os.environ["SCR_DATABASE_URL"] = url
    get_settings.cache_clear()
    get_engine.cache_clear()
    migrate.upgrade(url)
    with Session(get_engine()) as session:
        review, _created = load_demo(session=session)
        kinds = {
            "admin": (Role.admin, None),
            "lead reviewer": (Role.reviewer, None),
            "other reviewer": (Role.reviewer, None),
            "board member": (Role.board, review.board_id),
            "national analyst": (Role.national, None),
        }
        kind, board_id = kinds[role]
        user = User(
            email=f"fuzz.{kind.value}@example.org",
            role=kind,
            board_id=board_id,
            password_hash="not a hash: the fuzz run signs in with a token",
        )
        session.add(user)
        session.flush()
        if role == "lead reviewer":
            assert user.id is not None
            assert review.id is not None
            account_service.assign_user(
                session=session, user_id=user.id, review_id=review.id, lead=True
            )
        session.commit()
        token = security.issue_access_token(
            subject=str(user.id), secret=signing_secret(get_settings()), minutes=24 * 60
        )
    return {"Authorization": f"Bearer {token}"}


def _operation(
    operation: Any,
    headers: dict[str, str],
    run: settings,
    run_seed: int,
    found: Counter[str],
    record: Any,
    record_flaky: Any,
) -> None:
    @seed(run_seed)
    @given(case=operation.as_strategy())
    @run
    def check(case: schemathesis.Case) -> None:
        found["requests"] += 1
        try:
            case.call_and_validate(headers=headers)
        except (AssertionError, BaseExceptionGroup) as exc:  # Schemathesis's failures
            record(exc, operation.label)

    try:
        check()
    except Flaky as exc:
        # The database changes under the run (requests commit), so Hypothesis may fail to
        # replay a case while shrinking it; the failure it was shrinking was recorded already.
        record_flaky(exc, operation.label)


def _fuzz_role(role: str, folder: str, examples: int, scenarios: int, run_seed: int) -> Counter:
    headers = _account(_database(folder, role), role)
    app = create_app(check_migrations=False)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app, config=CONFIG)
    found: Counter[str] = Counter()
    first: dict[str, str] = {}

    def record(exc: BaseException, label: str) -> None:
        for failure in getattr(exc, "exceptions", [exc]):
            name = type(failure).__name__
            found[name] += 1
            title = getattr(failure, "title", name)
            first.setdefault(name, f"{label}: {title}: {str(failure).strip()[:200]!r}")

    def record_flaky(exc: BaseException, label: str) -> None:
        found["replays that failed"] += 1
        first.setdefault("replay", f"{label}: {type(exc).__name__}: {str(exc)[:200]!r}")

    run = settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    for result in schema.get_all_operations():
        _operation(result.ok(), headers, run, run_seed, found, record, record_flaky)

    class Signed(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            found["requests"] += 1
            return {"headers": headers}

    try:  # (the first failure ends the stateful phase; Hypothesis then shrinks it)
        Signed.run(
            settings=settings(run, max_examples=scenarios, stateful_step_count=30, derandomize=True)
        )
    except (AssertionError, BaseExceptionGroup) as exc:
        record(exc, "stateful")
    except Flaky as exc:
        record_flaky(exc, "stateful")
    for title, example in sorted(first.items()):
        print(f"    first {title}: {example}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=125, help="Per operation and role.")
    parser.add_argument("--scenarios", type=int, default=20, help="Stateful, per role.")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--roles", default=",".join(ROLES))
    args = parser.parse_args(argv)
    os.environ.setdefault("SCR_DEMO", "true")
    os.environ["SCR_SIGN_IN_FAILURES_PER_MINUTE"] = "1000000"
    folder = scratch_folder("scr-fuzz-")
    engine = "postgresql" if os.environ.get("SCR_TEST_DATABASE_URL") else "sqlite"
    failed = False
    for role in args.roles.split(","):
        began = time.perf_counter()
        print(f"{engine}, {role}:", flush=True)
        found = _fuzz_role(role, folder, args.examples, args.scenarios, args.seed)
        requests = found.pop("requests")
        figures = ", ".join(f"{found.get(t, 0)} {h}" for t, h in HEADLINE.items())
        replays = found.pop("replays that failed", 0)
        others = {k: v for k, v in found.items() if k not in HEADLINE}
        print(
            f"  {requests} requests in {time.perf_counter() - began:.0f} s: {figures}"
            + (f"; other checks failed: {dict(others)}" if others else "")
            + (f"; {replays} runs Hypothesis could not replay" if replays else ""),
            flush=True,
        )
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
