"""search index

Revision ID: 9df21c9e3d0d
Revises: 9d5a4b53db7f
Create Date: 2026-12-03 17:55:00

Full-text search over a review's episodes, factors, findings, questions for the Board,
actions (with their progress notes) and chronology, in the engine's own index: a document per
record in ``search_document``, indexed by FTS5 on SQLite (``search_fts``, external content,
the porter stemmer) and by a generated ``tsvector`` (english) with a GIN index on PostgreSQL.

Triggers on the indexed tables keep the documents up to date, not a hook in the ORM: the
corpus is written with bulk inserts and a review's records are deleted with Core statements,
which an ORM flush hook never sees, while a trigger sees every write however it is made, in
the same transaction. (A later migration that makes SQLite copy one of these tables, batch
mode's "move and copy", drops its triggers with it and must create them again:
tests/scr/search/test_index.py fails at the head until it does.) Known identifiers are never
indexed. Existing records are indexed here.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from alembic import op

revision: str = "9df21c9e3d0d"
down_revision: str | None = "9d5a4b53db7f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ("episode", "factor", "finding", "question", "action", "chronology")


@dataclass(frozen=True)
class Source:
    kind: str
    table: str
    review: str  # the review's id, an expression over the row ``t``
    fields: tuple[str, ...]  # the texts indexed, in order
    parent: str | None = None  # the column naming the row the review is found through

    @property
    def watched(self) -> tuple[str, ...]:
        return self.fields + ((self.parent,) if self.parent else ())


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
NOTES = {
    "sqlite": "(SELECT group_concat(n.note, char(10)) FROM "
    "(SELECT note FROM action_note WHERE action_id = t.id ORDER BY noted_on, id) n)",
    "postgresql": "(SELECT string_agg(n.note, chr(10) ORDER BY n.noted_on, n.id) "
    "FROM action_note n WHERE n.action_id = t.id)",
}
NEWLINE = {"sqlite": "char(10)", "postgresql": "chr(10)"}


def _body(source: Source, dialect: str) -> str:
    texts = [f"coalesce(t.{f}, '')" for f in source.fields]
    if source.kind == "action":
        texts.append(f"coalesce({NOTES[dialect]}, '')")
    return f" || {NEWLINE[dialect]} || ".join(texts)


def _index(source: Source, dialect: str, record: str) -> str:
    """Insert the document of ``source``'s row whose id is ``record``."""
    return (
        "INSERT INTO search_document (kind, record_id, review_id, body) "
        f"SELECT '{source.kind}', t.id, {source.review}, {_body(source, dialect)} "
        f"FROM {source.table} t WHERE t.id = {record}"
    )


def _forget(kind: str, record: str) -> str:
    return f"DELETE FROM search_document WHERE kind = '{kind}' AND record_id = {record}"


ACTION = next(s for s in SOURCES if s.kind == "action")


def _sqlite() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_document', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
    )
    fts = "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body)"
    add = "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body)"
    op.execute(
        f"CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN {add}; END"
    )
    op.execute(
        f"CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN {fts}; END"
    )
    op.execute(
        f"CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN {fts}; {add}; END"
    )
    for s in SOURCES:
        index, forget = _index(s, "sqlite", "new.id"), _forget(s.kind, "old.id")
        watched = ", ".join(s.watched)
        op.execute(
            f"CREATE TRIGGER search_{s.table}_ai AFTER INSERT ON {s.table} BEGIN {index}; END"
        )
        op.execute(
            f"CREATE TRIGGER search_{s.table}_au AFTER UPDATE OF {watched} ON {s.table} "
            f"BEGIN {forget}; {index}; END"
        )
        op.execute(
            f"CREATE TRIGGER search_{s.table}_ad AFTER DELETE ON {s.table} BEGIN {forget}; END"
        )
    # An action's progress notes are part of its document.
    for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")):
        refresh = (
            f"{_forget('action', f'{row}.action_id')}; "
            f"{_index(ACTION, 'sqlite', f'{row}.action_id')};"
        )
        if event == "UPDATE":
            refresh += (
                f" {_forget('action', 'old.action_id')}; "
                f"{_index(ACTION, 'sqlite', 'old.action_id')};"
            )
        op.execute(
            f"CREATE TRIGGER search_action_note_{event.lower()[0]} AFTER {event} ON action_note "
            f"BEGIN {refresh} END"
        )


def _postgresql() -> None:
    op.execute(
        "ALTER TABLE search_document ADD COLUMN tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('english', body)) STORED"
    )
    op.execute("CREATE INDEX ix_search_document_tsv ON search_document USING gin (tsv)")
    for s in SOURCES:
        op.execute(
            f"""CREATE FUNCTION search_index_{s.table}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'INSERT' THEN {_forget(s.kind, "OLD.id")}; END IF;
              IF TG_OP <> 'DELETE' THEN {_index(s, "postgresql", "NEW.id")}; END IF;
              RETURN NULL;
            END $$"""
        )
        op.execute(
            f"CREATE TRIGGER search_index AFTER INSERT OR DELETE OR UPDATE OF "
            f"{', '.join(s.watched)} ON {s.table} "
            f"FOR EACH ROW EXECUTE FUNCTION search_index_{s.table}()"
        )
    op.execute(
        f"""CREATE FUNCTION search_index_action_note() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN
            {_forget("action", "OLD.action_id")};
            {_index(ACTION, "postgresql", "OLD.action_id")};
          END IF;
          IF TG_OP <> 'DELETE' THEN
            {_forget("action", "NEW.action_id")};
            {_index(ACTION, "postgresql", "NEW.action_id")};
          END IF;
          RETURN NULL;
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER search_index AFTER INSERT OR DELETE OR UPDATE ON action_note "
        "FOR EACH ROW EXECUTE FUNCTION search_index_action_note()"
    )


def upgrade() -> None:
    op.create_table(
        "search_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(*KINDS, name="searchkind", native_enum=False, length=60),
            nullable=False,
        ),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"], ["review.id"], name=op.f("fk_search_document_review_id_review")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_document")),
        sa.UniqueConstraint("kind", "record_id", name=op.f("uq_search_document_kind_record_id")),
    )
    op.create_index(
        op.f("ix_search_document_review_id"), "search_document", ["review_id"], unique=False
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite()
    else:
        _postgresql()
    for s in SOURCES:
        op.execute(
            "INSERT INTO search_document (kind, record_id, review_id, body) "
            f"SELECT '{s.kind}', t.id, {s.review}, {_body(s, dialect)} FROM {s.table} t"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for s in SOURCES:
            for event in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER search_{s.table}_{event}")
        for event in ("i", "u", "d"):
            op.execute(f"DROP TRIGGER search_action_note_{event}")
        op.execute("DROP TABLE search_fts")
    else:
        for table in [s.table for s in SOURCES] + ["action_note"]:
            op.execute(f"DROP TRIGGER search_index ON {table}")
            op.execute(f"DROP FUNCTION search_index_{table}()")
    op.drop_index(op.f("ix_search_document_review_id"), table_name="search_document")
    op.drop_table("search_document")
