"""Schemathesis generates requests from the OpenAPI document: none may get a server error,
and every answer must match the schema the document promises."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from sqlmodel import Session

from api.main import create_app
from scr.demo.loader import load_demo
from scr.vocabulary import Role
from tests.factories import bearer, make_user

OPENAPI = "/api/v1/openapi.json"
MINIMUM_REQUESTS = 1000
EXAMPLES_PER_OPERATION = 40
sent = {"requests": 0}


@schemathesis.serializer("application/x-ndjson")
def _ndjson(_ctx: object, value: object) -> bytes:
    """An exchange file body: the generated value as text, whatever it is."""
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


def _operations(app: FastAPI) -> dict[str, schemathesis.APIOperation]:
    schema = schemathesis.openapi.from_asgi(OPENAPI, app)
    return {op.label: op for op in (result.ok() for result in schema.get_all_operations())}


OPERATIONS = sorted(_operations(create_app(check_migrations=False)))


@pytest.fixture(scope="module", autouse=True)
def enough_requests_were_sent() -> Iterator[None]:
    yield
    assert sent["requests"] >= MINIMUM_REQUESTS, (
        f"only {sent['requests']} generated requests were sent; raise EXAMPLES_PER_OPERATION"
    )


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_generated_request_gets_a_server_error(
    app: FastAPI, session: Session, label: str
) -> None:
    load_demo(session=session)
    # An administrator may call every route, so the requests reach past the sign-in check.
    signed_in = bearer(make_user(session, Role.admin))
    session.commit()
    operation = _operations(app)[label]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        # Reproducible in CI; SCR_FUZZ_RANDOM=1 explores new inputs on each run.
        derandomize=not os.environ.get("SCR_FUZZ_RANDOM"),
    )
    def check(case: schemathesis.Case) -> None:
        sent["requests"] += 1
        response = case.call_and_validate(
            headers=signed_in, checks=[not_a_server_error, response_schema_conformance]
        )
        assert response.status_code != 401 or label == "POST /api/v1/auth/token", response.text

    check()
