"""the findings' own full-text index

Revision ID: e4b9a1c7d362
Revises: c7d2e5f8a913
Create Date: 2026-12-07 02:00:00

Suggestions of earlier findings look for a finding's words among findings only. In the index
of every record, a word matches episodes, factors, questions, actions and chronology entries
too, each then looked up to be left out. The findings get an index of their own beside it:
on SQLite an FTS5 table over the finding documents (``search_fts_finding``, external content
read through the view ``search_document_finding``, the same tokenizer), kept by triggers on
``search_document`` for its finding rows only; on PostgreSQL a GIN index of the findings' tsvector (partial, ``kind = 'finding'``).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "e4b9a1c7d362"
down_revision: str | None = "c7d2e5f8a913"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FINDING = "kind = 'finding'"


def _sqlite() -> None:
    # (its content is a view of the finding documents, so that FTS5's integrity check
    # compares the index with them, and not with every record's)
    op.execute(
        "CREATE VIEW search_document_finding AS "
        f"SELECT id, body FROM search_document WHERE {FINDING}"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_fts_finding USING fts5(body, "
        "content='search_document_finding', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    forget = (
        "INSERT INTO search_fts_finding(search_fts_finding, rowid, body) "
        "VALUES ('delete', old.id, old.body)"
    )
    add = "INSERT INTO search_fts_finding(rowid, body) VALUES (new.id, new.body)"
    op.execute(
        "CREATE TRIGGER search_document_finding_ai AFTER INSERT ON search_document "
        f"WHEN new.{FINDING} BEGIN {add}; END"
    )
    op.execute(
        "CREATE TRIGGER search_document_finding_ad AFTER DELETE ON search_document "
        f"WHEN old.{FINDING} BEGIN {forget}; END"
    )
    op.execute(
        "CREATE TRIGGER search_document_finding_aud AFTER UPDATE ON search_document "
        f"WHEN old.{FINDING} BEGIN {forget}; END"
    )
    op.execute(
        "CREATE TRIGGER search_document_finding_aui AFTER UPDATE ON search_document "
        f"WHEN new.{FINDING} BEGIN {add}; END"
    )
    op.execute(
        "INSERT INTO search_fts_finding(rowid, body) "
        f"SELECT id, body FROM search_document WHERE {FINDING}"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite()
    else:
        op.execute(
            "CREATE INDEX ix_search_document_finding_tsv ON search_document "
            f"USING gin (tsv) WHERE {FINDING}"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("ai", "ad", "aud", "aui"):
            op.execute(f"DROP TRIGGER search_document_finding_{event}")
        op.execute("DROP TABLE search_fts_finding")
        op.execute("DROP VIEW search_document_finding")
    else:
        op.execute("DROP INDEX ix_search_document_finding_tsv")
