"""Every status the service can answer is in the OpenAPI document, for every operation: a
client generated from it (and Schemathesis's status check) then knows each answer's shape."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from api import errors
from api.main import create_app

# What answers other than an operation's own success: the domain errors (api.errors._STATUS),
# validation (422), a clash between writers (409), a busy database (503), a full disk (507),
# and api.limits's refusals of a body too large (413) or too slow (408).
ANSWERED = set(errors._STATUS.values()) | {422, 409, 503, 507, 413, 408}


def _operations(app: FastAPI) -> list[tuple[str, dict[str, Any]]]:
    document = app.openapi()
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def test_every_operation_lists_every_error_status_the_service_answers() -> None:
    app = create_app(check_migrations=False)
    missing = {
        label: sorted(ANSWERED - {int(code) for code in operation["responses"]})
        for label, operation in _operations(app)
    }
    assert {label: codes for label, codes in missing.items() if codes} == {}


def test_every_error_status_is_described_with_the_error_body() -> None:
    app = create_app(check_migrations=False)
    document = app.openapi()
    for label, operation in _operations(app):
        for code in ANSWERED:
            content = operation["responses"][str(code)]["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ErrorBody"}, label
    assert "ErrorBody" in document["components"]["schemas"]
