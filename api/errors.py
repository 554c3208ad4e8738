"""Domain errors and validation failures, turned into HTTP answers in one place."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from scr.common.problems import FieldProblem, describe
from scr.db import is_disk_full
from scr.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotFound,
    TooLarge,
    TooManyAttempts,
    Unauthenticated,
)

log = logging.getLogger(__name__)


class ErrorBody(BaseModel):
    """Every error answer: ``detail`` is a sentence for a person; other keys help a program."""

    model_config = ConfigDict(extra="allow")

    detail: str
    errors: list[FieldProblem] = []


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such record (or not yours to see)."},
    409: {"model": ErrorBody, "description": "Clashes with the current state of the data."},
    422: {"model": ErrorBody, "description": "The request is not valid; `errors` lists why."},
    401: {"model": ErrorBody, "description": "Not signed in, or the sign-in is not valid."},
    403: {"model": ErrorBody, "description": "Your role does not allow this."},
    429: {"model": ErrorBody, "description": "Too many attempts; wait and try again."},
    413: {"model": ErrorBody, "description": "The request body is too large."},
    408: {"model": ErrorBody, "description": "The request body arrived too slowly."},
    503: {"model": ErrorBody, "description": "The database is busy; try again in a moment."},
    507: {"model": ErrorBody, "description": "The server's disk is full; nothing was saved."},
}
"""Every error status the service answers (api.limits, and the handlers below); every
operation lists them all, since any request may meet a full disk or a busy database."""

_STATUS = {
    NotFound: 404,
    Conflict: 409,
    InvalidInput: 422,
    Forbidden: 403,
    Unauthenticated: 401,
    TooManyAttempts: 429,
    TooLarge: 413,
}


def _json(status: int, body: ErrorBody) -> JSONResponse:
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"))


def _validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [describe(e) for e in exc.errors()]
    if len(problems) == 1:
        detail = problems[0].message
    else:
        detail = (
            f"The request has {len(problems)} problems: "
            + "; ".join(p.message.rstrip(".") for p in problems[:10])
            + "."
        )
    return _json(422, ErrorBody(detail=detail, errors=problems))


def _inner_validation(_request: Request, exc: Exception) -> JSONResponse:
    # A schema built inside a service from input that passed the request's own schema.
    assert isinstance(exc, ValidationError)
    problems = [describe(e) for e in exc.errors()]
    detail = "; ".join(p.message.rstrip(".") for p in problems[:10]) + "."
    return _json(422, ErrorBody(detail=detail, errors=problems))


def _domain(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    status = next((code for cls, code in _STATUS.items() if isinstance(exc, cls)), 422)
    errors = []
    if isinstance(exc, InvalidInput):
        loc = list(exc.field)
        field = ".".join(str(p) for p in loc if p != "body") or "body"
        errors.append(FieldProblem(field=field, loc=loc, message=exc.message, type="rule"))
    answer = _json(status, ErrorBody(detail=exc.message, errors=errors, **exc.details))
    if isinstance(exc, Unauthenticated):
        answer.headers["WWW-Authenticate"] = "Bearer"
    return answer


def _http(_request: Request, exc: Exception) -> JSONResponse:
    # FastAPI's own refusals: no route (404), a method the path does not take (405), and a
    # body it could not parse, which it answers 400 "There was an error parsing the body":
    # that is bad input like any other, so 422 with a sentence (a body nested thousands deep
    # is one: the JSON parser gives up with a RecursionError).
    assert isinstance(exc, HTTPException)
    if exc.status_code == 400:
        if isinstance(exc.__cause__, RecursionError):
            detail = "The request body is nested too deeply to read."
        else:
            detail = "The request body could not be read: it is not in the form this takes."
        return _json(422, ErrorBody(detail=detail))
    answer = _json(exc.status_code, ErrorBody(detail=str(exc.detail)))
    answer.headers.update(exc.headers or {})
    return answer


def _integrity(_request: Request, exc: Exception) -> JSONResponse:
    # The services check what they can; a race between two writers can still reach here.
    log.warning("integrity error: %s", exc)
    return _json(
        409,
        ErrorBody(
            detail="The change clashes with data saved at the same moment. Reload and retry."
        ),
    )


DISK_FULL = (
    "The server has run out of disk space, so nothing can be saved (and as every read is "
    "recorded in the audit trail, nothing can be read either). Nothing of this request was "
    "saved. Ask the administrator to free space on the server."
)


BUSY = "The database is busy. Please try again in a moment."


def _disk_full(exc: Exception) -> JSONResponse:
    log.error("out of disk space: %s", exc)
    return _json(507, ErrorBody(detail=DISK_FULL))


def _busy(_request: Request, exc: Exception) -> JSONResponse:
    if is_disk_full(exc):
        return _disk_full(exc)
    log.warning("database busy: %s", exc)
    answer = _json(503, ErrorBody(detail=BUSY))
    answer.headers["Retry-After"] = "1"
    return answer


def _os_error(_request: Request, exc: Exception) -> JSONResponse:
    # A file the server writes (an upload kept while it is checked, say) on a full disk.
    if not is_disk_full(exc):
        raise exc
    return _disk_full(exc)


def install(app: FastAPI) -> None:
    """Register the translations on ``app``."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(ValidationError, _inner_validation)
    app.add_exception_handler(DomainError, _domain)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(IntegrityError, _integrity)
    app.add_exception_handler(OperationalError, _busy)
    app.add_exception_handler(PoolTimeout, _busy)  # no connection came free in time
    app.add_exception_handler(OSError, _os_error)
