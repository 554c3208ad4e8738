"""A published review's line, kept as text for the revision it was built at.

Kept when the review is published (or a hit accepted leaves it clean) and when it is
imported (the line as received). The export sends a kept line while its revision stands, so
a revision always leaves as the same line, even after a board or agency is renamed (an
importer refuses a known revision with other content), and a large export reads text rather
than rebuilding every review.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from scr.common.columns import utcnow
from scr.common.lookup import id_of
from scr.exchange.build import build
from scr.exchange.instance import instance_id
from scr.exchange.models import ExchangeLine
from scr.review.models import Review


def versions_of(line: dict[str, Any]) -> list[str]:
    """The typology versions a line uses."""
    return sorted({line["typology_version"], *(t["typology_version"] for t in line["tags"])})


def keep(
    session: Session, review: Review, text: str | None = None, versions: list[str] | None = None
) -> None:
    """Keep the review's line for its current revision: ``text`` if given (an imported line,
    as received), else the line built now."""
    session.flush()
    if text is None or versions is None:
        built = build(session, [review], instance=instance_id(session))[0]
        text, versions = built.json(), versions_of(built.line)
    row = session.get(ExchangeLine, id_of(review))
    if row is None:
        row = ExchangeLine(review_id=id_of(review), revision=review.revision, line=text)
    row.revision, row.line, row.typology_versions = review.revision, text, versions
    row.built_at = utcnow()
    session.add(row)
    session.flush()


def kept(session: Session, reviews: Sequence[Any]) -> dict[int, tuple[str, list[str]]]:
    """The kept line (and its typology versions) of each review whose revision it is."""
    revisions = {r.id: r.revision for r in reviews}
    table = ExchangeLine.__table__  # type: ignore[attr-defined]
    stmt = sa.select(table.c.review_id, table.c.revision, table.c.line, table.c.typology_versions)
    stmt = stmt.where(col(ExchangeLine.review_id).in_(list(revisions)))
    return {
        review_id: (line, versions)
        for review_id, revision, line, versions in session.connection().execute(stmt)
        if revisions[review_id] == revision
    }
