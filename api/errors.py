"""Domain errors and validation failures, turned into HTTP answers in one place."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import IntegrityError, OperationalError

from scr.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound

log = logging.getLogger(__name__)


class FieldProblem(BaseModel):
    """One problem with one field of a request."""

    field: str
    loc: list[str | int]
    message: str
    type: str


class ErrorBody(BaseModel):
    """Every error answer: ``detail`` is a sentence for a person; other keys help a program."""

    model_config = ConfigDict(extra="allow")

    detail: str
    errors: list[FieldProblem] = []


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such record (or not yours to see)."},
    409: {"model": ErrorBody, "description": "Clashes with the current state of the data."},
    422: {"model": ErrorBody, "description": "The request is not valid; `errors` lists why."},
}

_STATUS = {NotFound: 404, Conflict: 409, InvalidInput: 422, Forbidden: 403}


def _sentence(error: Any) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    simple = {
        "missing": "is required.",
        "extra_forbidden": "is not a field of this record.",
        "int_parsing": "must be a whole number.",
        "int_type": "must be a whole number.",
        "int_from_float": "must be a whole number.",
        "bool_parsing": "must be true or false.",
        "bool_type": "must be true or false.",
        "string_type": "must be text.",
        "list_type": "must be a list.",
        "dict_type": "must be a JSON object.",
        "model_attributes_type": "must be a JSON object.",
        "model_type": "must be a JSON object.",
        "date_parsing": "must be a date written as YYYY-MM-DD.",
        "date_from_datetime_parsing": "must be a date written as YYYY-MM-DD.",
        "date_from_datetime_inexact": "must be a date written as YYYY-MM-DD, without a time.",
        "date_type": "must be a date written as YYYY-MM-DD.",
    }
    if kind in simple:
        return simple[kind]
    if kind == "json_invalid":
        return f"is not valid JSON ({ctx.get('error', 'it could not be read')})."
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters."
    if kind == "string_too_short":
        return (
            "must not be empty."
            if ctx.get("min_length") == 1
            else (f"is too short: at least {ctx.get('min_length')} characters.")
        )
    if kind == "too_long":
        return f"has too many items: at most {ctx.get('max_length')}."
    if kind in ("enum", "literal_error"):
        return f"must be one of: {ctx.get('expected')}."
    if kind == "string_pattern_mismatch":
        return f"is not in the expected form (it must match {ctx.get('pattern')})."
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}."
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}."
    message = str(error.get("msg", "is not valid."))
    return message.removeprefix("Value error, ")


def _problem(error: Any) -> FieldProblem:
    loc = [part for part in error.get("loc", ()) if isinstance(part, str | int)]
    named = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    field = ".".join(named) or "body"
    sentence = _sentence(error)
    if error.get("type") == "json_invalid":
        return FieldProblem(
            field="body", loc=loc, message=f"The request body {sentence}", type="json_invalid"
        )
    return FieldProblem(
        field=field, loc=loc, message=f"{field} {sentence}", type=str(error.get("type"))
    )


def _json(status: int, body: ErrorBody) -> JSONResponse:
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"))


def _validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [_problem(e) for e in exc.errors()]
    if len(problems) == 1:
        detail = problems[0].message
    else:
        detail = (
            f"The request has {len(problems)} problems: "
            + "; ".join(p.message.rstrip(".") for p in problems[:10])
            + "."
        )
    return _json(422, ErrorBody(detail=detail, errors=problems))


def _domain(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    status = next((code for cls, code in _STATUS.items() if isinstance(exc, cls)), 400)
    errors = []
    if isinstance(exc, InvalidInput):
        loc = list(exc.field)
        field = ".".join(str(p) for p in loc if p != "body") or "body"
        errors.append(FieldProblem(field=field, loc=loc, message=exc.message, type="rule"))
    return _json(status, ErrorBody(detail=exc.message, errors=errors, **exc.details))


def _integrity(_request: Request, exc: Exception) -> JSONResponse:
    # The services check what they can; a race between two writers can still reach here.
    log.warning("integrity error: %s", exc)
    return _json(
        409,
        ErrorBody(
            detail="The change clashes with data saved at the same moment. Reload and retry."
        ),
    )


def _busy(_request: Request, exc: Exception) -> JSONResponse:
    log.warning("database busy: %s", exc)
    return _json(503, ErrorBody(detail="The database is busy. Please try again in a moment."))


def install(app: FastAPI) -> None:
    """Register the translations on ``app``."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(DomainError, _domain)
    app.add_exception_handler(IntegrityError, _integrity)
    app.add_exception_handler(OperationalError, _busy)
