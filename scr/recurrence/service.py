"""Findings that come back: earlier findings suggested for a finding, the links a reviewer makes
to them ("found before in ..."), and a partnership's findings that came back.

Where an earlier finding may come from is one condition on ``Review`` (``_linkable``), used
by the suggestions, by the link's check and when a link is shown: a review of the same
partnership that the caller may see (``scr.account.access.visible_reviews``), or a review of
any partnership that is published and cleared by the identifier scan at its current revision
(published, scanned learning, as the national body reads it). Nothing outside it is read: not
its statement, not its codes, not that it exists.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, and_, func, literal_column, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from scr.board.models import Board
from scr.coding import catalogue
from scr.common.lookup import id_of
from scr.errors import Conflict, InvalidInput, NotFound
from scr.finding.models import Finding
from scr.records import names as record_names
from scr.recurrence import similarity
from scr.recurrence.models import FoundBefore
from scr.recurrence.schemas import (
    CameBack,
    EarlierFinding,
    FoundBeforeCreate,
    FoundBeforeRead,
    RecurringFinding,
    SharedCode,
    Suggestion,
)
from scr.review import frozen
from scr.review.models import Review
from scr.search.models import SearchDocument
from scr.tag.models import Tag
from scr.vocabulary import ReviewStatus, SearchKind, TagTarget


def _linkable(review: Review, visible: ColumnElement[bool]) -> ColumnElement[bool]:
    """The reviews whose findings ``review``'s findings may be found before in."""
    published = and_(
        col(Review.status) == ReviewStatus.published,
        col(Review.cleared_revision) == col(Review.revision),
    )
    return and_(
        col(Review.id) != review.id,
        or_(and_(col(Review.board_id) == review.board_id, visible), published),
    )


_EARLIER: tuple[Any, ...] = (
    col(Finding.id),
    col(Finding.review_id),
    col(Finding.ordinal),
    col(Finding.title),
    col(Finding.statement),
    col(Review.reference),
    col(Review.board_id),
    col(Board.name),
)


def _earlier_rows(*where: Any) -> Any:
    """The columns of ``_EARLIER`` for the findings ``where`` selects."""
    return (
        sa.select(*_EARLIER)
        .join(Review, col(Review.id) == col(Finding.review_id))
        .join(Board, col(Board.id) == col(Review.board_id))
        .where(*where)
    )


def _earlier(row: Any, *, titled: bool = True) -> EarlierFinding:
    return EarlierFinding(
        finding_id=row[0],
        review_id=row[1],
        reference=row[5],
        board_id=row[6],
        board_name=row[7],
        name=record_names.finding(row[2]),
        title=row[3] if titled else None,
    )


def _found_before(earlier: EarlierFinding) -> str:
    return f"Found before in {earlier.board_name} {earlier.reference}, {earlier.name}"


