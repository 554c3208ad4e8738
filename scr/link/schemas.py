"""What clients send and receive about causal links."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from scr.common.schemas import DescribedRead, UpdateBase, WriteBase, reject_null
from scr.common.types import LongText, Version
from scr.link.models import LinkFields
from scr.vocabulary import LinkKind

_NODE = "A record of the same review, as kind:id, e.g. factor:7 or episode:12."

NodeKey = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^(episode|factor|finding):[1-9][0-9]{0,9}$"),
    Field(
        description=_NODE,
        examples=["factor:7"],
    ),
]


class LinkCreate(LinkFields, WriteBase):
    __field_order__ = ("kind", "source", "target", "evidence_note")

    source: NodeKey
    target: NodeKey


class LinkUpdate(UpdateBase, fields=LinkFields):
    version: Version
    kind: LinkKind | None = None
    source: NodeKey | None = Field(default=None, description=_NODE)
    target: NodeKey | None = Field(default=None, description=_NODE)
    evidence_note: LongText | None = None

    _not_null = reject_null("kind", "source", "target")


class LinkRead(DescribedRead, fields=LinkFields):
    review_id: int = Field(description="The review the link belongs to.")
    kind: LinkKind
    source: str = Field(description="The record it starts from, as kind:id, e.g. factor:7.")
    target: str = Field(description="The record it points to, as kind:id, e.g. episode:12.")
    evidence_note: str | None
