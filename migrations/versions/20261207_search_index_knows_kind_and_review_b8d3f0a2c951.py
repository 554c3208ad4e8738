"""the search index knows each record's kind, review and partnership

Revision ID: b8d3f0a2c951
Revises: e4b9a1c7d362
Create Date: 2026-12-07 02:15:00

On SQLite, the full-text index of every record (``search_fts``) held the documents' text
alone, so a search kept to the reviews a caller may see, or leaving out the chronology, looked
up every matching record in ``search_document`` and ``review`` to keep the few it may show:
50,000 lookups for a common word over 20,000 reviews. The index now holds each document's
kind, review id and partnership (board id) as columns of their own, so that FTS5 itself keeps
to a partnership, a few reviews and some kinds, and ranks and counts from its index alone
(``scr.search.service``). Its external content is the view ``search_document_indexed``
(the documents with their review's board); the triggers on ``search_document`` read the board
from the review, and one on ``review`` indexes its documents again should its board change.
The text is matched in the ``body`` column only. PostgreSQL is unchanged: its planner
combines the GIN index with the review's.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "b8d3f0a2c951"
down_revision: str | None = "e4b9a1c7d362"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'"
COLUMNS = "body, kind, review_id, board_id"
BOARD = "(SELECT board_id FROM review WHERE id = {row}.review_id)"


def _drop() -> None:
    for trigger in ("search_document_ai", "search_document_ad", "search_document_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TRIGGER IF EXISTS search_review_board")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP VIEW IF EXISTS search_document_indexed")


def _triggers(forget: str, add: str) -> None:
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


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    op.execute(
        "CREATE VIEW search_document_indexed AS "
        "SELECT d.id, d.body, d.kind, d.review_id, r.board_id "
        "FROM search_document AS d JOIN review AS r ON r.id = d.review_id"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}, "
        f"content='search_document_indexed', content_rowid='id', {TOKENIZE})"
    )
    old = f"old.id, old.body, old.kind, old.review_id, {BOARD.format(row='old')}"
    new = f"new.id, new.body, new.kind, new.review_id, {BOARD.format(row='new')}"
    _triggers(
        f"INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', {old})",
        f"INSERT INTO search_fts(rowid, {COLUMNS}) VALUES ({new})",
    )
    # (a review keeps its partnership; should one change, its documents follow)
    op.execute(
        "CREATE TRIGGER search_review_board AFTER UPDATE OF board_id ON review "
        "WHEN old.board_id IS NOT new.board_id BEGIN "
        f"INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) "
        "SELECT 'delete', id, body, kind, review_id, old.board_id "
        "FROM search_document WHERE review_id = new.id; "
        f"INSERT INTO search_fts(rowid, {COLUMNS}) "
        "SELECT id, body, kind, review_id, new.board_id "
        "FROM search_document WHERE review_id = new.id; END"
    )
    op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_document', "
        f"content_rowid='id', {TOKENIZE})"
    )
    _triggers(
        "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body)",
        "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body)",
    )
    op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
