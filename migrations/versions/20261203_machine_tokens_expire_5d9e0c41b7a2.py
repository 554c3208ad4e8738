"""machine tokens expire

Revision ID: 5d9e0c41b7a2
Revises: 45a0aaaf0b23
Create Date: 2026-12-03 13:30:00

A token made before tokens expired gets the default lifetime (90 days) from when it was made,
so one older than that stops working at once and is made again, with an expiry.
"""

from collections.abc import Sequence
from datetime import timedelta

import sqlalchemy as sa
from alembic import op

import scr.common.columns

revision: str = "5d9e0c41b7a2"
down_revision: str | None = "45a0aaaf0b23"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_DAYS = 90


def upgrade() -> None:
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("expires_at", scr.common.columns.UtcDateTime(timezone=True), nullable=True)
        )
    tokens = sa.table(
        "api_token",
        sa.column("id", sa.Integer()),
        sa.column("created_at", scr.common.columns.UtcDateTime(timezone=True)),
        sa.column("expires_at", scr.common.columns.UtcDateTime(timezone=True)),
    )
    connection = op.get_bind()
    for token_id, created_at in connection.execute(sa.select(tokens.c.id, tokens.c.created_at)):
        connection.execute(
            tokens.update()
            .where(tokens.c.id == token_id)
            .values(expires_at=created_at + timedelta(days=DEFAULT_DAYS))
        )
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.alter_column(
            "expires_at",
            existing_type=scr.common.columns.UtcDateTime(timezone=True),
            nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
