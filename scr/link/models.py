"""Causal links: the typed edges of the review's graph."""

import sqlalchemy as sa
from sqlmodel import Field

from scr.common.columns import Tracked, enum_column
from scr.vocabulary import LinkKind, NodeKind


class CausalLink(Tracked, table=True):
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
    kind: LinkKind = Field(sa_column=enum_column(LinkKind))
    source_kind: NodeKind = Field(sa_column=enum_column(NodeKind))
    source_id: int
    target_kind: NodeKind = Field(sa_column=enum_column(NodeKind))
    target_id: int
    evidence_note: str | None = Field(default=None, sa_type=sa.Text)

    @property
    def source(self) -> str:
        """The source's node key, e.g. ``factor:7``."""
        return f"{self.source_kind.value}:{self.source_id}"

    @property
    def target(self) -> str:
        """The target's node key, e.g. ``episode:12``."""
        return f"{self.target_kind.value}:{self.target_id}"
