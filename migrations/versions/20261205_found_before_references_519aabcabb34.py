"""found before references

Revision ID: 519aabcabb34
Revises: a80870fe74f7
Create Date: 2026-12-05 00:40:00

The found-before links an imported line carries (scr-exchange/1.1): each imported finding's
earlier findings, named by their review's source and their number there, kept as received so
that the links are made whichever review arrives first. Deleted with the copy (ON DELETE
CASCADE).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "519aabcabb34"
down_revision: str | None = "a80870fe74f7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "found_before_reference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("source_instance", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("source_board", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("reference", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("finding_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
            name=op.f("fk_found_before_reference_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_found_before_reference_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_found_before_reference")),
        sa.UniqueConstraint(
            "finding_id",
            "source_instance",
            "source_board",
            "reference",
            "finding_number",
            name="uq_found_before_reference",
        ),
    )
    with op.batch_alter_table("found_before_reference", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_found_before_reference_finding_id"), ["finding_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_found_before_reference_review_id"), ["review_id"], unique=False
        )
        batch_op.create_index(
            "ix_found_before_reference_source",
            ["source_instance", "source_board", "reference"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("found_before_reference", schema=None) as batch_op:
        batch_op.drop_index("ix_found_before_reference_source")
        batch_op.drop_index(batch_op.f("ix_found_before_reference_review_id"))
        batch_op.drop_index(batch_op.f("ix_found_before_reference_finding_id"))

    op.drop_table("found_before_reference")
