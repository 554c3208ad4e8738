"""What the causal graph says: pure functions, the graph first, plain values out.

"Causal" edges here are ``influenced`` (factor -> factor) and ``contributed_to``
(factor -> episode): the explanation of practice. ``led_to`` (episode -> episode) is the
story, and ``evidenced_by`` ties findings to the case; neither is followed when asking what a
factor reaches, because a later episode is a consequence of practice, not of the factor.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import networkx as nx

CAUSAL = frozenset({"influenced", "contributed_to"})
EXACT_BETWEENNESS_UP_TO = 100
"""Above this many nodes (far more than a real review has) betweenness is estimated from a
fixed, seeded sample of BETWEENNESS_SAMPLE sources, so the answer stays quick and repeatable."""
BETWEENNESS_SAMPLE = 50


@dataclass(frozen=True)
class FactorStanding:
    factor: str
    label: str
    root: bool
    reach: list[str]
    betweenness: float


@dataclass(frozen=True)
class Loops:
    loops: list[list[str]]
    more: bool


@dataclass(frozen=True)
class BackwardsLink:
    source: str
    target: str
    link_id: int | None
    source_date: str
    target_date: str


def _of_kind(graph: nx.DiGraph, kind: str) -> list[str]:
    return sorted((n for n, d in graph.nodes(data=True) if d.get("kind") == kind), key=_order)


def _order(key: str) -> tuple[str, int]:
    kind, _, raw = key.partition(":")
    return kind, int(raw) if raw.isdigit() else 0


def edges_of(graph: nx.DiGraph, kinds: frozenset[str]) -> nx.DiGraph:
    """The subgraph of edges of these kinds (all nodes kept)."""
    view = nx.DiGraph()
    view.add_nodes_from(graph.nodes(data=True))
    view.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if d.get("kind") in kinds)
    return view


def root_factors(graph: nx.DiGraph) -> list[str]:
    """Factors nothing else influences, that themselves influence or explain something.

    A factor linked to nothing is not a root: the completeness checks report it instead.
    """
    roots = []
    for factor in _of_kind(graph, "factor"):
        incoming = any(
            d.get("kind") == "influenced" for _, _, d in graph.in_edges(factor, data=True)
        )
        outgoing = any(d.get("kind") in CAUSAL for _, _, d in graph.out_edges(factor, data=True))
        if outgoing and not incoming:
            roots.append(factor)
    return roots


def reach(graph: nx.DiGraph, factor: str) -> list[str]:
    """The episodes a factor explains, directly or through the factors it influences."""
    return reach_of_all(graph).get(factor, [])


def reach_of_all(graph: nx.DiGraph) -> dict[str, list[str]]:
    """``reach`` of every factor at once, in time linear in the graph (loops collapsed)."""
    return _reach_of_all(graph, edges_of(graph, CAUSAL))


def _reach_of_all(graph: nx.DiGraph, causal: nx.DiGraph) -> dict[str, list[str]]:
    dag = nx.condensation(causal)
    episodes = sorted(
        (n for n, d in graph.nodes(data=True) if d.get("kind") == "episode"), key=_order
    )
    bit = {e: 1 << i for i, e in enumerate(episodes)}
    below: dict[int, int] = {}
    # Children before parents: a component reaches what its successors are and reach.
    for c in reversed(list(nx.topological_sort(dag))):
        mask = 0
        for child in dag.successors(c):
            mask |= below[child]
            for member in dag.nodes[child]["members"]:
                mask |= bit.get(member, 0)
        below[c] = mask
    mapping = dag.graph["mapping"]
    result = {}
    for factor in _of_kind(graph, "factor"):
        mask = below[mapping[factor]]
        result[factor] = [e for e in episodes if mask & bit[e]]
    return result


def betweenness(graph: nx.DiGraph, *, seed: int = 7) -> dict[str, float]:
    """Betweenness centrality over the causal edges (sampled, seeded, on large graphs)."""
    return _betweenness(edges_of(graph, CAUSAL), seed)


def _betweenness(causal: nx.DiGraph, seed: int = 7) -> dict[str, float]:
    n = causal.number_of_nodes()
    k = None if n <= EXACT_BETWEENNESS_UP_TO else BETWEENNESS_SAMPLE
    values: dict[str, float] = nx.betweenness_centrality(causal, k=k, seed=seed, normalized=True)
    return values


def factor_standing(graph: nx.DiGraph) -> list[FactorStanding]:
    """Every factor ranked by influence: episodes reached, then betweenness, then key.

    Reach counts how much of the case a factor explains; betweenness how much of the
    explanation passes through it.
    """
    causal = edges_of(graph, CAUSAL)
    central = _betweenness(causal)
    roots = set(root_factors(graph))
    reaches = _reach_of_all(graph, causal)
    standings = []
    for factor in _of_kind(graph, "factor"):
        reached = reaches[factor]
        standings.append(
            FactorStanding(
                factor=factor,
                label=str(graph.nodes[factor].get("label", factor)),
                root=factor in roots,
                reach=reached,
                betweenness=round(central.get(factor, 0.0), 6),
            )
        )
    standings.sort(key=lambda s: (-len(s.reach), -s.betweenness, _order(s.factor)))
    return standings


def feedback_loops(graph: nx.DiGraph, *, limit: int = 20) -> Loops:
    """Feedback loops among factors (cycles of ``influenced`` links): the shortest loop
    through each factor that lies on one, without repeats, at most ``limit``; ``more``
    says that the search stopped with loops still to list.

    Searching from each factor in turn, and only inside the groups of factors that can
    reach each other, keeps this quick on a dense graph of thousands of factors, where
    listing every cycle would never end.
    """
    succ: dict[str, list[str]] = {}
    for u, v, d in graph.edges(data=True):
        if d.get("kind") == "influenced":
            succ.setdefault(u, []).append(v)
    found: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    groups = [g for g in nx.strongly_connected_components(nx.DiGraph(succ)) if len(g) > 1]
    for group in sorted(groups, key=lambda g: min(_order(k) for k in g)):
        # Plain lists, not a networkx subgraph view: the search reads them thousands of times.
        within = {n: [m for m in succ.get(n, ()) if m in group] for n in group}
        for factor in sorted(group, key=_order):
            loop = tuple(_rotate(_shortest_loop(within, factor)))
            if loop in seen:
                continue
            seen.add(loop)
            found.append(list(loop))
            if len(found) > limit:
                return Loops(loops=sorted(found[:limit], key=_loop_order), more=True)
    return Loops(loops=sorted(found, key=_loop_order), more=False)


def _loop_order(loop: list[str]) -> list[tuple[str, int]]:
    return [_order(k) for k in loop]


def _shortest_loop(succ: Mapping[str, list[str]], start: str) -> list[str]:
    # Breadth-first from ``start``: the first node found with a link back closes the loop.
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if start in succ[node]:
            path = [node]
            while parent[path[-1]] is not None:
                path.append(parent[path[-1]])  # type: ignore[arg-type]
            return list(reversed(path))
        for nxt in succ[node]:
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    raise ValueError(f"{start} is on no loop")


def _rotate(cycle: list[str]) -> list[str]:
    start = min(range(len(cycle)), key=lambda i: _order(cycle[i]))
    return cycle[start:] + cycle[:start]


def _when(graph: nx.DiGraph, node: str) -> date | None:
    raw = graph.nodes[node].get("period_start")
    return date.fromisoformat(raw) if raw else None


def backwards_led_to(graph: nx.DiGraph) -> list[BackwardsLink]:
    """``led_to`` links whose target episode started before its source episode."""
    found = []
    for u, v, d in graph.edges(data=True):
        if d.get("kind") != "led_to":
            continue
        start, end = _when(graph, u), _when(graph, v)
        if start and end and end < start:
            found.append(BackwardsLink(u, v, d.get("link_id"), start.isoformat(), end.isoformat()))
    return sorted(found, key=lambda b: (_order(b.source), _order(b.target)))


def components(graph: nx.DiGraph) -> list[list[str]]:
    """The disconnected parts of the story, largest first."""
    parts = [sorted(c, key=_order) for c in nx.weakly_connected_components(graph)]
    return sorted(parts, key=lambda c: (-len(c), _order(c[0])))


def longest_chains(graph: nx.DiGraph, *, limit: int = 5) -> list[list[list[str]]]:
    """The longest chains of explanation ending in an episode, at most ``limit``.

    A chain is a list of steps; each step is one factor, or the factors of a feedback loop
    taken together (loops are collapsed so that chains stay finite), and the last step is
    the episode. Linear in the size of the graph.
    """
    causal = edges_of(graph, CAUSAL)
    causal.remove_nodes_from([n for n, d in graph.nodes(data=True) if d.get("kind") == "finding"])
    dag = nx.condensation(causal)
    members = {c: sorted(dag.nodes[c]["members"], key=_order) for c in dag.nodes}
    best: dict[int, tuple[int, int | None]] = {}
    for c in nx.topological_sort(dag):
        preds = [(best[p][0], p) for p in dag.predecessors(c)]
        length, parent = max(preds, key=lambda x: (x[0], -x[1])) if preds else (0, None)
        best[c] = (length + 1, parent)
    ends = [
        c
        for c in dag.nodes
        if len(members[c]) == 1
        and graph.nodes[members[c][0]].get("kind") == "episode"
        and best[c][0] > 1
    ]
    ends.sort(key=lambda c: (-best[c][0], _order(members[c][0])))
    chains = []
    for end in ends[:limit]:
        steps: list[list[str]] = []
        node: int | None = end
        while node is not None:
            steps.append(members[node])
            node = best[node][1]
        chains.append(list(reversed(steps)))
    return chains
