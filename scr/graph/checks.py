"""Completeness checks a lead reviewer wants before the draft goes to the Board. Pure.

Blocking checks stop a review moving to draft or published (unless a lead reviewer overrides
them with a written reason); advisory checks are shown but block nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import networkx as nx

from scr.common.written import written_date
from scr.graph.analysis import backwards_led_to
from scr.graph.build import EpisodeRow, node_key

Severity = Literal["blocking", "advisory"]


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    message: str
    records: list[str] = field(default_factory=list)


def _label(graph: nx.DiGraph, key: str) -> str:
    return str(graph.nodes[key].get("label", key))


def _written(iso: str) -> str:
    return written_date(date.fromisoformat(iso))


def _has_edge(graph: nx.DiGraph, node: str, kind: str, *, incoming: bool) -> bool:
    edges = graph.in_edges(node, data=True) if incoming else graph.out_edges(node, data=True)
    return any(d.get("kind") == kind for _, _, d in edges)


def _nodes(graph: nx.DiGraph, kind: str) -> list[str]:
    keys = [n for n, d in graph.nodes(data=True) if d.get("kind") == kind]
    return sorted(keys, key=lambda k: int(k.partition(":")[2]))


def hindsight(
    episodes: Iterable[EpisodeRow], entry_dates: Mapping[int, date]
) -> list[tuple[EpisodeRow, list[int]]]:
    """Episodes whose appraisal relies on chronology entries dated after the episode ended
    (or, with no end, after it started); for month- or year-precise entries the stored first
    day counts, so a doubtful case is not flagged."""
    found = []
    for episode in episodes:
        until = episode.period_end or episode.period_start
        if until is None:
            continue
        later = [i for i in episode.chronology_entry_ids if entry_dates.get(i, until) > until]
        if later:
            found.append((episode, later))
    return found


def completeness_checks(
    graph: nx.DiGraph,
    *,
    episodes: Iterable[EpisodeRow],
    entry_dates: Mapping[int, date],
    names: Mapping[str, str] | None = None,
) -> list[Check]:
    """Every check that fails, blocking first; ``names`` (``scr.records.names``) names the
    records where a message has no label to name them by, keys otherwise."""
    named = names or {}
    episodes = list(episodes)
    checks: list[Check] = []
    by_key = {node_key("episode", e.id): e for e in episodes}
    for key in _nodes(graph, "episode"):
        episode = by_key.get(key)
        if episode is not None and not (episode.appraisal or "").strip():
            checks.append(
                Check(
                    "episode-without-appraisal",
                    "blocking",
                    f"{_label(graph, key)} has no appraisal yet.",
                    [key],
                )
            )
        elif episode is not None and episode.appraisal_rating is None:
            checks.append(
                Check(
                    "episode-without-appraisal",
                    "blocking",
                    f"{_label(graph, key)} has an appraisal but no rating.",
                    [key],
                )
            )
        if not _has_edge(graph, key, "contributed_to", incoming=True):
            checks.append(
                Check(
                    "episode-without-factor",
                    "blocking",
                    f"{_label(graph, key)} is not explained by any contributory factor.",
                    [key],
                )
            )
    for key in _nodes(graph, "finding"):
        if not _has_edge(graph, key, "evidenced_by", incoming=False):
            checks.append(
                Check(
                    "finding-without-evidence",
                    "blocking",
                    f"{_label(graph, key)} is not linked to any episode or factor "
                    "that shows how it appeared in the case.",
                    [key],
                )
            )
        if not graph.nodes[key].get("questions"):
            checks.append(
                Check(
                    "finding-without-questions",
                    "blocking",
                    f"{_label(graph, key)} has no questions for the Board.",
                    [key],
                )
            )
    led_to = nx.DiGraph((u, v) for u, v, d in graph.edges(data=True) if d.get("kind") == "led_to")
    for cycle in nx.simple_cycles(led_to):
        checks.append(
            Check(
                "led-to-cycle",
                "blocking",
                "Episodes lead to each other in a circle: "
                + " → ".join(named.get(k, k) for k in cycle),
                list(cycle),
            )
        )
    for episode, later in hindsight(episodes, entry_dates):
        key = node_key("episode", episode.id)
        dates = ", ".join(written_date(entry_dates[i]) for i in later)
        checks.append(
            Check(
                "hindsight",
                "blocking",
                f"The appraisal of {_label(graph, key)} relies on chronology "
                f"entries dated after the episode ({dates}): judge it on what was "
                "knowable at the time.",
                [key],
            )
        )
    for key in _nodes(graph, "factor"):
        if graph.degree(key) == 0:
            checks.append(
                Check(
                    "factor-unlinked",
                    "advisory",
                    f"{named.get(key, 'The factor')} '{_label(graph, key)}' is linked to nothing.",
                    [key],
                )
            )
    for link in backwards_led_to(graph):
        checks.append(
            Check(
                "led-to-backwards",
                "advisory",
                f"{_label(graph, link.source)} led to "
                f"{_label(graph, link.target)}, which started earlier "
                f"({_written(link.target_date)} before {_written(link.source_date)}).",
                [link.source, link.target],
            )
        )
    return sorted(checks, key=lambda c: c.severity != "blocking")
