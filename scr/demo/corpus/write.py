"""Writing drawn reviews to the database: bulk inserts, a commit every ``BATCH`` reviews."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select

from scr.agency.models import Agency
from scr.board.models import Board
from scr.common.columns import utcnow
from scr.demo.corpus.codes import corpus_typology
from scr.demo.corpus.plan import Plan
from scr.demo.corpus.review import corpus_boards, plan_review, reference
from scr.episode.models import KeyPracticeEpisode
from scr.exchange.build import REVIEW_COLUMNS, build
from scr.exchange.instance import instance_id
from scr.exchange.lines import versions_of
from scr.exchange.models import ExchangeLine
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardQuestion, Finding
from scr.link.models import CausalLink
from scr.participant.models import Participant
from scr.records import write
from scr.review.models import Review
from scr.tag.models import Tag
from scr.vocabulary import ReviewStatus

CODER = "corpus"
BATCH = 100


@dataclass(frozen=True)
class CorpusAdded:
    """What a run did: reviews added, and reviews of the asked range already there."""

    added: int
    existing: int


def add_corpus(
    *,
    session: Session,
    count: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
    batch: int = BATCH,
) -> CorpusAdded:
    """Add reviews 1 to ``count`` of the corpus for ``seed`` that are not there yet, committing
    every ``batch`` reviews; ``progress`` hears how many reviews each step added or skipped."""
    typology = corpus_typology()
    boards = _ensure_boards(session)
    national = select(Agency.code, col(Agency.id)).where(col(Agency.board_id).is_(None))
    agencies = {code: i for code, i in session.exec(national) if i is not None}
    there = set(
        session.exec(
            select(Review.reference).where(col(Review.reference).startswith(f"CORPUS-{seed}-"))
        )
    )
    missing = [n for n in range(1, count + 1) if reference(seed, n) not in there]
    if progress and count > len(missing):
        progress(count - len(missing))
    for start in range(0, len(missing), batch):
        numbers = missing[start : start + batch]
        _write(session, [plan_review(seed, n, typology) for n in numbers], boards, agencies)
        session.commit()
        if progress:
            progress(len(numbers))
    if missing:
        # After a bulk load the query planner's statistics are stale; without them SQLite
        # joins the pattern queries in an order ten times slower. Only the tables written:
        # a database-wide ANALYZE on PostgreSQL also locks the catalogs all databases share.
        for model in WRITTEN:
            session.execute(sa.text(f"ANALYZE {model.__tablename__}"))
        session.commit()
    return CorpusAdded(added=len(missing), existing=count - len(missing))


WRITTEN: tuple[type[SQLModel], ...] = (
    Board,
    Review,
    KeyPracticeEpisode,
    ContributoryFactor,
    CausalLink,
    Finding,
    BoardQuestion,
    Participant,
    Tag,
    ExchangeLine,
)


def _stamp() -> dict[str, Any]:
    now = utcnow()
    return {"version": 1, "created_at": now, "updated_at": now, "updated_by": CODER}


def _ensure_boards(session: Session) -> dict[str, int]:
    """Each corpus partnership's id by code, creating those that are missing."""
    wanted = corpus_boards()
    stmt = select(Board.code, col(Board.id)).where(col(Board.code).in_([b.code for b in wanted]))
    found = {code: i for code, i in session.exec(stmt) if i is not None}
    missing = [b for b in wanted if b.code not in found]
    rows = [{"code": b.code, "name": b.name, "region": b.region, **_stamp()} for b in missing]
    found.update(
        zip([b.code for b in missing], write.insert(session, Board, rows, ids=True), strict=True)
    )
    return found


FORM_CODES = frozenset({"context_codes", "typology_codes", "category"})
"""The codes a plan's records carry as their forms would show them; they are written as the
records' agreed tags (the plan's ``tags``, which hold them all), not as columns."""


def _columns(record: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in record.items() if name not in FORM_CODES}


def _write(
    session: Session, plans: list[Plan], boards: dict[str, int], agencies: dict[str, int]
) -> None:
    """Insert the plans' reviews and their records, a statement for each table."""
    stamp = _stamp()
    # The corpus's text is drawn from fixed phrases that name no one (tests scan it), so its
    # published reviews stand as if scanned clean when they were published.
    rows = [
        _columns(p.review)
        | {"board_id": boards[p.board], "revised_at": stamp["updated_at"]}
        | {"cleared_revision": 1 if p.review["status"] == ReviewStatus.published else None}
        | stamp
        for p in plans
    ]
    review_ids = write.insert(session, Review, rows, ids=True)
    nodes: list[dict[str, list[int]]] = [{"review": [i]} for i in review_ids]
    for kind, model in (
        ("episode", KeyPracticeEpisode),
        ("factor", ContributoryFactor),
        ("finding", Finding),
    ):
        rows = []
        for p, review_id in zip(plans, review_ids, strict=True):
            for i, record in enumerate(getattr(p, kind + "s")):
                extra = {}
                if kind == "episode":
                    extra["agency_ids"] = [
                        agencies[a] for a in p.episode_agencies[i] if a in agencies
                    ]
                rows.append(_columns(record) | extra | {"review_id": review_id} | stamp)
        new = iter(write.insert(session, model, rows, ids=True))
        for p, ids in zip(plans, nodes, strict=True):
            ids[kind] = [next(new) for _ in getattr(p, kind + "s")]
    questions, participants, links, tags = [], [], [], []
    for p, review_id, ids in zip(plans, review_ids, nodes, strict=True):
        for finding_id, asked in zip(ids["finding"], p.questions, strict=True):
            questions += [
                {"finding_id": finding_id, "ordinal": k, "question": q}
                for k, q in enumerate(asked, start=1)
            ]
        participants += [
            {"review_id": review_id, "role": role, "job_role": job}
            | {"agency_id": agencies.get(agency) if agency else None}
            | stamp
            for role, agency, job in p.participants
        ]
        links += [
            {"review_id": review_id, "kind": kind, "source_kind": sk}
            | {"source_id": ids[sk.value][si], "target_kind": tk}
            | {"target_id": ids[tk.value][ti], "evidence_note": None}
            | stamp
            for kind, sk, si, tk, ti in p.links
        ]
        tags += [
            {"review_id": review_id, "target_kind": kind, "target_id": ids[kind.value][index]}
            | {"typology_version": p.typology_version, "code": code, "coder": CODER}
            | {"rationale": None, "agreed": True, "submitted_at": p.submitted_at}
            | stamp
            for kind, index, code in p.tags
        ]
    write.insert(session, BoardQuestion, questions)
    write.insert(session, Participant, participants)
    write.insert(session, CausalLink, links)
    write.insert(session, Tag, tags)
    _keep_lines(session, review_ids)


def _keep_lines(session: Session, review_ids: list[int]) -> None:
    """Keep the published reviews' exchange lines, as publishing them through the workbench
    would have."""
    published = session.execute(
        sa.select(*REVIEW_COLUMNS).where(
            col(Review.id).in_(review_ids), col(Review.status) == ReviewStatus.published
        )
    ).all()
    built = build(session, published, instance=instance_id(session))
    rows = [
        {"review_id": b.review.id, "revision": b.review.revision, "line": b.json()}
        | {"typology_versions": versions_of(b.line), "built_at": utcnow()}
        for b in built
    ]
    write.insert(session, ExchangeLine, rows)
