"""What clients send and receive about causal links."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from scr.common.schemas import ReadBase, WriteBase, reject_null
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
    kind: LinkKind | None = None
    source: NodeKey | None = None
    target: NodeKey | None = None
    evidence_note: LongText | None = None

    _not_null = reject_null("kind", "source", "target")


class LinkRead(ReadBase):
    review_id: int
    kind: LinkKind
    source: str
    target: str
    evidence_note: str | None
