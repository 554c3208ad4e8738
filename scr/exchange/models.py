"""What the exchange keeps: a review's known identifiers and accepted scan hits, where each
imported review came from, and who this instance is."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from scr.common.columns import Tracked, UtcDateTime, enum_column, utcnow
from scr.review import frozen
from scr.vocabulary import IdentifierKind, WithdrawalReason


class KnownIdentifier(Tracked, table=True):
    """A word or phrase that identifies the child or family in this review (a real name, a
    nickname, a street, a school, a date of birth). Read only by the review's reviewers,
    used by the scan, never exported."""

    __tablename__ = "known_identifier"
    __table_args__ = (sa.UniqueConstraint("review_id", "text"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    text: str = Field(max_length=200)
    kind: IdentifierKind = Field(sa_column=enum_column(IdentifierKind))


frozen.addable(KnownIdentifier)
"""A known identifier may still be added to a published review: that only ever holds back
more (the export rescans it and withholds it if a hit opens)."""


class ScanAcceptance(Tracked, table=True):
    """A lead reviewer's decision that a scan hit is not an identifier (say, the date of a
    strategy meeting), with the reason. It holds for that text in that field of that record
    until the text changes."""

    __tablename__ = "scan_acceptance"
    __table_args__ = (sa.UniqueConstraint("review_id", "record", "field", "hit_kind", "text"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    record: str = Field(max_length=40)
    field: str = Field(max_length=100)
    hit_kind: str = Field(max_length=40)
    text: str = Field(max_length=200)
    reason: str = Field(sa_type=sa.Text)


class InstanceIdentity(SQLModel, table=True):
    """This instance's name in the exchange: one row, made the first time it is needed."""

    __tablename__ = "instance_identity"

    id: int = Field(default=1, primary_key=True)
    instance_id: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)


class ImportedReview(SQLModel, table=True):
    """Where an imported review came from: the key that makes importing idempotent."""

    __tablename__ = "imported_review"
    __table_args__ = (sa.UniqueConstraint("source_instance", "source_board", "reference"),)

    id: int | None = Field(default=None, primary_key=True)
    source_instance: str = Field(max_length=64)
    source_board: str = Field(max_length=100)
    reference: str = Field(max_length=200)
    revision: int
    line_sha256: str = Field(max_length=64)
    review_id: int = Field(foreign_key="review.id", index=True, unique=True)
    imported_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)


class ExchangePull(SQLModel, table=True):
    """The last pull from another instance, so the next asks only for what changed since."""

    __tablename__ = "exchange_pull"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=500, unique=True)
    next_since: datetime = Field(sa_type=UtcDateTime)
    pulled_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)


class ExchangeLine(SQLModel, table=True):
    """A published review's exchange line as built for one revision, kept as text: what the
    export sends while the revision stands, so a revision always leaves as the same line."""

    __tablename__ = "exchange_line"

    review_id: int = Field(foreign_key="review.id", primary_key=True)
    revision: int
    line: str = Field(sa_type=sa.Text)
    typology_versions: list[str] = Field(default_factory=list, sa_type=sa.JSON, nullable=False)
    built_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=False)


class ExchangeWithdrawal(SQLModel, table=True):
    """A review that left in the exchange and must no longer be counted: reopened or deleted
    here, or withdrawn at the instance it came from. The export sends it as a withdrawal line
    (``scr-exchange/1.1``); an import that applies one keeps it too, so that it is passed on
    and an older line of the review, sent again, is not taken back in."""

    __tablename__ = "exchange_withdrawal"
    __table_args__ = (sa.UniqueConstraint("source_instance", "source_board", "reference"),)

    id: int | None = Field(default=None, primary_key=True)
    source_instance: str = Field(max_length=64)
    source_board: str = Field(max_length=100)
    reference: str = Field(max_length=200)
    revision: int = Field(description="The review's revision when it was withdrawn.")
    reason: WithdrawalReason = Field(sa_column=enum_column(WithdrawalReason))
    withdrawn_at: datetime = Field(
        default_factory=utcnow, sa_type=UtcDateTime, nullable=False, index=True
    )


class FoundBeforeReference(SQLModel, table=True):
    """That an imported finding was found before in an earlier one, as its line named it:
    the earlier review by its source (instance, board, reference) and the finding by its
    number there (``scr-exchange/1.1``).

    Kept as received, so that the link (``scr.recurrence.models.FoundBefore``) is made as soon
    as the earlier review is here too, whichever came first, and made again when a newer
    revision of the earlier review replaces its copy (``scr.exchange.references``). The copy's
    deletion takes its references with it (the database cascades)."""

    __tablename__ = "found_before_reference"
    __table_args__ = (
        sa.UniqueConstraint(
            "finding_id",
            "source_instance",
            "source_board",
            "reference",
            "finding_number",
            name="uq_found_before_reference",
        ),
        sa.Index(
            "ix_found_before_reference_source", "source_instance", "source_board", "reference"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("review.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    finding_id: int = Field(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("finding.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    source_instance: str = Field(max_length=64)
    source_board: str = Field(max_length=100)
    reference: str = Field(max_length=200)
    finding_number: int = Field(description="The earlier finding's number in its review.")