def _agreed_codes(session: Session, finding_ids: list[int]) -> dict[int, dict[str, str]]:
    """Each finding's agreed codes, code -> typology version."""
    if not finding_ids:
        return {}
    rows = session.exec(
        select(Tag.target_id, Tag.code, Tag.typology_version).where(
            Tag.target_kind == TagTarget.finding,
            col(Tag.agreed).is_(True),
            col(Tag.target_id).in_(finding_ids),
        )
    ).all()
    codes: dict[int, dict[str, str]] = defaultdict(dict)
    for target_id, code, version in rows:
        codes[target_id][code] = version
    return codes


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
        fts: ColumnElement[Any] = literal_column("search_fts")
        query = " OR ".join(f'"{w}"' for w in words)  # (words are letters and digits only)
        match: ColumnElement[bool] = fts.op("MATCH")(sa.bindparam("words", query))
        rank: ColumnElement[Any] = func.bm25(fts)
        rowid = sa.table("search_fts", sa.column("rowid")).c.rowid
        source: Any = sa.table("search_fts", sa.column("rowid")).join(doc, doc.c.id == rowid)
    else:
        tsv: ColumnElement[Any] = literal_column("search_document.tsv")
        tsquery: ColumnElement[Any] = func.plainto_tsquery("english", sa.literal(words[0]))
        for word in words[1:]:
            tsquery = tsquery.op("||")(func.plainto_tsquery("english", sa.literal(word)))
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
        .where(match, doc.c.kind == SearchKind.finding.value, doc.c.record_id != finding_id)
        .where(linkable)
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
    linkable = _linkable(review, visible)
    text = f"{finding.title} {finding.statement}"
    written: dict[str, str] = {}
    for stem, word in similarity.words(text):
        written.setdefault(stem, word)
    own = _agreed_codes(session, [finding_id]).get(finding_id, {})
    pool = set(_by_codes(session, linkable, sorted(own), finding_id))
    # The longest words, which are the rarer ones, as the index's query: a long statement's
    # every word would cost more than it finds.
    asked = sorted(set(written.values()), key=lambda w: (-len(w), w))[:WORDS_ASKED]
    pool |= set(_by_words(session, linkable, asked, finding_id))
    linked = select(FoundBefore.earlier_finding_id).where(FoundBefore.finding_id == finding_id)
    rows = session.execute(
        _earlier_rows(col(Finding.id).in_(sorted(pool)), col(Finding.id).not_in(linked), linkable)
    ).all()
    by_id = {row[0]: row for row in rows}
    codes = _agreed_codes(session, list(by_id)) if own else {}
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
                earlier=_earlier(by_id[fid]),
                statement=by_id[fid][4],
                scope="national" if national else "partnership",
                shared_codes=[SharedCode(code=c, label=_label(c, own[c])) for c in shared],
                shared_words=similarity.strongest(match, written) if match else [],
                text_score=round(match.score, 4) if match else 0.0,
            )
        )
    return page, len(ranked)


def _links(session: Session, where: ColumnElement[bool]) -> list[Any]:
    return list(
        session.execute(
            sa.select(FoundBefore, *_EARLIER)
            .join(Finding, col(Finding.id) == col(FoundBefore.earlier_finding_id))
            .join(Review, col(Review.id) == col(Finding.review_id))
            .join(Board, col(Board.id) == col(Review.board_id))
            .where(where)
            .order_by(col(FoundBefore.id))
        ).all()
    )


def _read(
    session: Session, review: Review, visible: ColumnElement[bool], row: Any
) -> FoundBeforeRead:
    link: FoundBefore = row[0]
    titled = _may_link(session, review, visible, row[2])
    earlier = _earlier(row[1:], titled=titled)
    return FoundBeforeRead(
        id=id_of(link),
        finding_id=link.finding_id,
        earlier=earlier,
        found_before=_found_before(earlier),
        created_at=link.created_at,
        updated_by=link.updated_by,
    )


def _may_link(
    session: Session, review: Review, visible: ColumnElement[bool], review_id: int
) -> bool:
    stmt = select(Review.id).where(col(Review.id) == review_id, _linkable(review, visible))
    return session.exec(stmt).first() is not None


def list_(
    *, session: Session, review: Review, finding: Finding, visible: ColumnElement[bool]
) -> list[FoundBeforeRead]:
    """The earlier findings ``finding`` was found before in, in the order linked; an earlier
    finding the caller may no longer read (its review reopened) is named without its title."""
    rows = _links(session, col(FoundBefore.finding_id) == id_of(finding))
    return [_read(session, review, visible, row) for row in rows]


