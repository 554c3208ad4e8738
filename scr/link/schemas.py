"""What clients send and receive about causal links."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from scr.common.schemas import ReadBase, WriteBase
from scr.common.types import LongText, Version
from scr.vocabulary import LinkKind

NodeKey = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^(episode|factor|finding):[1-9][0-9]{0,9}$"),
    Field(
        description="A record of the same review, as kind:id, e.g. factor:7 or episode:12.",
        examples=["factor:7"],
    ),
]


class LinkCreate(WriteBase):
    kind: LinkKind
    source: NodeKey
    target: NodeKey
    evidence_note: LongText | None = None


class LinkUpdate(WriteBase):
    version: Version
    kind: LinkKind = Field(default=None)
    source: NodeKey = Field(default=None)
    target: NodeKey = Field(default=None)
    evidence_note: LongText | None = None


class LinkRead(ReadBase):
    review_id: int
    kind: LinkKind
    source: str
    target: str
    evidence_note: str | None
