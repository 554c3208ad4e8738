"""audit sealed keyed chain

Revision ID: d0f308689563
Revises: 5d9e0c41b7a2
Create Date: 2026-12-03 14:14:12

The audit trail no longer chains each entry as it is written (every request waited for the
one ``audit_head`` row): entries are inserted freely and a sealer gives each its place
(``seq``) and a keyed hash (HMAC, the key outside the database). The unkeyed chain of the
entries already written is dropped and they are left unsealed, so the first sealing round
seals them, in their order, under the key: run ``scr audit verify`` before upgrading to check
them against the old chain. Downgrading rebuilds the old unkeyed chain over the entries in
order (numbering them 1, 2, ... again, as the old chain requires).
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "d0f308689563"
down_revision: str | None = "5d9e0c41b7a2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64


def upgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.alter_column("entry_hash", existing_type=sa.VARCHAR(length=64), nullable=True)
        batch_op.create_unique_constraint(batch_op.f("uq_audit_entry_seq"), ["seq"])
        batch_op.drop_column("previous_hash")
    op.execute("UPDATE audit_entry SET entry_hash = NULL")

    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_seq", sa.Integer(), nullable=False, server_default="0"))
        batch_op.drop_column("last_id")
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.alter_column("last_seq", existing_type=sa.Integer(), server_default=None)
    op.execute(f"UPDATE audit_head SET last_seq = 0, last_hash = '{GENESIS}'")


def _old_hash(row: sa.Row, entry_id: int, previous_hash: str) -> str:
    at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    fields = {
        "id": entry_id,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": row.actor,
        "action": row.action,
        "object_type": row.object_type,
        "object_id": row.object_id,
        "review_id": row.review_id,
        "request_id": row.request_id,
        "previous_hash": previous_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def downgrade() -> None:
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_id", sa.INTEGER(), nullable=False, server_default="0"))
        batch_op.drop_column("last_seq")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_hash", sa.VARCHAR(length=64), nullable=True))
        batch_op.drop_constraint(batch_op.f("uq_audit_entry_seq"), type_="unique")
        batch_op.drop_column("seq")

    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, at, actor, action, object_type, object_id, review_id, request_id "
            "FROM audit_entry ORDER BY id"
        )
    ).all()
    previous = GENESIS
    for number, row in enumerate(rows, start=1):
        digest = _old_hash(row, number, previous)
        bind.execute(
            sa.text(
                "UPDATE audit_entry SET id = :number, previous_hash = :previous, "
                "entry_hash = :digest WHERE id = :id"
            ),
            {"number": number, "previous": previous, "digest": digest, "id": row.id},
        )
        previous = digest
    bind.execute(
        sa.text("UPDATE audit_head SET last_id = :n, last_hash = :h"),
        {"n": len(rows), "h": previous},
    )

    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.alter_column("last_id", existing_type=sa.INTEGER(), server_default=None)
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.alter_column("previous_hash", existing_type=sa.VARCHAR(length=64), nullable=False)
        batch_op.alter_column("entry_hash", existing_type=sa.VARCHAR(length=64), nullable=False)
