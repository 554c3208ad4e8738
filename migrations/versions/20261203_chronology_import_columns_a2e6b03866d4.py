"""chronology entry times, author roles and remembered columns

Revision ID: a2e6b03866d4
Revises: 7960deb8e153
Create Date: 2026-12-03 08:21:45

Agencies' chronologies come in as spreadsheets: an entry keeps the time and the author's role
where the agency gives them, and each board remembers how an agency names its columns.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import scr.common.columns

revision: str = "a2e6b03866d4"
down_revision: str | None = "7960deb8e153"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chronology_columns",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", scr.common.columns.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", scr.common.columns.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_chronology_columns_agency_id_agency")
        ),
        sa.ForeignKeyConstraint(
            ["board_id"], ["board.id"], name=op.f("fk_chronology_columns_board_id_board")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chronology_columns")),
        sa.UniqueConstraint(
            "board_id", "agency_id", name=op.f("uq_chronology_columns_board_id_agency_id")
        ),
    )
    with op.batch_alter_table("chronology_columns", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chronology_columns_agency_id"), ["agency_id"], unique=False
        )

    with op.batch_alter_table("chronology_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("entry_time", sa.Time(), nullable=True))
        batch_op.add_column(
            sa.Column("author_role", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("chronology_entry", schema=None) as batch_op:
        batch_op.drop_column("author_role")
        batch_op.drop_column("entry_time")

    with op.batch_alter_table("chronology_columns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chronology_columns_agency_id"))

    op.drop_table("chronology_columns")
