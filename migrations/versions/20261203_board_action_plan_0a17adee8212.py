"""board action plan

Revision ID: 0a17adee8212
Revises: c33081d597b0
Create Date: 2026-12-03 08:22:26

The Board's actions gain an owning agency, evidence of impact, dated progress notes and a
version (board members change them after publication, so a stale edit must answer 409); the
questions gain a version for the same reason. Existing rows start at version 1, stamped now.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import scr.common.columns

revision: str = "0a17adee8212"
down_revision: str | None = "c33081d597b0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tracked(batch_op: object) -> None:
    """Add the Tracked columns, filled for the rows already there."""
    add = batch_op.add_column  # type: ignore[attr-defined]
    add(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    for name in ("created_at", "updated_at"):
        add(
            sa.Column(
                name,
                scr.common.columns.UtcDateTime(timezone=True),
                nullable=False,
                server_default=sa.func.current_timestamp(),
            )
        )
    add(sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))


def _drop_defaults(table: str) -> None:
    with op.batch_alter_table(table) as batch_op:
        batch_op.alter_column("version", existing_type=sa.Integer(), server_default=None)
        for name in ("created_at", "updated_at"):
            batch_op.alter_column(
                name,
                existing_type=scr.common.columns.UtcDateTime(timezone=True),
                server_default=None,
            )


def upgrade() -> None:
    op.create_table(
        "action_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", scr.common.columns.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"], ["board_action.id"], name=op.f("fk_action_note_action_id_board_action")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_note")),
    )
    with op.batch_alter_table("action_note") as batch_op:
        batch_op.create_index(batch_op.f("ix_action_note_action_id"), ["action_id"], unique=False)

    with op.batch_alter_table("board_action") as batch_op:
        _tracked(batch_op)
        batch_op.add_column(sa.Column("agency_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("evidence_of_impact", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_board_action_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_board_action_due_date"), ["due_date"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_board_action_agency_id_agency"), "agency", ["agency_id"], ["id"]
        )
    with op.batch_alter_table("board_question") as batch_op:
        _tracked(batch_op)
    _drop_defaults("board_action")
    _drop_defaults("board_question")


def downgrade() -> None:
    with op.batch_alter_table("board_question") as batch_op:
        for name in ("updated_by", "updated_at", "created_at", "version"):
            batch_op.drop_column(name)
    with op.batch_alter_table("board_action") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_board_action_agency_id_agency"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_board_action_due_date"))
        batch_op.drop_index(batch_op.f("ix_board_action_agency_id"))
        for name in (
            "evidence_of_impact",
            "agency_id",
            "updated_by",
            "updated_at",
            "created_at",
            "version",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("action_note") as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_note_action_id"))
    op.drop_table("action_note")
