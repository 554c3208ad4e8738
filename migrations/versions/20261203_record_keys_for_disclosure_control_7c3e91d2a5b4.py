"""record keys for disclosure control

Revision ID: 7c3e91d2a5b4
Revises: c5f4418c5710
Create Date: 2026-12-03 08:30:00

Each review gets its fixed random record key for the cell key method
(scr/patterns/disclosure.py); existing reviews are given one here.
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7c3e91d2a5b4"
down_revision: str | None = "c5f4418c5710"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_KEYS = 2**30  # as scr.review.models.RECORD_KEYS when this was written


def upgrade() -> None:
    with op.batch_alter_table("review") as batch_op:
        batch_op.add_column(sa.Column("record_key", sa.Integer(), nullable=True))
    bind = op.get_bind()
    review = sa.table("review", sa.column("id", sa.Integer), sa.column("record_key", sa.Integer))
    ids = [row[0] for row in bind.execute(sa.select(review.c.id))]
    if ids:
        bind.execute(
            review.update().where(review.c.id == sa.bindparam("rid")),
            [{"rid": i, "record_key": secrets.randbelow(RECORD_KEYS)} for i in ids],
        )
    with op.batch_alter_table("review") as batch_op:
        batch_op.alter_column("record_key", existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("review") as batch_op:
        batch_op.drop_column("record_key")
