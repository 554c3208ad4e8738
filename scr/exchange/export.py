"""The national export: published, scanned reviews as ``scr-exchange/1.1`` lines, streamed.

A review's kept line is sent while its revision stands (see ``lines``); others are built.

Reviews are read a batch at a time by id (keyset paging, plain rows), so memory stays flat
however many there are. A review with an open scan hit is withheld, and counted in the
manifest. Then come the withdrawals: each review reopened or deleted here, or withdrawn at
the instance it came from, since ``since``; and each withheld review, since an importer may
hold it from before its hit was found.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import chain

import sqlalchemy as sa
from sqlmodel import Session, col, select

from scr.common.columns import utcnow
from scr.common.lookup import id_of
from scr.exchange.build import REVIEW_COLUMNS, build
from scr.exchange.document import FORMAT, Manifest, Source, Withdrawal
from scr.exchange.lines import kept, versions_of
from scr.exchange.models import ExchangeWithdrawal
from scr.exchange.scanning import open_hits_among
from scr.review.models import Review
from scr.vocabulary import ReviewStatus, WithdrawalReason

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
    withdrawn: list[Withdrawal] = []
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
                withdrawn.append(
                    Withdrawal(
                        format=FORMAT,
                        type="withdrawal",
                        source=Source.model_validate(built[review.id].line["source"]),
                        reason=WithdrawalReason.withheld,
                        withdrawn_at=started,
                    )
                )
                continue
            else:
                line, used = built[review.id].json(), versions_of(built[review.id].line)
            text = line + "\n"
            digest.update(text.encode("utf-8"))
            count += 1
            versions.update(used)
            yield text
    withdrawals = 0
    for withdrawal in chain(withdrawn, _withdrawals(session, since)):
        text = withdrawal.model_dump_json() + "\n"
        digest.update(text.encode("utf-8"))
        withdrawals += 1
        yield text
    manifest = Manifest(
        format=FORMAT,
        type="manifest",
        count=count,
        withdrawals=withdrawals,
        sha256=digest.hexdigest(),
        typology_versions=sorted(versions),
        generated_at=utcnow(),
        since=since,
        next_since=started - OVERLAP,
        withheld=withheld,
    )
    yield manifest.model_dump_json() + "\n"


def _since(since: datetime | None) -> sa.ColumnElement[bool]:
    table = ExchangeWithdrawal.__table__  # type: ignore[attr-defined]
    return sa.true() if since is None else table.c.withdrawn_at > since


def _withdrawals(session: Session, since: datetime | None) -> Iterator[Withdrawal]:
    """The reviews withdrawn here since ``since`` (reopened, deleted, or withdrawn at the
    instance they came from), a batch at a time."""
    last = 0
    while True:
        rows = session.exec(
            select(ExchangeWithdrawal)
            .where(_since(since), col(ExchangeWithdrawal.id) > last)
            .order_by(col(ExchangeWithdrawal.id))
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for row in rows:
            last = id_of(row)
            yield Withdrawal(
                format=FORMAT,
                type="withdrawal",
                source=Source(
                    instance=row.source_instance,
                    board=row.source_board,
                    reference=row.reference,
                    revision=row.revision,
                ),
                reason=row.reason,
                withdrawn_at=row.withdrawn_at,
            )
