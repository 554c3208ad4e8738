"""The audit trail: who read, changed or exported what, sealed in order into a keyed chain."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from scr.common.columns import UtcDateTime, enum_column
from scr.vocabulary import AuditAction


class AuditEntry(SQLModel, table=True):
    """One attributable action. Append-only. Written without any shared lock (``id`` is the
    database's own sequence); the sealer later gives it ``seq``, its place in the chain, and
    ``entry_hash``, an HMAC over its fields, ``seq`` and the previous entry's ``entry_hash``
    with a key kept outside the database, so altering, removing or reordering a sealed entry
    breaks the chain and nobody without the key can recompute it."""

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
    seq: int | None = Field(default=None, unique=True)
    entry_hash: str | None = Field(default=None, max_length=64)


class AuditHead(SQLModel, table=True):
    """The sealed chain's last entry: one row, locked only by the sealer."""

    __tablename__ = "audit_head"

    id: int = Field(default=1, primary_key=True)
    last_seq: int = 0
    last_hash: str = Field(max_length=64)
