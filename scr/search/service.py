"""Search the records of the reviews a caller may see, in the engine's full-text index.

The caller's scope comes in as conditions on ``Review`` from ``scr.account.access`` (the same
rules every list of the service applies), and is applied in the query that matches, ranks and
counts, so a record outside it is never read. SQLite matches with FTS5 (ranked by bm25),
whose index also holds each record's kind and review id: the ids of the reviews those
conditions select are handed to it with the words, so that it keeps to them itself and, when
they say all the conditions do, ranks and counts from its index alone. PostgreSQL matches
with the GIN index of the documents' tsvector (ranked by ``ts_rank``); the snippet
is made by the engine for the page's records only (FTS5's ``snippet``, ``ts_headline``), the
matched words between two control characters that stored text never holds
(``scr.common.types``), then split into parts so that no markup reaches a client.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, func, literal_column, or_
from sqlmodel import Session, col

from scr.errors import InvalidInput
from scr.review.models import Review
from scr.search import common as search_common
from scr.search import names as search_names
from scr.search import query as search_query
from scr.search.models import SearchDocument
from scr.search.schemas import SearchFilters, SearchHit, SearchReview, SnippetPart
from scr.vocabulary import SearchKind

START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 24
_doc = sa.inspect(SearchDocument).local_table
_fts = sa.table("search_fts", sa.column("rowid"))
_fts_name: ColumnElement[Any] = literal_column("search_fts")
_tsv: ColumnElement[Any] = literal_column("search_document.tsv")
_HEADLINE = (
    f'StartSel="{START}", StopSel="{STOP}", MaxWords={SNIPPET_WORDS + 6}, '
    f'MinWords={SNIPPET_WORDS // 2}, MaxFragments=2, FragmentDelimiter=" … "'
)


def _tsquery(phrases: list[str], joined: str) -> ColumnElement[Any]:
    parts = [func.phraseto_tsquery(search_common.CONFIG, sa.literal(p)) for p in phrases]
    tsquery: ColumnElement[Any] = parts[0]
    for part in parts[1:]:
        tsquery = tsquery.op(joined)(part)
    return tsquery


MOST_NARROWED = 50
"""At most this many reviews' (or partnerships') ids are handed to FTS5 to keep a search to,
each a term of an OR it merges match by match: a caller whose reviews are more, and not whole
partnerships, is kept to them by the query's conditions alone."""


def _literally(condition: ColumnElement[bool], value: bool) -> bool:
    return bool(condition.compare(sa.true() if value else sa.false()))


def _either(column: str, ids: Iterable[int]) -> str:
    return f"{column} : (" + " OR ".join(f'"{i}"' for i in sorted(ids)) + ")"


def _within(session: Session, condition: ColumnElement[bool]) -> str | None:
    """An FTS5 clause holding the records of the reviews ``condition`` selects, and no others:
    their partnerships, when it selects every review of each (a board member's, a board
    filter), else the reviews themselves; "" when none is selected, None when they are too
    many to name."""
    selected = sa.select(col(Review.board_id), func.count()).where(condition)
    by_board = {int(b): int(n) for b, n in session.execute(selected.group_by(col(Review.board_id)))}
    if not by_board:
        return ""
    if len(by_board) <= MOST_NARROWED:
        held = sa.select(col(Review.board_id), func.count()).where(
            col(Review.board_id).in_(sorted(by_board))
        )
        whole = {int(b): int(n) for b, n in session.execute(held.group_by(col(Review.board_id)))}
        if whole == by_board:
            return _either("board_id", by_board)
    if sum(by_board.values()) > MOST_NARROWED:
        return None
    ids = session.execute(sa.select(col(Review.id)).where(condition)).scalars()
    return _either("review_id", ids)


