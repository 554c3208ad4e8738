"""a lead's agreed tags are their coding

Revision ID: e2a4c7b91f30
Revises: 9df21c9e3d0d
Create Date: 2026-12-04 18:10:00

A lead reviewer who recorded a review's agreed tags directly, without a blind coding of their
own, had to code the review a second time before the agreement would compare them with the
second coder. Such agreed tags are now the lead's coding, submitted when recorded
(scr/tag/service.py). The existing ones become so too: an agreed tag not made by deciding a
disagreement, whose coder has no blind tags on the review, on a review where fewer than two
other coders have submitted, is marked submitted when it was made. No column changes.
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import scr.common.columns

revision: str = "e2a4c7b91f30"
down_revision: str | None = "9df21c9e3d0d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = scr.common.columns.UtcDateTime(timezone=True)
TAG = sa.table(
    "tag",
    sa.column("id", sa.Integer()),
    sa.column("review_id", sa.Integer()),
    sa.column("target_kind", sa.String()),
    sa.column("target_id", sa.Integer()),
    sa.column("typology_version", sa.String()),
    sa.column("code", sa.String()),
    sa.column("coder", sa.String()),
    sa.column("agreed", sa.Boolean()),
    sa.column("submitted_at", WHEN),
    sa.column("created_at", WHEN),
)
ADJUDICATION = sa.table(
    "adjudication",
    sa.column("review_id", sa.Integer()),
    sa.column("target_kind", sa.String()),
    sa.column("target_id", sa.Integer()),
    sa.column("typology_version", sa.String()),
    sa.column("code", sa.String()),
    sa.column("decision", sa.String()),
)


def upgrade() -> None:
    connection = op.get_bind()
    decided = {
        tuple(row)
        for row in connection.execute(
            sa.select(
                ADJUDICATION.c.review_id,
                ADJUDICATION.c.target_kind,
                ADJUDICATION.c.target_id,
                ADJUDICATION.c.typology_version,
                ADJUDICATION.c.code,
            ).where(ADJUDICATION.c.decision == "agreed")
        )
    }
    blind: dict[int, set[str]] = defaultdict(set)
    submitted: dict[int, set[str]] = defaultdict(set)
    agreed = []
    for row in connection.execute(sa.select(TAG)):
        if not row.agreed:
            blind[row.review_id].add(row.coder)
            if row.submitted_at is not None:
                submitted[row.review_id].add(row.coder)
        elif row.submitted_at is None:
            agreed.append(row)
    for row in agreed:
        key = (row.review_id, row.target_kind, row.target_id, row.typology_version, row.code)
        others = submitted[row.review_id] - {row.coder}
        if key in decided or row.coder in blind[row.review_id] or len(others) >= 2:
            continue
        connection.execute(
            TAG.update().where(TAG.c.id == row.id).values(submitted_at=row.created_at)
        )


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(TAG.update().where(TAG.c.agreed.is_(True)).values(submitted_at=None))
