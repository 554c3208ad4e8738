"""The national export: published, scanned reviews as ``scr-exchange/1`` lines, streamed.

Reviews are read a batch at a time by id (keyset paging, plain rows), so memory stays flat
however many there are. A review with an open scan hit is withheld, and counted in the
manifest.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from scr.common.columns import utcnow
from scr.exchange.build import REVIEW_COLUMNS, build
from scr.exchange.document import FORMAT, Manifest
from scr.exchange.models import InstanceIdentity
from scr.exchange.scanning import open_hits_among
from scr.review.models import Review
from scr.vocabulary import ReviewStatus

BATCH = 200

OVERLAP = timedelta(minutes=5)
"""How far before an export's start its ``next_since`` lies: a review changed by a
transaction still open when the export began is sent again next time, never missed."""


def instance_id(session: Session) -> str:
    """This instance's name in the exchange, made (at random) the first time it is asked for."""
    found = session.get(InstanceIdentity, 1)
    if found is not None:
        return found.instance_id
    try:
        with session.begin_nested():
            session.add(InstanceIdentity(id=1, instance_id=f"scr-{uuid.uuid4().hex}"))
    except IntegrityError:  # (another request made it first)
        pass
    made = session.get(InstanceIdentity, 1)
    assert made is not None
    return made.instance_id


def national(session: Session, *, since: datetime | None, instance: str) -> Iterator[str]:
    """The lines of an export: each published review revised after ``since`` that has no
    open scan hit, then the manifest."""
    started = utcnow()
    digest = hashlib.sha256()
    count = withheld = 0
    versions: set[str] = set()
    table = Review.__table__  # type: ignore[attr-defined]
    condition = table.c.status == ReviewStatus.published
    if since is not None:
        condition = condition & (table.c.revised_at > since)
    last = 0
    while True:
        stmt = (
            sa.select(*REVIEW_COLUMNS)
            .where(condition, table.c.id > last)
            .order_by(col(Review.id))
            .limit(BATCH)
        )
        reviews = list(session.execute(stmt))
        if not reviews:
            break
        last = reviews[-1].id
        stale = {r.id for r in reviews if r.cleared_revision != r.revision}
        built = build(session, reviews, instance=instance, texts_of=stale)
        blocked = open_hits_among(session, reviews, {b.review.id: b.texts for b in built})
        withheld += len(blocked)
        for b in built:
            if b.review.id in blocked:
                continue
            text = b.json() + "\n"
            digest.update(text.encode("utf-8"))
            count += 1
            versions.add(b.line["typology_version"])
            versions.update(t["typology_version"] for t in b.line["tags"])
            yield text
    manifest = Manifest(
        format=FORMAT,
        type="manifest",
        count=count,
        sha256=digest.hexdigest(),
        typology_versions=sorted(versions),
        generated_at=utcnow(),
        since=since,
        next_since=started - OVERLAP,
        withheld=withheld,
    )
    yield manifest.model_dump_json() + "\n"
