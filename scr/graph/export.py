"""The causal graph in the formats other tools read. Pure: text or dicts out."""

from __future__ import annotations

from typing import Any

import networkx as nx

MEDIA_TYPES = {
    "json": ("application/json", "json"),
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "cytoscape": ("application/json", "cyjs"),
}
"""For each format: the media type and the file extension of the download."""

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def flattened(graph: nx.Graph) -> nx.Graph:
    """A copy the XML writers accept: no missing values, no lists."""

    def flat(attrs: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for name, value in attrs.items():
            if value is None:
                value = ""
            elif isinstance(value, list | tuple | set):
                value = ";".join(str(v) for v in value)
            out[name] = value
        return out

    copy = type(graph)()
    copy.add_nodes_from((n, flat(d)) for n, d in graph.nodes(data=True))
    copy.add_edges_from((u, v, flat(d)) for u, v, d in graph.edges(data=True))
    return copy


def node_link(graph: nx.DiGraph) -> dict[str, Any]:
    """Node-link JSON (networkx's layout; edges under ``links``)."""
    data: dict[str, Any] = nx.node_link_data(graph, edges="links")
    return data


def graphml(graph: nx.Graph) -> str:
    """GraphML, as Gephi, Cytoscape, yEd and igraph read it."""
    return XML_DECLARATION + "\n".join(nx.generate_graphml(flattened(graph)))


def gexf(graph: nx.Graph) -> str:
    """GEXF, Gephi's own format."""
    return XML_DECLARATION + "\n".join(nx.generate_gexf(flattened(graph)))


def cytoscape(graph: nx.DiGraph) -> dict[str, Any]:
    """Cytoscape.js elements JSON."""
    data: dict[str, Any] = nx.cytoscape_data(graph)
    return data
