"""Append to the audit trail, seal it into a keyed chain, read it, and verify it.

Writing an entry takes no shared lock: each is an insert, numbered by the database, in the
request's own transaction (kept only if the request's work is). One sealer at a time (the
``audit_head`` row, locked with SKIP LOCKED so a second simply waits for the next round) takes
the committed entries not yet sealed, in insertion order, gives each the next ``seq`` and an
``entry_hash`` = HMAC(key, previous hash, seq, fields), and moves the head. This is a hash
chain over sequence order as in a Certificate Transparency log (RFC 6962), keyed so that
someone who can write to the database but has not the key (``scr.config.audit_key``) cannot
rewrite an entry and recompute the chain after it. Entries wait at most
``audit_seal_seconds`` unsealed; ``scr audit verify`` seals what is waiting before it walks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NotRequired, TypedDict, Unpack

from sqlmodel import Session, col, func, select

from scr.audit.models import AuditEntry, AuditHead
from scr.common import crud
from scr.common.columns import utcnow
from scr.errors import Conflict
from scr.vocabulary import AuditAction

GENESIS = "0" * 64
SEAL_BATCH = 1000


def entry_hash(entry: AuditEntry, *, previous_hash: str, key: bytes) -> str:
    """The hash a sealed entry must carry: keyed over its fields, its place and the one before."""
    fields = {
        "id": entry.id,
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": entry.actor,
        "action": entry.action.value,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "review_id": entry.review_id,
        "request_id": entry.request_id,
        "previous_hash": previous_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()


class EntryFields(TypedDict):
    """What the caller says of an entry (``AuditEntry``'s fields but its stamp and chain)."""

    actor: str
    action: AuditAction
    object_type: str
    object_id: NotRequired[int | None]
    review_id: NotRequired[int | None]
    request_id: str


def new_entry(**fields: Unpack[EntryFields]) -> AuditEntry:
    """An entry stamped now, not yet added to any session."""
    return AuditEntry(at=utcnow(), **fields)


def record(*, session: Session, **fields: Unpack[EntryFields]) -> AuditEntry:
    """Append an entry in the caller's transaction: it is kept only if the action is."""
    entry = new_entry(**fields)
    session.add(entry)
    session.flush()
    return entry


def seal(*, session: Session, key: bytes, batch: int = SEAL_BATCH) -> int:
    """Seal up to ``batch`` committed entries into the chain; how many were sealed (0 when
    another sealer holds the head). Commit the session to keep them."""
    head = session.exec(
        select(AuditHead).where(AuditHead.id == 1).with_for_update(skip_locked=True)
    ).first()
    if head is None:
        if session.get(AuditHead, 1) is None:
            raise Conflict("The audit trail is not set up: run `scr db upgrade`.")
        return 0
    pending = session.exec(
        select(AuditEntry)
        .where(col(AuditEntry.seq).is_(None))
        .order_by(col(AuditEntry.id))
        .limit(batch)
    ).all()
    for entry in pending:
        entry.seq = head.last_seq + 1
        entry.entry_hash = entry_hash(entry, previous_hash=head.last_hash, key=key)
        head.last_seq, head.last_hash = entry.seq, entry.entry_hash
        session.add(entry)
    session.add(head)
    session.flush()
    return len(pending)


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
    unsealed: int = 0


def _in_order(session: Session, batch: int = 1000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        stmt = (
            select(AuditEntry)
            .where(col(AuditEntry.seq) > last)
            .order_by(col(AuditEntry.seq))
            .limit(batch)
        )
        rows = session.exec(stmt).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq or last


def verify(*, session: Session, key: bytes) -> Verdict:
    """Walk the sealed chain in sequence order; name the first entry altered or removed.

    Entries are named by their place in the chain (``seq``), which is also how a removed
    one is missed. An entry altered in place, moved to another place, or rehashed without
    the key no longer carries the HMAC it must.
    """
    previous_hash, expected, count = GENESIS, 1, 0
    for entry in _in_order(session):
        if entry.seq != expected:
            return Verdict(
                count,
                previous_hash,
                f"Entry {expected} has been removed (the next entry is {entry.seq}).",
                expected,
            )
        if entry_hash(entry, previous_hash=previous_hash, key=key) != entry.entry_hash:
            return Verdict(count, previous_hash, f"Entry {expected} has been altered.", expected)
        previous_hash, expected, count = entry.entry_hash, expected + 1, count + 1
    head = session.get(AuditHead, 1)
    if head is None:
        return Verdict(count, previous_hash, "The audit trail's head record is missing.")
    if head.last_seq != count or head.last_hash != previous_hash:
        return Verdict(
            count,
            previous_hash,
            f"The trail ends at entry {count} but its head records entry {head.last_seq}: "
            f"entries after {count} have been removed.",
            count + 1,
        )
    unsealed = session.exec(
        select(func.count()).select_from(AuditEntry).where(col(AuditEntry.seq).is_(None))
    ).one()
    return Verdict(count, previous_hash, unsealed=unsealed)
