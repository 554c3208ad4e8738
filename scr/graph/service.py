"""The one part of the graph package that reads the database."""

from __future__ import annotations

from datetime import date

import networkx as nx
from sqlmodel import Session, col, select

from scr.chronology.models import ChronologyEntry
from scr.episode.models import KeyPracticeEpisode
from scr.episode.schemas import EpisodeRead
from scr.factor.models import ContributoryFactor
from scr.factor.schemas import FactorRead
from scr.finding.models import Finding
from scr.finding.schemas import FindingRead
from scr.graph import analysis
from scr.graph.build import build_review_graph
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
from scr.link.schemas import LinkRead
from scr.review.models import Review


def _episodes(session: Session, review: Review) -> list[EpisodeRead]:
    stmt = select(KeyPracticeEpisode).where(KeyPracticeEpisode.review_id == review.id)
    return [EpisodeRead.model_validate(e) for e in session.exec(stmt)]


def review_graph(*, session: Session, review: Review) -> nx.DiGraph:
    """Read the review's records and links and build its causal graph."""
    return _graph(session, review, _episodes(session, review))


def _graph(session: Session, review: Review, episodes: list[EpisodeRead]) -> nx.DiGraph:
    factors = session.exec(
        select(ContributoryFactor).where(ContributoryFactor.review_id == review.id)
    )
    findings = session.exec(select(Finding).where(Finding.review_id == review.id))
    links = session.exec(
        select(CausalLink).where(CausalLink.review_id == review.id).order_by(col(CausalLink.id))
    )
    return build_review_graph(
        episodes=episodes,
        factors=[FactorRead.model_validate(f) for f in factors],
        findings=[FindingRead.model_validate(f) for f in findings],
        links=[LinkRead.model_validate(x) for x in links],
    )


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
    episodes = _episodes(session, review)
    graph = _graph(session, review, episodes)
    stmt = select(col(ChronologyEntry.id), col(ChronologyEntry.entry_date)).where(
        ChronologyEntry.review_id == review.id
    )
    entry_dates: dict[int, date] = {i: d for i, d in session.exec(stmt) if i is not None}
    found = completeness_checks(graph, episodes=episodes, entry_dates=entry_dates)
    return ChecksRead(
        blocking=sum(c.severity == "blocking" for c in found),
        advisory=sum(c.severity == "advisory" for c in found),
        checks=[CheckRead.model_validate(c, from_attributes=True) for c in found],
    )
