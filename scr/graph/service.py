"""The one part of the graph package that reads the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx
import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from scr.chronology.models import ChronologyEntry, earliest
from scr.episode.models import EpisodeCitation, KeyPracticeEpisode
from scr.factor.models import ContributoryFactor
from scr.finding.models import BoardQuestion, Finding
from scr.graph import analysis
from scr.graph.build import build_review_graph, node_key
from scr.graph.checks import completeness_checks
from scr.graph.schemas import (
    AnalysisRead,
    BackwardsLinkRead,
    CheckRead,
    ChecksRead,
    FactorStandingRead,
    FeedbackLoopsRead,
)
from scr.link.models import CausalLink
from scr.records import names as record_names
from scr.review.models import Review

# The graph reads only the columns it is built from, as plain rows: no ORM objects, no
# response schemas. One query per table, whatever the size of the review.


@dataclass(frozen=True, slots=True)
class _Episode:
    id: int
    ordinal: int
    title: str
    period_start: date | None
    period_end: date | None
    appraisal: str | None
    appraisal_rating: str | None
    chronology_entry_ids: list[int]


@dataclass(frozen=True, slots=True)
class _Factor:
    id: int
    description: str
    level: str


@dataclass(frozen=True, slots=True)
class _Finding:
    id: int
    ordinal: int
    title: str
    question_count: int


@dataclass(frozen=True, slots=True)
class _Link:
    id: int
    kind: str
    source: str
    target: str
    evidence_note: str | None


def _rows(
    session: Session, model: type[SQLModel], names: list[str], review: Review
) -> Sequence[Any]:
    """The named columns of the review's rows of ``model``, in the order they were made."""
    table: sa.Table = model.__table__  # type: ignore[attr-defined]
    columns = [table.c[name] for name in names]
    stmt = sa.select(*columns).where(table.c.review_id == review.id).order_by(table.c.id)
    return session.execute(stmt).all()


def _key(kind: object, item_id: int) -> str:
    return node_key(str(getattr(kind, "value", kind)), item_id)


def _episodes(session: Session, review: Review, *, citations: bool) -> list[_Episode]:
    cited: dict[int, list[int]] = defaultdict(list)
    if citations:
        stmt = (
            select(col(EpisodeCitation.episode_id), col(EpisodeCitation.chronology_entry_id))
            .join(ChronologyEntry, col(ChronologyEntry.id) == EpisodeCitation.chronology_entry_id)
            .where(ChronologyEntry.review_id == review.id)
            .order_by(col(ChronologyEntry.entry_date), col(ChronologyEntry.id))
        )
        for episode_id, entry_id in session.exec(stmt):
            cited[episode_id].append(entry_id)
    names = [
        "id",
        "ordinal",
        "title",
        "period_start",
        "period_end",
        "appraisal",
        "appraisal_rating",
    ]
    return [
        _Episode(
            row.id,
            row.ordinal,
            row.title,
            row.period_start,
            row.period_end,
            row.appraisal,
            row.appraisal_rating,
            cited[row.id],
        )
        for row in _rows(session, KeyPracticeEpisode, names, review)
    ]


def _graph(session: Session, review: Review, episodes: list[_Episode]) -> nx.DiGraph:
    factors = _rows(
        session,
        ContributoryFactor,
        ["id", "description", "level"],
        review,
    )
    questions = dict(
        session.exec(
            select(col(BoardQuestion.finding_id), func.count())
            .join(Finding, col(Finding.id) == BoardQuestion.finding_id)
            .where(Finding.review_id == review.id)
            .group_by(col(BoardQuestion.finding_id))
        ).all()
    )
    findings = _rows(
        session,
        Finding,
        ["id", "ordinal", "title"],
        review,
    )
    links = _rows(
        session,
        CausalLink,
        ["id", "kind", "source_kind", "source_id", "target_kind", "target_id", "evidence_note"],
        review,
    )
    return build_review_graph(
        episodes=episodes,
        factors=[_Factor(*row) for row in factors],
        findings=[
            _Finding(row.id, row.ordinal, row.title, questions.get(row.id, 0)) for row in findings
        ],
        links=[
            _Link(i, kind, _key(sk, si), _key(tk, ti), note)
            for i, kind, sk, si, tk, ti, note in links
        ],
    )


def review_graph(*, session: Session, review: Review) -> nx.DiGraph:
    """Read the review's records and links and build its causal graph."""
    return _graph(session, review, _episodes(session, review, citations=False))


def analyse(
    *, session: Session, review: Review, loop_limit: int = 20, episodes: bool = False
) -> AnalysisRead:
    """Roots, reach, loops, components and chains of the review's graph; ``episodes`` lists
    the episodes each factor reaches (the answer grows with factors times episodes)."""
    graph = review_graph(session=session, review=review)
    return AnalysisRead(
        root_factors=analysis.root_factors(graph),
        factors=[
            FactorStandingRead(
                factor=s.factor,
                label=s.label,
                root=s.root,
                reach=len(s.reach),
                episodes=s.reach if episodes else None,
                betweenness=s.betweenness,
            )
            for s in analysis.factor_standing(graph)
        ],
        feedback_loops=FeedbackLoopsRead.model_validate(
            analysis.feedback_loops(graph, limit=loop_limit), from_attributes=True
        ),
        backwards_led_to=[
            BackwardsLinkRead.model_validate(b, from_attributes=True)
            for b in analysis.backwards_led_to(graph)
        ],
        components=analysis.components(graph),
        longest_chains=analysis.longest_chains(graph),
    )


def check(*, session: Session, review: Review) -> ChecksRead:
    """The completeness checks that fail for the review."""
    episodes = _episodes(session, review, citations=True)
    graph = _graph(session, review, episodes)
    stmt = select(
        col(ChronologyEntry.id),
        col(ChronologyEntry.entry_date),
        col(ChronologyEntry.date_precision),
    ).where(ChronologyEntry.review_id == review.id)
    # A month- or year-precise entry counts from its period's first day (the README's rule).
    entry_dates: dict[int, date] = {
        i: earliest(d, precision) for i, d, precision in session.exec(stmt) if i is not None
    }
    names = record_names.of(session, list(graph.nodes))
    found = completeness_checks(graph, episodes=episodes, entry_dates=entry_dates, names=names)
    return ChecksRead(
        blocking=sum(c.severity == "blocking" for c in found),
        advisory=sum(c.severity == "advisory" for c in found),
        checks=[
            CheckRead(
                code=c.code,
                severity=c.severity,
                message=c.message,
                records=c.records,
                names=[names.get(r, r) for r in c.records],
            )
            for c in found
        ],
    )
