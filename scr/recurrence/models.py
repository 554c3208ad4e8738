"""A finding found before: the link from a review's finding to an earlier finding like it."""

import sqlalchemy as sa
from sqlmodel import Field

from scr.common.columns import Tracked


class FoundBefore(Tracked, table=True):
    """The reviewer's judgement that ``finding_id`` (of review ``review_id``) came back from
    ``earlier_finding_id``, a finding of another review.

    ``review_id`` is the linking finding's review, so a published review's links are frozen
    with it (``scr.review.frozen``). Deleting either finding deletes the link (the database
    cascades), as a finding deleted cannot be found before.
    """

    __tablename__ = "found_before"
    __table_args__ = (
        sa.UniqueConstraint("finding_id", "earlier_finding_id", name="uq_found_before_pair"),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("review.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    finding_id: int = Field(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("finding.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    earlier_finding_id: int = Field(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("finding.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
