"""Causal links: the typed edges of the review's graph."""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, enum_column, enum_type, narrative
from scr.common.types import LongText
from scr.vocabulary import LinkKind, NodeKind


class LinkFields(SQLModel):
    """A causal link's fields a client writes: the table and its schemas share them."""

    kind: LinkKind = Field(
        sa_type=enum_type(LinkKind),
        description="How the source bears on the target: contributed to, influenced, led to or "
        "evidenced by.",
    )
    evidence_note: LongText | None = narrative("The evidence for the link.")


class CausalLink(LinkFields, Tracked, table=True):
    __tablename__ = "causal_link"
    __table_args__ = (
        sa.UniqueConstraint(
            "review_id",
            "kind",
            "source_kind",
            "source_id",
            "target_kind",
            "target_id",
            name="uq_causal_link_edge",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    source_kind: NodeKind = Field(sa_column=enum_column(NodeKind))
    source_id: int
    target_kind: NodeKind = Field(sa_column=enum_column(NodeKind))
    target_id: int

    @property
    def source(self) -> str:
        """The source's node key, e.g. ``factor:7``."""
        return f"{self.source_kind.value}:{self.source_id}"

    @property
    def target(self) -> str:
        """The target's node key, e.g. ``episode:12``."""
        return f"{self.target_kind.value}:{self.target_id}"
