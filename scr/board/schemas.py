"""What clients send and receive about boards."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from scr.common.schemas import ReadBase, WriteBase, reject_null
from scr.common.types import ShortText, Version
from scr.vocabulary import Region

BoardCode = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=50, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$"
    ),
]
"""A short code for the partnership: letters, digits, '-' and '_' (e.g. ``NORTHBY``)."""


class BoardCreate(WriteBase):
    name: ShortText = Field(examples=["Northby Safeguarding Children Partnership"])
    code: BoardCode = Field(examples=["NORTHBY"])
    region: Region


class BoardUpdate(WriteBase):
    version: Version
    name: ShortText | None = None
    code: BoardCode | None = None
    region: Region | None = None

    _not_null = reject_null("name", "code", "region")


class BoardRead(ReadBase):
    name: str
    code: str
    region: Region
