"""covering index of tags for suggestions

Revision ID: c7d2e5f8a913
Revises: 3b8e5d2c7a14
Create Date: 2026-12-06 23:00:00

Suggestions of earlier findings look up the findings holding each of a finding's agreed codes,
with their reviews: an index by code, record kind and agreed that holds the record's and the
review's ids answers that from the index alone.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "c7d2e5f8a913"
down_revision: str | None = "3b8e5d2c7a14"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tag_coded_records",
            ["code", "target_kind", "agreed", "target_id", "review_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.drop_index("ix_tag_coded_records")
