"""Schemathesis generates requests from the OpenAPI document, as each role would send them:
none may get a server error, and every answer (its status, content type, headers and body)
must be one the document promises. All of Schemathesis's checks run, in the generating phase
per operation and in its stateful phase (chains of calls along the links it infers).

``scripts/fuzz`` runs the same checks for longer, against a served instance.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig
from sqlalchemy import Connection, Engine
from sqlmodel import Session

from api.main import create_app
from scr.board.models import Board
from scr.demo.loader import load_demo
from scr.vocabulary import Role
from tests.factories import bearer, make_review, make_user

OPENAPI = "/api/v1/openapi.json"
CONFIG = SchemathesisConfig.from_path(Path(__file__).resolve().parents[2] / "schemathesis.toml")
ROLES = ("admin", "lead reviewer", "other reviewer", "board member", "national analyst")
MINIMUM_REQUESTS_PER_ROLE = 2000
EXAMPLES_PER_OPERATION = 30
STATEFUL_SCENARIOS = 10
STATEFUL_STEPS = 20
sent: Counter[str] = Counter()


@schemathesis.serializer("application/x-ndjson")
def _ndjson(_ctx: object, value: object) -> bytes:
    """An exchange file body: the generated value as text, whatever it is."""
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


@functools.cache
def _schema(app: FastAPI) -> Any:
    # Once per application (the suite builds one): reading the document for each of hundreds
    # of tests would cost more than their requests.
    return schemathesis.openapi.from_asgi(OPENAPI, app, config=CONFIG)


@functools.cache
def _operations(app: FastAPI) -> dict[str, schemathesis.APIOperation]:
    return {op.label: op for op in (result.ok() for result in _schema(app).get_all_operations())}


OPERATIONS = sorted(_operations(create_app(check_migrations=False)))


@pytest.fixture(scope="module")
def world(engine: Engine) -> Iterator[tuple[Connection, dict[str, dict[str, str]]]]:
    """The demo review and an account of each role, made once for the module (loading the
    demo for each of hundreds of tests would take minutes), in a transaction rolled back at
    its end; each test then works in a savepoint of its own (``session`` below)."""
    with engine.connect() as connection:
        transaction = connection.begin()
        session = Session(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        review, _created = load_demo(session=session)
        make_review(session)  # a second review, on another board, that only the admin may see
        accounts = {
            "admin": make_user(session, Role.admin),
            "lead reviewer": make_user(session, Role.reviewer, leads=(review,)),
            "other reviewer": make_user(session, Role.reviewer),
            "board member": make_user(
                session, Role.board, board=session.get(Board, review.board_id)
            ),
            "national analyst": make_user(session, Role.national),
        }
        session.commit()
        session.close()
        try:
            yield connection, {role: bearer(user) for role, user in accounts.items()}
        finally:
            transaction.rollback()


@pytest.fixture
def session(world: tuple[Connection, dict[str, dict[str, str]]]) -> Iterator[Session]:
    """Overrides the suite's: a savepoint inside the module's world, rolled back after."""
    connection, _headers = world
    nested = connection.begin_nested()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        session.close()
        if nested.is_active:
            nested.rollback()


@pytest.fixture(scope="module", autouse=True)
def enough_requests_were_sent(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    ran = {item.callspec.params["role"] for item in request.session.items if _here(item)}
    # Checked only when every operation ran for a role (not when one case is run alone).
    whole = len([i for i in request.session.items if _here(i)]) >= len(OPERATIONS) * len(ran)
    if whole:
        short = {role: sent[role] for role in ran if sent[role] < MINIMUM_REQUESTS_PER_ROLE}
        assert not short, f"too few generated requests per role: {short}"


def _here(item: pytest.Item) -> bool:
    return item.module is not None and item.module.__name__ == __name__


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        # Reproducible in CI; SCR_FUZZ_RANDOM=1 explores new inputs on each run.
        derandomize=not os.environ.get("SCR_FUZZ_RANDOM"),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", OPERATIONS)
def test_no_generated_request_gets_an_answer_the_document_does_not_promise(
    app: FastAPI, world: tuple[Connection, dict[str, dict[str, str]]], label: str, role: str
) -> None:
    headers = world[1][role]
    operation = _operations(app)[label]

    @given(case=operation.as_strategy())
    @_settings(EXAMPLES_PER_OPERATION)
    def check(case: schemathesis.Case) -> None:
        sent[role] += 1
        response = case.call_and_validate(headers=headers)
        assert response.status_code != 401 or label == "POST /api/v1/auth/token", response.text

    check()


@pytest.mark.parametrize("role", ROLES)
def test_chains_of_calls_get_answers_the_document_promises(
    app: FastAPI,
    world: tuple[Connection, dict[str, dict[str, str]]],
    session: Session,
    role: str,
) -> None:
    connection, signed_in = world
    headers = signed_in[role]

    class Signed(_schema(app).as_state_machine()):  # type: ignore[misc]
        # Each scenario starts from the same data (Hypothesis replays scenarios, and one that
        # met another's leftovers would not replay the same).
        def setup(self) -> None:
            self.scenario = connection.begin_nested()

        def teardown(self) -> None:
            session.close()
            if self.scenario.is_active:
                self.scenario.rollback()

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            sent[role] += 1
            return {"headers": headers}

    Signed.run(settings=settings(_settings(STATEFUL_SCENARIOS), stateful_step_count=STATEFUL_STEPS))
