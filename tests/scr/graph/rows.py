"""Tiny rows for building graphs inside tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from scr.graph.build import build_review_graph


@dataclass
class Episode:
    id: int
    ordinal: int = 1
    title: str = "Visit"
    period_start: date | None = None
    period_end: date | None = None
    appraisal: str | None = "Reasonable at the time."
    appraisal_rating: str | None = "as_expected"
    chronology_entry_ids: list[int] = field(default_factory=list)


@dataclass
class Factor:
    id: int
    description: str = "A factor"
    level: str = "organisational"


@dataclass
class Finding:
    id: int
    ordinal: int = 1
    title: str = "A finding"
    question_count: int = 1


@dataclass
class Link:
    kind: str
    source: str
    target: str
    id: int = 0
    evidence_note: str | None = None


def graph(
    *,
    episodes: list[Episode] = (),
    factors: list[Factor] = (),
    findings: list[Finding] = (),
    links: list[tuple[str, str, str]] = (),
) -> nx.DiGraph:
    """Build a review graph from short descriptions: links as (kind, source, target)."""
    return build_review_graph(
        episodes=episodes,
        factors=factors,
        findings=findings,
        links=[Link(k, s, t, id=i) for i, (k, s, t) in enumerate(links, start=1)],
    )
