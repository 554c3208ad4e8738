"""the search index knows each record's kind and review

Revision ID: b8d3f0a2c951
Revises: e4b9a1c7d362
Create Date: 2026-12-07 02:15:00

On SQLite, the full-text index of every record (``search_fts``) held the documents' text
alone, so a search kept to the reviews a caller may see, or leaving out the chronology, looked
up every matching record in ``search_document`` and ``review`` to keep the few it may show:
50,000 lookups for a common word over 20,000 reviews. The index now holds each document's
kind and review id as columns of their own (external content, read from ``search_document``
as before), so that FTS5 itself keeps to a set of reviews and kinds, and ranks and counts from
its index alone (``scr.search.service``). The text is matched in the ``body`` column only.
PostgreSQL is unchanged: its planner combines the GIN index with the review's.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "b8d3f0a2c951"
down_revision: str | None = "e4b9a1c7d362"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'"


def _index(columns: tuple[str, ...]) -> None:
    """``search_fts`` over ``columns`` of ``search_document``, its triggers, and its index
    built from the documents."""
    for event in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS search_document_{event}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    listed = ", ".join(columns)
    op.execute(
        f"CREATE VIRTUAL TABLE search_fts USING fts5({listed}, content='search_document', "
        f"content_rowid='id', {TOKENIZE})"
    )
    old = ", ".join(f"old.{c}" for c in columns)
    new = ", ".join(f"new.{c}" for c in columns)
    forget = f"INSERT INTO search_fts(search_fts, rowid, {listed}) VALUES ('delete', old.id, {old})"
    add = f"INSERT INTO search_fts(rowid, {listed}) VALUES (new.id, {new})"
    op.execute(
        f"CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN {add}; END"
    )
    op.execute(
        f"CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN {forget}; END"
    )
    op.execute(
        "CREATE TRIGGER search_document_au AFTER UPDATE ON search_document "
        f"BEGIN {forget}; {add}; END"
    )
    op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index(("body", "kind", "review_id"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index(("body",))
