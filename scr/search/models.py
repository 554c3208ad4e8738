"""The search index's documents: one for each record search finds, kept by the database.

Rows are written only by the triggers of migration 9df21c9e3d0d, on every insert, update and
delete of the records they index (and of an action's progress notes), whatever wrote them: an
ORM flush, a bulk insert of the corpus, the Core deletes of a review's records. Beside this
table the engine keeps its own full-text index of ``body``, which SQLAlchemy does not describe
(``migrations/env.py`` leaves it out of the comparison): on SQLite the FTS5 table
``search_fts`` (external content, rowid = ``id``), on PostgreSQL the generated ``tsv`` column
(``to_tsvector('english', body)``) with a GIN index.
"""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import enum_column
from scr.vocabulary import SearchKind


class SearchDocument(SQLModel, table=True):
    __tablename__ = "search_document"
    __table_args__ = (sa.UniqueConstraint("kind", "record_id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: SearchKind = Field(sa_column=enum_column(SearchKind))
    record_id: int
    review_id: int = Field(foreign_key="review.id", index=True)
    body: str = Field(sa_type=sa.Text)
