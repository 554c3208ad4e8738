"""The national export: published, scanned reviews as ``scr-exchange/1`` lines, streamed.

A review's kept line is sent while its revision stands (see ``lines``); others are built.

Reviews are read a batch at a time by id (keyset paging, plain rows), so memory stays flat
however many there are. A review with an open scan hit is withheld, and counted in the
manifest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col

from scr.common.columns import utcnow
from scr.exchange.build import REVIEW_COLUMNS, build
from scr.exchange.document import FORMAT, Manifest
from scr.exchange.lines import kept, versions_of
from scr.exchange.scanning import open_hits_among
from scr.review.models import Review
from scr.vocabulary import ReviewStatus

BATCH = 200

OVERLAP = timedelta(minutes=5)
"""How far before an export's start its ``next_since`` lies: a review changed by a
transaction still open when the export began is sent again next time, never missed."""


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
        ready = kept(session, reviews)
        rest = [r for r in reviews if r.id not in ready]
        built = {b.review.id: b for b in build(session, rest, instance=instance)}
        blocked = open_hits_among(session, rest)
        withheld += len(blocked)
        for review in reviews:
            if review.id in ready:
                line, used = ready[review.id]
            elif review.id in blocked:
                continue
            else:
                line, used = built[review.id].json(), versions_of(built[review.id].line)
            text = line + "\n"
            digest.update(text.encode("utf-8"))
            count += 1
            versions.update(used)
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
