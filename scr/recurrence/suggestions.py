"""Earlier findings like a finding: which are weighed, and how they are ranked and explained."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, func, literal_column
from sqlmodel import Session, col, select

from scr.coding import catalogue
from scr.common.lookup import id_of
from scr.errors import NotFound
from scr.finding.models import Finding
from scr.recurrence import scope, similarity
from scr.recurrence.models import FoundBefore
from scr.recurrence.schemas import SharedCode, Suggestion
from scr.review.models import Review
from scr.search import common as search_common
from scr.search.models import SearchDocument
from scr.tag.models import Tag
from scr.vocabulary import SearchKind, TagTarget


def _agreed_codes(
    session: Session, findings: dict[int, int], codes: list[str] | None = None
) -> dict[int, dict[str, str]]:
    """The agreed codes of ``findings`` (finding id -> its review's id), of ``codes`` only when
    given: finding id -> code -> typology version, in one query that the tag table's index by
    review, record kind and record reaches (a finding's id alone is not indexed)."""
    if not findings or codes == []:
        return {}
    stmt = select(Tag.target_id, Tag.code, Tag.typology_version).where(
        col(Tag.review_id).in_(sorted(set(findings.values()))),
        Tag.target_kind == TagTarget.finding,
        col(Tag.target_id).in_(sorted(findings)),
        col(Tag.agreed).is_(True),
    )
    if codes is not None:
        stmt = stmt.where(col(Tag.code).in_(codes))
    found: dict[int, dict[str, str]] = defaultdict(dict)
    for target_id, code, version in session.exec(stmt).all():
        found[target_id][code] = version
    return found


def _label(code: str, version: str) -> str:
    try:
        found = catalogue.get(version).code(code)
    except NotFound:
        found = None
    return found.label if found is not None else code


POOL = 200
"""At most this many findings are weighed for each reason (shared codes, shared words): those
sharing the most codes, and those the engine's full-text index ranks first for the finding's
words. A suggestion beyond them would be listed after the first few hundred anyway."""


FINDINGS_FTS = "search_fts_finding"
"""SQLite's full-text index of the findings' search documents alone."""

WORDS_ASKED = 12
"""At most this many of the finding's words are looked up in the full-text index."""


def _by_codes(
    session: Session, linkable: ColumnElement[bool], codes: list[str], finding_id: int
) -> list[int]:
    """The findings of the ``linkable`` reviews sharing the most of ``codes`` (agreed)."""
    if not codes:
        return []
    shared = func.count(func.distinct(Tag.code))
    stmt = (
        sa.select(col(Tag.target_id))
        .join(Review, col(Review.id) == col(Tag.review_id))
        .where(
            col(Tag.target_kind) == TagTarget.finding,
            col(Tag.agreed).is_(True),
            col(Tag.code).in_(codes),
            col(Tag.target_id) != finding_id,
            linkable,
        )
        .group_by(col(Tag.target_id))
        .order_by(shared.desc(), col(Tag.target_id))
        .limit(POOL)
    )
    return [int(i) for i in session.execute(stmt).scalars()]


def _by_words(
    session: Session, linkable: ColumnElement[bool], words: list[str], finding_id: int
) -> list[int]:
    """The findings of the ``linkable`` reviews whose search document holds any of ``words``,
    best first by the engine's own rank (FTS5's bm25 on SQLite, ts_rank on PostgreSQL)."""
    if not words:
        return []
    doc = sa.inspect(SearchDocument).local_table
    if session.get_bind().dialect.name == "sqlite":
        # The findings' own index (migration e4b9a1c7d362): the index of every record would
        # match the other records' words too, each looked up only to be left out.
        fts: ColumnElement[Any] = literal_column(FINDINGS_FTS)
        query = " OR ".join(f'"{w}"' for w in words)  # (words are letters and digits only)
        match: ColumnElement[bool] = fts.op("MATCH")(sa.bindparam("words", query))
        rank: ColumnElement[Any] = func.bm25(fts)
        rowid = sa.table(FINDINGS_FTS, sa.column("rowid")).c.rowid
        source: Any = sa.table(FINDINGS_FTS, sa.column("rowid")).join(doc, doc.c.id == rowid)
    else:
        tsv: ColumnElement[Any] = literal_column("search_document.tsv")
        tsquery: ColumnElement[Any] = func.plainto_tsquery(
            search_common.CONFIG, sa.literal(words[0])
        )
        for word in words[1:]:
            tsquery = tsquery.op("||")(func.plainto_tsquery(search_common.CONFIG, sa.literal(word)))
        match = tsv.op("@@")(tsquery)
        rank = -func.ts_rank(tsv, tsquery)
        # PostgreSQL ranks first and keeps the caller's scope after: asked both at once, it
        # planned the scope's OR around the ranking and took seconds. Only ids come out of
        # the inner query, and only those within the scope leave this function.
        ranked = (
            sa.select(doc.c.record_id, doc.c.review_id)
            .where(match, doc.c.kind == SearchKind.finding.value, doc.c.record_id != finding_id)
            .order_by(rank, doc.c.record_id)
            .limit(POOL * 5)
            .subquery()
        )
        kept = (
            sa.select(ranked.c.record_id)
            .join(Review, col(Review.id) == ranked.c.review_id)
            .where(linkable)
            .limit(POOL)
        )
        return [int(i) for i in session.execute(kept).scalars()]
    stmt = (
        sa.select(doc.c.record_id)
        .select_from(source.join(Review, col(Review.id) == doc.c.review_id))
        .where(match, doc.c.record_id != finding_id, linkable)
        .order_by(rank, doc.c.record_id)
        .limit(POOL)
    )
    return [int(i) for i in session.execute(stmt).scalars()]


def suggestions(
    *,
    session: Session,
    review: Review,
    finding: Finding,
    visible: ColumnElement[bool],
    limit: int,
    offset: int,
) -> tuple[list[Suggestion], int]:
    """Earlier findings like ``finding``: those of the same partnership first, then published
    reviews of others; each group ranked by the agreed codes shared (more first), then by how
    alike the titles and statements read (BM25 over the findings weighed, ``POOL``); a
    finding sharing neither is not suggested, nor one it is already linked to."""
    finding_id = id_of(finding)
    linkable = scope.linkable_reviews(review, visible)
    text = f"{finding.title} {finding.statement}"
    written: dict[str, str] = {}
    for stem, word in similarity.words(text):
        written.setdefault(stem, word)
    own = _agreed_codes(session, {finding_id: finding.review_id}).get(finding_id, {})
    pool = set(_by_codes(session, linkable, sorted(own), finding_id))
    # The longest words, which are the rarer ones, as the index's query: a long statement's
    # every word would cost more than it finds; and of those, the common ones only when no
    # other is left (each would bring a good share of the index to rank).
    asked = sorted(set(written.values()), key=lambda w: (-len(w), w))[:WORDS_ASKED]
    common = search_common.common_words(session, asked) if len(asked) > 1 else set()
    asked = [w for w in asked if w not in common] or asked
    pool |= set(_by_words(session, linkable, asked, finding_id))
    linked = select(FoundBefore.earlier_finding_id).where(FoundBefore.finding_id == finding_id)
    rows = session.execute(
        scope.earlier_rows(
            col(Finding.id).in_(sorted(pool)), col(Finding.id).not_in(linked), linkable
        )
    ).all()
    by_id = {row[0]: row for row in rows}
    codes = _agreed_codes(session, {fid: row[1] for fid, row in by_id.items()}, sorted(own))
    documents = {fid: similarity.terms(f"{row[3]} {row[4]}") for fid, row in by_id.items()}
    matches = similarity.bm25(similarity.terms(text), documents)
    ranked = []
    for fid, row in by_id.items():
        shared = sorted(set(own) & set(codes.get(fid, {})))
        match = matches.get(fid)
        if shared or match is not None:
            score = match.score if match else 0.0
            ranked.append((row[6] != review.board_id, -len(shared), -score, fid, shared, match))
    ranked.sort(key=lambda r: r[:4])
    page = []
    for national, _, _, fid, shared, match in ranked[offset : offset + limit]:
        page.append(
            Suggestion(
                earlier=scope.earlier_finding(by_id[fid]),
                statement=by_id[fid][4],
                scope="national" if national else "partnership",
                shared_codes=[SharedCode(code=c, label=_label(c, own[c])) for c in shared],
                shared_words=similarity.strongest(match, written) if match else [],
                text_score=round(match.score, 4) if match else 0.0,
            )
        )
    return page, len(ranked)
