"""The co-occurrence of codes as a network, for Gephi and Cytoscape."""

from __future__ import annotations

from typing import Any

import networkx as nx

from scr.patterns.schemas import Cooccurrence, Count
from typology.loader import Typology


def _count(count: Count) -> dict[str, Any]:
    """A count as attributes: a suppressed one has no value, only the mark."""
    if count.reviews is None:
        return {"suppressed": True}
    return {"reviews": count.reviews, "suppressed": False}


def network(result: Cooccurrence, typology: Typology) -> nx.Graph:
    """Codes as nodes (with their review counts), pairs as edges (count, lift, p-value and
    the q-value corrected for every pair tested)."""
    graph = nx.Graph()
    for pair in result.items:
        for code, count in ((pair.code_a, pair.count_a), (pair.code_b, pair.count_b)):
            found = typology.code(code)
            graph.add_node(code, label=found.label if found else code, **_count(count))
        figures = {
            name: value
            for name, value in (
                ("lift", pair.lift),
                ("p_value", pair.p_value),
                ("q_value", pair.q_value),
            )
            if value is not None
        }
        graph.add_edge(pair.code_a, pair.code_b, **_count(pair.count), **figures)
    return graph
