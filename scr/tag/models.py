"""Tags: a record of a review coded against the national typology, by one coder."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, UtcDateTime, enum_column, narrative
from scr.common.types import Code, LongText
from scr.vocabulary import TagTarget


class TagFields(SQLModel):
    """A tag's fields a client writes as they are kept: the table and its schemas share them.

    Not the record it tags (a client names it ``kind:id``, the table keeps the kind and the
    id apart) nor its typology version (the current one when a client leaves it out: the
    table always holds one)."""

    code: Code = Field(
        sa_type=sa.String(100),
        description="The typology code the record is tagged with.",
        schema_extra={"examples": ["sp.reasoning.over-optimism"]},
    )
    rationale: LongText | None = narrative("Why the coder gave the record this code.")
    # An agreed tag is the review's own (after adjudication); patterns count only these.
    agreed: bool = Field(
        default=False,
        description="True for the review's agreed tag, set by its lead reviewer when "
        "adjudicating (the tag patterns count); false for one coder's own.",
    )


class Tag(TagFields, Tracked, table=True):
    __tablename__ = "tag"
    __table_args__ = (
        sa.UniqueConstraint(
            "review_id",
            "target_kind",
            "target_id",
            "typology_version",
            "code",
            "coder",
            "agreed",
            name="uq_tag_coding",
        ),
        # Patterns look tags up by code and version and count their reviews: covering.
        sa.Index(
            "ix_tag_counted", "code", "typology_version", "agreed", "review_id", "target_kind"
        ),
        # Suggestions look up the records holding an agreed code, with their reviews: covering.
        sa.Index("ix_tag_coded_records", "code", "target_kind", "agreed", "target_id", "review_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    target_kind: TagTarget = Field(sa_column=enum_column(TagTarget))
    target_id: int
    typology_version: str = Field(max_length=20)
    # The signed-in account that coded it: never a client's to write.
    coder: str = Field(max_length=200)
    # A coder's tags stay hidden from the other coders until the coder submits them.
    submitted_at: datetime | None = Field(default=None, sa_type=UtcDateTime)

    @property
    def target(self) -> str:
        """The tagged record's key, e.g. ``factor:7`` or ``review:3``."""
        return f"{self.target_kind.value}:{self.target_id}"

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


class Adjudication(Tracked, table=True):
    """The lead reviewer's decision on a disagreement between coders: the code is agreed for
    the record (an agreed tag is made with it) or rejected, with the reason."""

    __tablename__ = "adjudication"
    __table_args__ = (
        sa.UniqueConstraint(
            "review_id",
            "target_kind",
            "target_id",
            "typology_version",
            "code",
            name="uq_adjudication_disagreement",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    target_kind: TagTarget = Field(sa_column=enum_column(TagTarget))
    target_id: int
    typology_version: str = Field(max_length=20)
    code: str = Field(max_length=100)
    decision: str = Field(max_length=20)
    rationale: str | None = Field(default=None, sa_type=sa.Text)

    @property
    def target(self) -> str:
        return f"{self.target_kind.value}:{self.target_id}"
