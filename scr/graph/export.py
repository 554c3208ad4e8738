"""The causal graph in the formats other tools read. Pure: text or dicts out."""

from __future__ import annotations

import re
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


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold even escaped (text is refused with them since they were,
but records saved earlier may have them)."""


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def flattened(graph: nx.Graph) -> nx.Graph:
    """A copy the XML writers accept: no missing values, no lists, only characters XML holds
    (any other becomes U+FFFD). The writers escape ``<``, ``&`` and the rest themselves."""

    def flat(attrs: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for name, value in attrs.items():
            if value is None:
                value = ""
            elif isinstance(value, list | tuple | set):
                value = ";".join(str(v) for v in value)
            out[name] = _xml_text(value) if isinstance(value, str) else value
        return out

    def key(node: Any) -> Any:
        return _xml_text(node) if isinstance(node, str) else node

    copy = type(graph)()
    copy.add_nodes_from((key(n), flat(d)) for n, d in graph.nodes(data=True))
    copy.add_edges_from((key(u), key(v), flat(d)) for u, v, d in graph.edges(data=True))
    return copy


def node_link(graph: nx.DiGraph) -> dict[str, Any]:
    """Node-link JSON (networkx's layout; edges under ``links``)."""
    data: dict[str, Any] = nx.node_link_data(graph, edges="links")
    return data


def graphml(graph: nx.Graph) -> str:
    """GraphML, as Gephi, Cytoscape, yEd and igraph read it. Booleans are written as the
    schema's ``true`` and ``false``: networkx's writer writes Python's ``True`` and ``False``,
    which validating readers refuse."""
    writer = nx.readwrite.graphml.GraphMLWriter()
    writer.add_graph_element(flattened(graph))
    booleans = {
        key.get("id") for key in writer.xml.iter("key") if key.get("attr.type") == "boolean"
    }
    for data in writer.xml.iter("data"):
        if data.get("key") in booleans and data.text is not None:
            data.text = data.text.lower()
    return XML_DECLARATION + "\n".join(str(writer).splitlines())


def gexf(graph: nx.Graph) -> str:
    """GEXF, Gephi's own format."""
    return XML_DECLARATION + "\n".join(nx.generate_gexf(flattened(graph)))


def cytoscape(graph: nx.DiGraph) -> dict[str, Any]:
    """Cytoscape.js elements JSON."""
    data: dict[str, Any] = nx.cytoscape_data(graph)
    return data
