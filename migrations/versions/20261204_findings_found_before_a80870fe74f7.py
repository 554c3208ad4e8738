"""findings found before

Revision ID: a80870fe74f7
Revises: 5c1f0a9d7b42
Create Date: 2026-12-04 21:05:13

A finding found before: the link from a review's finding to an earlier finding like it, in
another review ("found before in ..."). Deleting either finding, or the linking review,
deletes the link in the database (ON DELETE CASCADE), since a review's records are deleted with
Core statements that no ORM hook sees.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import scr.common.columns

revision: str = "a80870fe74f7"
down_revision: str | None = "5c1f0a9d7b42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "found_before",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", scr.common.columns.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", scr.common.columns.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("earlier_finding_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["earlier_finding_id"],
            ["finding.id"],
            name=op.f("fk_found_before_earlier_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
            name=op.f("fk_found_before_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_found_before_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_found_before")),
        sa.UniqueConstraint("finding_id", "earlier_finding_id", name="uq_found_before_pair"),
    )
    with op.batch_alter_table("found_before", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_found_before_earlier_finding_id"), ["earlier_finding_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_found_before_finding_id"), ["finding_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_found_before_review_id"), ["review_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("found_before", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_found_before_review_id"))
        batch_op.drop_index(batch_op.f("ix_found_before_finding_id"))
        batch_op.drop_index(batch_op.f("ix_found_before_earlier_finding_id"))

    op.drop_table("found_before")
