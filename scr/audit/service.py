"""Append to the audit trail, read it, and verify that nobody altered or removed an entry.

Each entry's hash covers its own fields and the hash of the entry before it. Writers take a
lock on the single ``audit_head`` row, so entries join the chain one at a time even when
several API processes write at once; the lock is held until the request's transaction ends.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, func, select

from scr.audit.models import AuditEntry, AuditHead
from scr.common import crud
from scr.common.columns import utcnow
from scr.errors import Conflict
from scr.vocabulary import AuditAction

GENESIS = "0" * 64


def entry_hash(entry: AuditEntry) -> str:
    """The hash an entry must carry, from its fields and the previous entry's hash."""
    fields = {
        "id": entry.id,
        "at": entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": entry.actor,
        "action": entry.action.value,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "review_id": entry.review_id,
        "request_id": entry.request_id,
        "previous_hash": entry.previous_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def record(
    *,
    session: Session,
    actor: str,
    action: AuditAction,
    object_type: str,
    object_id: int | None = None,
    review_id: int | None = None,
    request_id: str,
) -> AuditEntry:
    """Append an entry in the caller's transaction: it is kept only if the action is."""
    head = session.exec(select(AuditHead).where(AuditHead.id == 1).with_for_update()).first()
    if head is None:
        raise Conflict("The audit trail is not set up: run `scr db upgrade`.")
    entry = AuditEntry(
        id=head.last_id + 1,
        at=utcnow(),
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        review_id=review_id,
        request_id=request_id,
        previous_hash=head.last_hash,
        entry_hash="",
    )
    entry.entry_hash = entry_hash(entry)
    head.last_id = entry.id or 0
    head.last_hash = entry.entry_hash
    session.add(entry)
    session.add(head)
    session.flush()
    return entry


@dataclass(frozen=True)
class AuditFilters:
    actor: str | None = None
    object_type: str | None = None
    object_id: int | None = None
    review_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


def list_(
    *, session: Session, filters: AuditFilters, limit: int, offset: int
) -> tuple[list[AuditEntry], int]:
    """Entries matching the filters, newest first."""
    stmt = select(AuditEntry)
    if filters.actor is not None:
        stmt = stmt.where(func.lower(AuditEntry.actor) == filters.actor.strip().lower())
    if filters.object_type is not None:
        stmt = stmt.where(AuditEntry.object_type == filters.object_type)
    if filters.object_id is not None:
        stmt = stmt.where(AuditEntry.object_id == filters.object_id)
    if filters.review_id is not None:
        stmt = stmt.where(AuditEntry.review_id == filters.review_id)
    if filters.since is not None:
        stmt = stmt.where(col(AuditEntry.at) >= filters.since)
    if filters.until is not None:
        stmt = stmt.where(col(AuditEntry.at) < filters.until)
    return crud.page(session, stmt.order_by(col(AuditEntry.id).desc()), limit=limit, offset=offset)


@dataclass(frozen=True)
class Verdict:
    """The outcome of walking the chain: ``problem`` is None when it is intact."""

    entries: int
    head_hash: str
    problem: str | None = None
    entry_id: int | None = None


def _in_order(session: Session, batch: int = 1000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        stmt = (
            select(AuditEntry)
            .where(col(AuditEntry.id) > last)
            .order_by(col(AuditEntry.id))
            .limit(batch)
        )
        rows = session.exec(stmt).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id or last


def verify(*, session: Session) -> Verdict:
    """Walk the chain from the start; name the first entry that was altered or removed."""
    previous_hash, expected_id, count = GENESIS, 1, 0
    for entry in _in_order(session):
        if entry.id != expected_id:
            return Verdict(
                count,
                previous_hash,
                f"Entry {expected_id} has been removed (the next entry is {entry.id}).",
                expected_id,
            )
        if entry.previous_hash != previous_hash and expected_id == 1:
            return Verdict(count, previous_hash, "Entry 1 has been altered.", 1)
        if entry.previous_hash != previous_hash:
            return Verdict(
                count,
                previous_hash,
                f"Entry {expected_id - 1} or entry {entry.id} has been altered: entry "
                f"{entry.id} does not carry the hash of entry {expected_id - 1}.",
                expected_id - 1,
            )
        if entry_hash(entry) != entry.entry_hash:
            return Verdict(count, previous_hash, f"Entry {entry.id} has been altered.", entry.id)
        previous_hash, expected_id, count = entry.entry_hash, expected_id + 1, count + 1
    head = session.get(AuditHead, 1)
    if head is None:
        return Verdict(count, previous_hash, "The audit trail's head record is missing.")
    if head.last_id != count or head.last_hash != previous_hash:
        return Verdict(
            count,
            previous_hash,
            f"The trail ends at entry {count} but its head records entry {head.last_id}: "
            f"entries after {count} have been removed.",
            count + 1,
        )
    return Verdict(count, previous_hash)
