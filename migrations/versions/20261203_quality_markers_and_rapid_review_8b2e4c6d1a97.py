"""quality markers and rapid review

Revision ID: 8b2e4c6d1a97
Revises: 3f1d7a9c2b60
Create Date: 2026-12-03 09:00:00

SCIE's quality markers as a checklist on the review (scr/review/quality.py), and the rapid
review's date and outcome.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8b2e4c6d1a97"
down_revision: str | None = "3f1d7a9c2b60"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("review") as batch_op:
        batch_op.add_column(sa.Column("rapid_review_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("rapid_review_outcome", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("quality_markers", sa.JSON(), nullable=False, server_default="[]")
        )
    with op.batch_alter_table("review") as batch_op:
        batch_op.alter_column("quality_markers", existing_type=sa.JSON(), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("review") as batch_op:
        batch_op.drop_column("quality_markers")
        batch_op.drop_column("rapid_review_outcome")
        batch_op.drop_column("rapid_review_date")
