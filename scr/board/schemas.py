"""What clients send and receive about boards."""

from __future__ import annotations

from scr.board.models import BoardCode, BoardFields
from scr.common.schemas import DescribedRead, UpdateBase, WriteBase, reject_null
from scr.common.types import ShortText, Version
from scr.vocabulary import Region


class BoardCreate(BoardFields, WriteBase):
    """A safeguarding partnership, as a client writes it."""


class BoardUpdate(UpdateBase, fields=BoardFields):
    version: Version
    name: ShortText | None = None
    code: BoardCode | None = None
    region: Region | None = None

    _not_null = reject_null("name", "code", "region")


class BoardRead(DescribedRead, fields=BoardFields):
    name: str
    code: str
    region: Region
