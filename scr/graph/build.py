"""Rows of a review -> its causal graph (an ``nx.DiGraph``). Pure: no I/O.

Nodes are keyed ``episode:ID``, ``factor:ID`` and ``finding:ID`` and carry ``kind`` and a
readable ``label``; edges carry the link's ``kind``, ``link_id`` and ``evidence_note``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

import networkx as nx

from scr.records import names as record_names

LABEL_LENGTH = 80


class EpisodeRow(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def ordinal(self) -> int: ...

    @property
    def title(self) -> str: ...

    @property
    def period_start(self) -> date | None: ...

    @property
    def period_end(self) -> date | None: ...

    @property
    def appraisal(self) -> str | None: ...

    @property
    def appraisal_rating(self) -> str | None: ...

    @property
    def chronology_entry_ids(self) -> list[int]: ...


class FactorRow(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def description(self) -> str: ...

    @property
    def level(self) -> str: ...


class FindingRow(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def ordinal(self) -> int: ...

    @property
    def title(self) -> str: ...

    @property
    def question_count(self) -> int: ...


class LinkRow(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def kind(self) -> str: ...

    @property
    def source(self) -> str: ...

    @property
    def target(self) -> str: ...

    @property
    def evidence_note(self) -> str | None: ...


def node_key(kind: str, item_id: int) -> str:
    """The graph key of a record, e.g. ``factor:7``."""
    return f"{kind}:{item_id}"


def parse_node_key(key: str) -> tuple[str, int]:
    """Split ``kind:id``; ValueError with a readable message when it is not one."""
    kind, sep, raw = key.partition(":")
    if not sep or kind not in ("episode", "factor", "finding") or not raw.isdigit():
        raise ValueError(f"{key!r} is not a record key such as factor:7 or episode:12")
    return kind, int(raw)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def value_of(x: object) -> str | None:
    # Enumerations arrive as StrEnum members from the Read schemas; keep their string value.
    return None if x is None else str(getattr(x, "value", x))


def build_review_graph(
    *,
    episodes: Iterable[EpisodeRow],
    factors: Iterable[FactorRow],
    findings: Iterable[FindingRow],
    links: Iterable[LinkRow],
) -> nx.DiGraph:
    """Build the review's causal graph from its records and links."""
    graph = nx.DiGraph()
    for e in episodes:
        graph.add_node(
            node_key("episode", e.id),
            kind="episode",
            label=_short(f"{record_names.episode(e.ordinal)}: {e.title}"),
            ordinal=e.ordinal,
            rating=value_of(e.appraisal_rating),
            period_start=_iso(e.period_start),
            period_end=_iso(e.period_end),
        )
    for f in factors:
        graph.add_node(
            node_key("factor", f.id),
            kind="factor",
            label=_short(f.description),
            level=value_of(f.level),
        )
    for g in findings:
        graph.add_node(
            node_key("finding", g.id),
            kind="finding",
            label=_short(f"{record_names.finding(g.ordinal)}: {g.title}"),
            ordinal=g.ordinal,
            questions=g.question_count,
        )
    for link in links:
        graph.add_edge(
            link.source,
            link.target,
            kind=value_of(link.kind),
            link_id=link.id,
            evidence_note=link.evidence_note,
        )
    return graph
