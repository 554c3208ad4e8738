"""on PostgreSQL, the search index takes new records a statement at a time

Revision ID: 6d2f8b4a9c17
Revises: 5c1e9a7d2b40
Create Date: 2026-12-07 23:55:00

A record's search document was written by a row trigger: for a COPY of 100,000 records (a
national import, the corpus loader), 100,000 calls of a PL/pgSQL function, each one insert,
and for a record of a review imported from another instance an insert that the BEFORE
trigger on ``search_document`` then threw away. New records are now indexed by a statement
trigger over the statement's transition table (``REFERENCING NEW TABLE AS added``): one
``INSERT ... SELECT`` for all the rows a statement added, which leaves out at once the
records that review imported from another instance is not searched by (all but its
findings, as ``5c1e9a7d2b40`` decided). A change or a deletion is still followed row by row,
by the functions the search index migration made (a trigger with a transition table cannot
name the columns it watches). The document's text is as that migration wrote it: each
record's texts, one a line. SQLite is unchanged (its triggers cost a national import little).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from alembic import op

revision: str = "6d2f8b4a9c17"
down_revision: str | None = "5c1e9a7d2b40"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


@dataclass(frozen=True)
class Source:
    """A table the search index reads (as ``9df21c9e3d0d`` defined it)."""

    kind: str
    table: str
    review: str  # the review's id, an expression over the row ``t``
    fields: tuple[str, ...]  # the texts indexed, in order
    parent: str  # the column naming the row the review is found through

    @property
    def watched(self) -> str:
        return ", ".join((*self.fields, self.parent))


SOURCES = (
    Source(
        "episode",
        "key_practice_episode",
        "t.review_id",
        (
            "title",
            "what_happened",
            "view_at_the_time",
            "appraisal",
            "went_well",
            "queries",
            "suggested_changes",
        ),
        "review_id",
    ),
    Source("factor", "contributory_factor", "t.review_id", ("description", "detail"), "review_id"),
    Source(
        "finding",
        "finding",
        "t.review_id",
        ("title", "statement", "how_it_appeared", "evidence_beyond_case", "why_it_matters"),
        "review_id",
    ),
    Source(
        "question",
        "board_question",
        "(SELECT f.review_id FROM finding f WHERE f.id = t.finding_id)",
        ("question", "board_response"),
        "finding_id",
    ),
    Source(
        "action",
        "board_action",
        "(SELECT f.review_id FROM board_question q JOIN finding f ON f.id = q.finding_id "
        "WHERE q.id = t.question_id)",
        ("description", "owner_role", "evidence_of_impact"),
        "question_id",
    ),
    Source(
        "chronology",
        "chronology_entry",
        "t.review_id",
        ("summary", "source", "author_role"),
        "review_id",
    ),
)
NOTES = (
    "(SELECT string_agg(n.note, chr(10) ORDER BY n.noted_on, n.id) "
    "FROM action_note n WHERE n.action_id = t.id)"
)


def _body(source: Source) -> str:
    texts = [f"coalesce(t.{f}, '')" for f in source.fields]
    if source.kind == "action":
        texts.append(f"coalesce({NOTES}, '')")
    return " || chr(10) || ".join(texts)


def _added(source: Source) -> str:
    """The statement that indexes the rows a statement added (``added``)."""
    searched = (
        ""
        if source.kind == "finding"
        else f" WHERE NOT EXISTS (SELECT 1 FROM imported_review i WHERE i.review_id = "
        f"{source.review})"
    )
    return (
        "INSERT INTO search_document (kind, record_id, review_id, body) "
        f"SELECT '{source.kind}', t.id, {source.review}, {_body(source)} "
        f"FROM added t{searched}"
    )


def _row_trigger(source: Source, events: str) -> None:
    op.execute(f"DROP TRIGGER search_index ON {source.table}")
    op.execute(
        f"CREATE TRIGGER search_index AFTER {events} ON {source.table} "
        f"FOR EACH ROW EXECUTE FUNCTION search_index_{source.table}()"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for s in SOURCES:
        op.execute(
            f"""CREATE FUNCTION search_index_{s.table}_added() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              {_added(s)};
              RETURN NULL;
            END $$"""
        )
        op.execute(
            f"CREATE TRIGGER search_index_added AFTER INSERT ON {s.table} "
            "REFERENCING NEW TABLE AS added "
            f"FOR EACH STATEMENT EXECUTE FUNCTION search_index_{s.table}_added()"
        )
        _row_trigger(s, f"DELETE OR UPDATE OF {s.watched}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for s in SOURCES:
        op.execute(f"DROP TRIGGER search_index_added ON {s.table}")
        op.execute(f"DROP FUNCTION search_index_{s.table}_added()")
        _row_trigger(s, f"INSERT OR DELETE OR UPDATE OF {s.watched}")