class _Scope:
    """The FTS5 clauses keeping a search on SQLite to the records the query's conditions
    allow: the reviews every one of ``reviews`` selects (the caller's, within any filter),
    the kinds asked, and chronology entries only of the ``chronology`` reviews. The
    partnerships' or reviews' ids come from the same conditions on ``Review``, which the query
    applies as well; ``exact`` says whether the clauses say all they do, so that FTS5 may rank
    and count from its index alone. ``nothing`` when no review is left to search."""

    def __init__(
        self,
        session: Session,
        reviews: list[ColumnElement[bool]],
        kinds: list[SearchKind] | None,
        chronology: ColumnElement[bool],
    ) -> None:
        self.nothing, self.exact = False, True
        kept: list[str] = []
        reviews = [c for c in reviews if not _literally(c, True)]
        if reviews:
            within = _within(session, sa.and_(*reviews))
            self.nothing = within == ""
            if within:
                kept.append(within)
            else:
                self.exact = False
        if kinds:
            kept.append("kind : (" + " OR ".join(f'"{k.value}"' for k in kinds) + ")")
        self.kept = kept
        self.left_out = ""
        if not _literally(chronology, True):
            entries = f'kind : "{SearchKind.chronology.value}"'
            readable = "" if _literally(chronology, False) else _within(session, chronology)
            if readable is None:
                self.exact = False
            else:
                self.left_out = f"{entries} NOT {readable}" if readable else entries

    def query(self, text: str) -> str:
        """The FTS5 query of ``text`` (a query of the documents' words) within the scope."""
        held = " AND ".join([search_query.in_text(text), *self.kept])
        return f"({held}) NOT ({self.left_out})" if self.left_out else held