def link(
    *,
    session: Session,
    review: Review,
    finding: Finding,
    data: FoundBeforeCreate,
    visible: ColumnElement[bool],
    actor: str | None = None,
) -> FoundBeforeRead:
    """Record that ``finding`` was found before in an earlier finding the caller may see."""
    frozen.ensure_not_published(review)
    name = record_names.finding(finding.ordinal)
    earlier = session.get(Finding, data.earlier_finding_id)
    if earlier is not None and earlier.review_id == review.id:
        raise InvalidInput(
            f"{name} can only be found before in another review, not in its own review.",
            field=("body", "earlier_finding_id"),
        )
    if earlier is None or not _may_link(session, review, visible, earlier.review_id):
        raise NotFound(
            f"There is no finding with id {data.earlier_finding_id} that {name} may be linked "
            "to: it must be in a review of this partnership you may see, or a published one."
        )
    pair = (FoundBefore.finding_id == finding.id, FoundBefore.earlier_finding_id == earlier.id)
    back = (FoundBefore.finding_id == earlier.id, FoundBefore.earlier_finding_id == finding.id)
    named = _named(session, earlier)
    if session.exec(select(FoundBefore.id).where(*pair)).first() is not None:
        raise Conflict(f"{name} is already linked: {_found_before(named)}.")
    if session.exec(select(FoundBefore.id).where(*back)).first() is not None:
        raise Conflict(
            f"{name} cannot be found before in {named.reference}, {named.name}: that finding "
            f"is already linked as found before in {name} of this review."
        )
    record = FoundBefore(
        review_id=id_of(review), finding_id=id_of(finding), earlier_finding_id=id_of(earlier)
    )
    record.updated_by = actor
    session.add(record)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(f"{name} is already linked to that earlier finding.") from None
    rows = _links(session, col(FoundBefore.id) == record.id)
    return _read(session, review, visible, rows[0])


def _named(session: Session, finding: Finding) -> EarlierFinding:
    row = session.execute(_earlier_rows(col(Finding.id) == finding.id)).one()
    return _earlier(row)


def unlink(*, session: Session, review: Review, finding: Finding, link_id: int) -> None:
    """Remove one of ``finding``'s links to an earlier finding."""
    frozen.ensure_not_published(review)
    record = session.get(FoundBefore, link_id)
    if record is None or record.finding_id != finding.id:
        raise NotFound(
            f"{record_names.finding(finding.ordinal)} has no link with id {link_id} to an "
            "earlier finding: it may have been removed already."
        )
    session.delete(record)
    session.flush()


def recurring(
    *, session: Session, board: Board, limit: int, offset: int
) -> tuple[list[RecurringFinding], int]:
    """The partnership's findings that came back in its later reviews, most often first.

    Links join findings into chains (a finding found before in one that was itself found
    before): each chain is counted once, under its first finding (the one found before in no
    other), and came back in every other finding of the chain. Only links between the
    partnership's own reviews count, so the figures say nothing of other partnerships.
    """
    of_board = select(Finding.id).join(Review, col(Review.id) == col(Finding.review_id))
    of_board = of_board.where(col(Review.board_id) == board.id)
    pairs = session.exec(
        select(FoundBefore.finding_id, FoundBefore.earlier_finding_id).where(
            col(FoundBefore.finding_id).in_(of_board),
            col(FoundBefore.earlier_finding_id).in_(of_board),
        )
    ).all()
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for later, earlier in pairs:
        parent[root(later)] = root(earlier)
    later_ones = {later for later, _ in pairs}
    chains: dict[int, list[int]] = defaultdict(list)
    for fid in list(parent):
        chains[root(fid)].append(fid)
    rows = {
        row[0]: row
        for row in session.execute(_earlier_rows(col(Finding.id).in_(list(parent)))).all()
    }
    found = []
    for members in chains.values():
        first = min(members, key=lambda f: (f in later_ones, rows[f][1], f))
        after = sorted((f for f in members if f != first), key=lambda f: (rows[f][1], f))
        found.append(
            RecurringFinding(
                earlier=_earlier(rows[first]),
                came_back=len(after),
                reviews=len({rows[f][1] for f in after}),
                later=[
                    CameBack(
                        finding_id=f,
                        review_id=rows[f][1],
                        reference=rows[f][5],
                        name=record_names.finding(rows[f][2]),
                    )
                    for f in after
                ],
            )
        )
    found.sort(key=lambda r: (-r.came_back, -r.reviews, r.earlier.reference, r.earlier.name))
    return found[offset : offset + limit], len(found)
