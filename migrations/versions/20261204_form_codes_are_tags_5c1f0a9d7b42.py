"""the codes entered on a record's form are tags

Revision ID: 5c1f0a9d7b42
Revises: e2a4c7b91f30
Create Date: 2026-12-04 21:40:00

A review's case-context codes, a factor's typology codes and a finding's category were
columns, filled in on the records' forms, beside the tags the Tagging screen made; patterns
counted only the agreed tags, so nobody could tell whether the form's codes counted. They are
now tags (scr/tag/form.py): the lead reviewer's form codes are the record's agreed tags.

The codes in the columns become agreed tags of the record, made by whoever last changed it,
unless the record has an agreed tag with that code already. Each is tagged in the newest
typology version that has the code for that kind of record. Like a lead's agreed tags
recorded directly (e2a4c7b91f30), they are that coder's submitted coding when the coder has
no blind tags on the review and fewer than two other coders have submitted. The columns go.
Downgrade puts the columns back, filled from the agreed tags (a finding's category: the first).
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

import scr.common.columns
from scr.coding import catalogue
from typology.checks import version_key

revision: str = "5c1f0a9d7b42"
down_revision: str | None = "e2a4c7b91f30"
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
    sa.column("rationale", sa.Text()),
    sa.column("agreed", sa.Boolean()),
    sa.column("submitted_at", WHEN),
    sa.column("version", sa.Integer()),
    sa.column("created_at", WHEN),
    sa.column("updated_at", WHEN),
    sa.column("updated_by", sa.String()),
)
# (table, kind of record, column, whether the column holds a list of codes)
FORM_CODES = (
    ("review", "review", "context_codes", True),
    ("contributory_factor", "factor", "typology_codes", True),
    ("finding", "finding", "category", False),
)


def _table(name: str, column: str, listed: bool) -> sa.TableClause:
    review = [] if name == "review" else [sa.column("review_id", sa.Integer())]
    return sa.table(
        name,
        sa.column("id", sa.Integer()),
        *review,
        sa.column(column, sa.JSON() if listed else sa.String()),
        sa.column("updated_by", sa.String()),
        sa.column("created_at", WHEN),
    )


def _version_for(code: str, kind: str) -> str:
    """The newest typology version that has ``code`` for ``kind`` (the current one if none)."""
    summaries = sorted((s.version for s in catalogue.summaries()), key=version_key, reverse=True)
    for version in summaries:
        found = catalogue.get(version).code(code)
        if found is not None and kind in found.applies_to:
            return version
    return catalogue.current_version()


def upgrade() -> None:
    connection = op.get_bind()
    agreed: set[tuple[str, int, str]] = set()
    blind: dict[int, set[str]] = defaultdict(set)
    submitted: dict[int, set[str]] = defaultdict(set)
    for row in connection.execute(sa.select(TAG)):
        if row.agreed:
            agreed.add((row.target_kind, row.target_id, row.code))
        else:
            blind[row.review_id].add(row.coder)
            if row.submitted_at is not None:
                submitted[row.review_id].add(row.coder)
    now = datetime.now(UTC)
    new: list[dict[str, Any]] = []
    for name, kind, column, listed in FORM_CODES:
        table = _table(name, column, listed)
        for row in connection.execute(sa.select(table)):
            value = getattr(row, column)
            codes = (value or []) if listed else ([value] if value else [])
            review_id = row.id if name == "review" else row.review_id
            coder = row.updated_by or "form"
            coding = coder not in blind[review_id] and len(submitted[review_id] - {coder}) < 2
            for code in dict.fromkeys(codes):
                if (kind, row.id, code) in agreed:
                    continue
                agreed.add((kind, row.id, code))
                new.append(
                    {
                        "review_id": review_id,
                        "target_kind": kind,
                        "target_id": row.id,
                        "typology_version": _version_for(code, kind),
                        "code": code,
                        "coder": coder,
                        "rationale": None,
                        "agreed": True,
                        "submitted_at": row.created_at if coding else None,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                        "updated_by": coder,
                    }
                )
    if new:
        connection.execute(TAG.insert(), new)
    for name, _, column, _ in FORM_CODES:
        # (SQLite drops a column in place: a batch copy of the table would break the search
        # index's triggers on it, migration 9df21c9e3d0d)
        if connection.dialect.name == "sqlite":
            op.execute(f"ALTER TABLE {name} DROP COLUMN {column}")
        else:
            op.drop_column(name, column)


def downgrade() -> None:
    with op.batch_alter_table("review") as batch:
        batch.add_column(sa.Column("context_codes", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("contributory_factor") as batch:
        batch.add_column(
            sa.Column("typology_codes", sa.JSON(), nullable=False, server_default="[]")
        )
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("category", sa.String(length=100), nullable=True))
    connection = op.get_bind()
    codes: dict[tuple[str, int], list[str]] = defaultdict(list)
    stmt = sa.select(TAG.c.target_kind, TAG.c.target_id, TAG.c.code).where(TAG.c.agreed.is_(True))
    for kind, target_id, code in connection.execute(stmt.order_by(TAG.c.id)):
        if code not in codes[(kind, target_id)]:
            codes[(kind, target_id)].append(code)
    for name, kind, column, listed in FORM_CODES:
        table = _table(name, column, listed)
        for (of, target_id), found in codes.items():
            if of == kind:
                value = found if listed else found[0]
                connection.execute(
                    table.update().where(table.c.id == target_id).values({column: value})
                )
