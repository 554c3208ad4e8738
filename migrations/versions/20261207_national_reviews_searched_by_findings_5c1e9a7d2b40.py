"""a review imported from another instance is searched by its findings alone

Revision ID: 5c1e9a7d2b40
Revises: b8d3f0a2c951
Create Date: 2026-12-07 17:00:00

The search index kept a document of every record of every review, imported ones too. Of an
imported review only its findings are ever looked for: "found before" suggestions look among
the published findings of other partnerships, and no caller but an administrator may search
an imported review's episodes, factors, questions and actions (a reviewer searches the reviews
they work on, a board member their partnership's, the national body none). Indexing those
records was half the time of a national import. A trigger on ``search_document`` now leaves
out any document but a finding's of a review that ``imported_review`` names (on SQLite a BEFORE
INSERT trigger that ignores the row, on PostgreSQL one that returns NULL), and the upgrade
removes the documents of that kind already held.

The downgrade drops the trigger and indexes those records again, through the update triggers
of their own tables (each record's text set to itself), so the body of a document is written in
one place, the migration that made the index.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5c1e9a7d2b40"
down_revision: str | None = "b8d3f0a2c951"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IMPORTED = "SELECT review_id FROM imported_review"
LEFT_OUT = "kind <> 'finding' AND review_id IN (" + IMPORTED + ")"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER search_document_imported BEFORE INSERT ON search_document "
            "WHEN new.kind <> 'finding' "
            "AND EXISTS (SELECT 1 FROM imported_review WHERE review_id = new.review_id) "
            "BEGIN SELECT RAISE(IGNORE); END"
        )
    else:
        op.execute(
            """CREATE FUNCTION search_document_imported() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.kind <> 'finding'
                 AND EXISTS (SELECT 1 FROM imported_review WHERE review_id = NEW.review_id) THEN
                RETURN NULL;
              END IF;
              RETURN NEW;
            END $$"""
        )
        op.execute(
            "CREATE TRIGGER search_document_imported BEFORE INSERT ON search_document "
            "FOR EACH ROW EXECUTE FUNCTION search_document_imported()"
        )
    op.execute(f"DELETE FROM search_document WHERE {LEFT_OUT}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER search_document_imported")
    else:
        op.execute("DROP TRIGGER search_document_imported ON search_document")
        op.execute("DROP FUNCTION search_document_imported()")
    findings = f"SELECT id FROM finding WHERE review_id IN ({IMPORTED})"
    questions = f"SELECT id FROM board_question WHERE finding_id IN ({findings})"
    for table, column, whose in (
        ("key_practice_episode", "title", f"review_id IN ({IMPORTED})"),
        ("contributory_factor", "description", f"review_id IN ({IMPORTED})"),
        ("chronology_entry", "summary", f"review_id IN ({IMPORTED})"),
        ("board_question", "question", f"finding_id IN ({findings})"),
        ("board_action", "description", f"question_id IN ({questions})"),
    ):
        op.execute(f"UPDATE {table} SET {column} = {column} WHERE {whose}")
