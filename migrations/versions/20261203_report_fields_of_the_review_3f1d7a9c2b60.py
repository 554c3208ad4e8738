"""report fields of the review

Revision ID: 3f1d7a9c2b60
Revises: 0a17adee8212
Create Date: 2026-12-03 08:40:00

What the published report says beside the analysis (scr/report): why the case was reviewed,
the family by pseudonym and relationship, independence, methodological comment and
limitations, acknowledgements.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3f1d7a9c2b60"
down_revision: str | None = "0a17adee8212"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = ("reason_for_review", "independence", "methodological_comment", "acknowledgements")


def upgrade() -> None:
    with op.batch_alter_table("review") as batch_op:
        for name in _TEXTS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("family_composition", sa.JSON(), nullable=False, server_default="[]")
        )
    with op.batch_alter_table("review") as batch_op:
        batch_op.alter_column("family_composition", existing_type=sa.JSON(), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("review") as batch_op:
        batch_op.drop_column("family_composition")
        for name in reversed(_TEXTS):
            batch_op.drop_column(name)
