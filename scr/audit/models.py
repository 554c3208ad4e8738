"""The audit trail: who read, changed or exported what, each entry chained to the one before."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from scr.common.columns import UtcDateTime, enum_column
from scr.vocabulary import AuditAction


class AuditEntry(SQLModel, table=True):
    """One attributable action. Append-only: ``entry_hash`` covers this entry's fields and
    ``previous_hash``, so altering or removing an entry breaks the chain after it."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcDateTime, index=True)
    actor: str = Field(max_length=254, index=True)
    action: AuditAction = Field(sa_column=enum_column(AuditAction))
    object_type: str = Field(max_length=60)
    object_id: int | None = None
    # No foreign key: the trail outlives the review it speaks of.
    review_id: int | None = Field(default=None, index=True)
    request_id: str = Field(max_length=64)
    previous_hash: str = Field(max_length=64)
    entry_hash: str = Field(max_length=64)


class AuditHead(SQLModel, table=True):
    """The chain's last entry: one row, locked by each writer so entries join one at a time."""

    __tablename__ = "audit_head"

    id: int = Field(default=1, primary_key=True)
    last_id: int = 0
    last_hash: str = Field(max_length=64)
