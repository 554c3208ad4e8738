"""Validation errors, said in sentences a reviewer understands (for the API and the CLI)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class FieldProblem(BaseModel):
    """One problem with one field of a request or file."""

    field: str
    loc: list[str | int]
    message: str
    type: str


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


def describe(error: Any, *, whole: str = "The request body") -> FieldProblem:
    """Turn one pydantic error into a field path and a sentence a reviewer understands.

    ``whole`` names the thing itself when the problem is not with one field of it.
    """
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
