"""Field types shared by every schema: text that both database engines store safely."""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema

MAX_INT = 2_147_483_647
"""Largest value of a 32-bit integer column; ids above it cannot exist on PostgreSQL."""


def storable(value: str) -> str:
    """``value`` if both database engines can store it; ValueError saying why not."""
    return _storable(value)


_CONTROLS = re.compile("[\x01-\x08\x0b-\x1f\ufffe\uffff]")
"""C0 control characters but tab and newline, and the two non-characters: text holding them
is not well-formed XML, so the GraphML and GEXF files could not be read back."""

_UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
"""Every character ``_storable`` refuses, found in one scan (most text has none)."""


def _storable(value: str) -> str:
    if _UNSTORABLE.search(value) is None:
        return value
    if "\x00" in value:
        raise ValueError("must not contain the NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains characters that are not valid text") from None
    found = _CONTROLS.search(value)
    if found:
        raise ValueError(
            f"must not contain control characters (U+{ord(found.group()):04X} at position "
            f"{found.start() + 1}); only tab and newline are allowed"
        )
    return value


Id = Annotated[int, Field(ge=1, le=MAX_INT)]
Version = Annotated[
    int,
    Field(ge=1, le=MAX_INT, description="The version you read; a stale one answers 409."),
]
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_storable),
]
"""A title, label, reference or role: one line, at most 200 characters."""

LongText = Annotated[str, StringConstraints(max_length=20_000), AfterValidator(_storable)]
"""A narrative field (what happened, appraisal, ...): up to 20,000 characters."""

Paragraph = Annotated[
    str, StringConstraints(min_length=1, max_length=1000), AfterValidator(_storable)
]
"""A paragraph that must fit a 1,000-character column (a factor's description).

A ``Field(max_length=...)`` on a ``LongText`` field does not narrow it (its own
``StringConstraints`` win), so a narrower text needs a type of its own, as here."""

Code = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(_storable),
]
"""A typology code or agency code."""


_TIME_OF_DAY = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$"


def _time_of_day(value: Any) -> Any:
    if isinstance(value, time) and value.tzinfo is None:
        return value
    if isinstance(value, str) and re.fullmatch(_TIME_OF_DAY, value):
        return value
    raise ValueError("must be a time of day written HH:MM or HH:MM:SS, without a time zone")


TimeOfDay = Annotated[
    time,
    BeforeValidator(_time_of_day),
    WithJsonSchema({"type": "string", "pattern": _TIME_OF_DAY, "examples": ["14:30"]}),
]
"""A local time of day, as a record gives it ("14:30"). JSON Schema's ``format: time`` is
RFC 3339's full time, which needs a time zone that a chronology entry does not have."""