class _Engine:
    """How one engine matches ``matched`` and ranks by it, and cuts snippets marking any of
    ``marked`` (every phrase asked, a common word left out of the match too); on SQLite
    within ``scope``."""

    def __init__(
        self, dialect: str, matched: list[str], marked: list[str], scope: _Scope | None
    ) -> None:
        self.sqlite = dialect == "sqlite"
        if self.sqlite:
            assert scope is not None
            query = scope.query(search_query.fts5(matched))
            text: Any = sa.bindparam("fts_query", query)
            self.match: ColumnElement[bool] = _fts_name.op("MATCH")(text)
            # (the kind's and review's columns weigh nothing: they only keep to the scope)
            self.rank: ColumnElement[Any] = -func.bm25(_fts_name, 1.0, 0.0, 0.0)
            # (the page's records each hold a matched phrase, so any of them matches)
            any_ = search_query.in_text(" OR ".join(search_query.fts5([p]) for p in marked))
            self.marks = _fts_name.op("MATCH")(sa.bindparam("fts_marks", any_))
        else:
            tsquery = _tsquery(matched, "&&")
            self.match = _tsv.op("@@")(tsquery)
            self.rank = func.ts_rank(_tsv, tsquery)
            self.marked = _tsquery(marked, "||")

    def source(self) -> Any:
        if self.sqlite:
            return _fts.join(_doc, _doc.c.id == _fts.c.rowid)
        return _doc

    def snippets(self, session: Session, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        if self.sqlite:
            cut = func.snippet(_fts_name, 0, START, STOP, " … ", SNIPPET_WORDS)
            stmt = sa.select(_fts.c.rowid, cut).where(self.marks, _fts.c.rowid.in_(ids))
        else:
            cut = func.ts_headline(search_common.CONFIG, _doc.c.body, self.marked, _HEADLINE)
            stmt = sa.select(_doc.c.id, cut).where(_doc.c.id.in_(ids))
        return {int(i): str(s) for i, s in session.execute(stmt)}


def parts(snippet: str) -> list[SnippetPart]:
    """The snippet cut at its markers: matched words have ``match`` true."""
    out: list[SnippetPart] = []
    for n, piece in enumerate(snippet.replace(STOP, START).split(START)):
        if piece:
            out.append(SnippetPart(text=piece, match=n % 2 == 1))
    return out


def search(
    *,
    session: Session,
    filters: SearchFilters,
    visible: ColumnElement[bool],
    chronology: ColumnElement[bool],
    limit: int,
    offset: int,
) -> tuple[list[SearchHit], int]:
    """The records of the ``visible`` reviews holding every phrase of ``filters.q``, best
    first, and how many there are; chronology entries only of the ``chronology`` reviews."""
    phrases = search_query.phrases(filters.q)
    if not phrases:
        raise InvalidInput(
            "Type at least one word or number to search for: signs alone match nothing.",
            field=("query", "q"),
        )
    # (a phrase asked alone is matched whatever it is: nothing is left to ask without it)
    lone = search_query.lone_words(filters.q) if len(phrases) > 1 else []
    common = search_common.common_words(session, lone)
    matched = [p for p in phrases if p not in common] or phrases
    reviews = [visible]
    if filters.review_id is not None:
        reviews.append(col(Review.id) == filters.review_id)
    if filters.board_id is not None:
        reviews.append(col(Review.board_id) == filters.board_id)
    dialect = session.get_bind().dialect.name
    scope = None
    if dialect == "sqlite":
        scope = _Scope(session, reviews, filters.kind, chronology)
        if scope.nothing:
            return [], 0
    engine = _Engine(dialect, matched, phrases, scope)
    kinds = [_doc.c.kind.in_([k.value for k in filters.kind])] if filters.kind else []
    allowed = [*reviews, or_(_doc.c.kind != SearchKind.chronology.value, chronology), *kinds]
    # (every review visible and no chronology: the conditions are on the documents alone)
    by_review = not all(_literally(c, True) for c in reviews) or not _literally(chronology, False)
    rank = engine.rank.label("rank")
    if scope is not None and scope.exact:
        # FTS5 keeps to the scope itself: it ranks the page and counts from its index alone.
        best = (
            sa.select(_fts.c.rowid.label("id"), rank)
            .where(engine.match)
            .order_by(rank.desc(), _fts.c.rowid)
            .limit(limit)
            .offset(offset)
            .subquery()
        )
        count = sa.select(func.count()).select_from(_fts).where(engine.match)
    else:
        source = engine.source()
        if by_review:
            source = source.join(Review, col(Review.id) == _doc.c.review_id)
        matches = sa.select(_doc.c.id.label("id"), rank).select_from(source)
        matches = matches.where(engine.match, *allowed)
        count = sa.select(func.count()).select_from(source).where(engine.match, *allowed)
        # Counted apart from ranking: cheaper apart than together on both engines (PostgreSQL
        # ranks the matches in parallel then, which a count over the ranked rows prevents).
        best = matches.order_by(rank.desc(), _doc.c.id).limit(limit).offset(offset).subquery()
    # Only the page's records are read, the conditions applied again to them.
    page = session.execute(
        sa.select(
            _doc.c.id,
            _doc.c.kind,
            _doc.c.record_id,
            col(Review.id),
            col(Review.reference),
            best.c.rank,
        )
        .select_from(best.join(_doc, _doc.c.id == best.c.id))
        .join(Review, col(Review.id) == _doc.c.review_id)
        .where(*allowed)
        .order_by(best.c.rank.desc(), _doc.c.id)
    ).all()
    total = session.execute(count).scalar_one() if page or offset else 0
    if not total:
        return [], 0
    snippets = engine.snippets(session, [row[0] for row in page])
    named = search_names.names(session, [(SearchKind(r[1]), int(r[2])) for r in page])
    hits = []
    for doc_id, kind, record_id, review_id, reference, score, *_ in page:
        name, title, finding_id = named.get((str(kind), record_id), (str(kind), "", None))
        hits.append(
            SearchHit(
                kind=kind,
                review=SearchReview(id=review_id, reference=reference),
                record_id=record_id,
                name=name,
                title=title,
                finding_id=finding_id,
                snippet=parts(snippets.get(doc_id, "")),
                rank=float(score),
            )
        )
    return hits, int(total)
