"""The few moves every domain service makes: page a query, guard a version, apply a change."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, SQLModel, select
from sqlmodel.sql.expression import SelectOfScalar

from scr.common.columns import Tracked, utcnow
from scr.errors import Conflict

M = TypeVar("M", bound=SQLModel)


def page(
    session: Session, stmt: SelectOfScalar[M], *, limit: int, offset: int
) -> tuple[list[M], int]:
    """Run ``stmt`` for one page and count every row it would return."""
    total = session.exec(select(func.count()).select_from(stmt.order_by(None).subquery())).one()
    items = list(session.exec(stmt.limit(limit).offset(offset)).all())
    return items, int(total)


def ensure_version(
    session: Session, record: Tracked, version: int, read: Callable[[Any], BaseModel]
) -> None:
    """Refuse an edit made on a stale copy, answering with the record as it is now.

    The row is read again, locked, before its version is compared: the copy loaded earlier
    in the request may be stale (on PostgreSQL, under READ COMMITTED, another request may
    have committed since), and the lock keeps anyone else from changing it between this
    check and the write, so of two edits made on one version only one succeeds. (SQLite's
    writers hold the database's write lock from their first statement, so it is so there
    already; SQLite ignores the lock.) Call it before changing anything on ``record``:
    reading it again discards unsaved changes.

    The lock is the one an UPDATE takes, FOR NO KEY UPDATE, not FOR UPDATE: a colleague's
    transaction that writes a row naming this one (a new factor, a tag, the search document
    a record's trigger writes) has its foreign key checked with a key-share lock, which FOR
    UPDATE would wait for and block. A record's edit takes that key-share lock on its
    review before it raises the review's revision, so with FOR UPDATE an edit of the review
    and edits of its records could each wait for the other (PostgreSQL: deadlock detected).
    """
    session.refresh(record, with_for_update={"key_share": True})
    if record.version != version:
        raise Conflict(
            f"Someone else changed this record since you read it (you had version {version}, "
            f"it is now at version {record.version}). Reload it and make your change again.",
            current=read(record).model_dump(mode="json"),
        )


class Versioned(Protocol):
    """An Update schema: the fields sent, and the ``version`` they were read at."""

    version: int

    def model_dump(self, *, exclude_unset: bool, exclude: set[str]) -> dict[str, Any]: ...


def changes(
    session: Session,
    record: Tracked,
    data: Versioned,
    read: Callable[[Any], BaseModel],
    *,
    exclude: Iterable[str] = (),
) -> dict[str, Any]:
    """The fields ``data`` sets on ``record`` (but ``exclude``), once its version is found
    current (``ensure_version``, whose warning holds: call it before changing ``record``)."""
    ensure_version(session, record, data.version, read)
    return data.model_dump(exclude_unset=True, exclude={"version", *exclude})


def apply_changes(record: Tracked, changes: Mapping[str, Any], *, actor: str | None) -> None:
    """Set the changed fields, bump the version and stamp who changed it and when."""
    for name, value in changes.items():
        setattr(record, name, value)
    record.version += 1
    record.updated_at = utcnow()
    record.updated_by = actor


def stamp_new(record: Tracked, *, actor: str | None) -> None:
    """Stamp a new record with its author."""
    record.updated_by = actor


def add(session: Session, record: Tracked, *, actor: str | None) -> None:
    """Save a new record, stamped with its author, so that it has its id."""
    stamp_new(record, actor=actor)
    session.add(record)
    session.flush()
