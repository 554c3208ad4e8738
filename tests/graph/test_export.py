from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path

import igraph
import networkx as nx

from scr.graph import export
from tests.graph.rows import Episode, Factor, Finding, graph


def _source() -> nx.DiGraph:
    return graph(
        episodes=[Episode(1, title="Home visit"), Episode(2, ordinal=2, title="Referral")],
        factors=[Factor(1, description="Caseloads high", level="working_conditions"), Factor(2)],
        findings=[Finding(1, title="Missed appointments")],
        links=[
            ("influenced", "factor:1", "factor:2"),
            ("influenced", "factor:2", "factor:1"),
            ("contributed_to", "factor:1", "episode:1"),
            ("led_to", "episode:1", "episode:2"),
            ("evidenced_by", "finding:1", "episode:2"),
        ],
    )


def _shape(nodes: dict[str, tuple[str, str]], edges: set[tuple[str, str, str]]) -> tuple:
    return nodes, edges


def _expected(g: nx.DiGraph) -> tuple:
    return _shape(
        {n: (d["kind"], d["label"]) for n, d in g.nodes(data=True)},
        {(u, v, d["kind"]) for u, v, d in g.edges(data=True)},
    )


def test_graphml_reads_back_the_same_in_networkx_and_igraph(tmp_path: Path) -> None:
    g = _source()
    text = export.graphml(g)
    back = nx.read_graphml(StringIO(text))
    assert _expected(back) == _expected(g)

    path = tmp_path / "review.graphml"
    path.write_text(text)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.is_directed()
    names = ig.vs["id"]
    nodes = {v["id"]: (v["kind"], v["label"]) for v in ig.vs}
    edges = {(names[e.source], names[e.target], e["kind"]) for e in ig.es}
    assert _shape(nodes, edges) == _expected(g)


def test_gexf_reads_back_the_same_in_networkx_and_as_plain_xml() -> None:
    g = _source()
    text = export.gexf(g)
    back = nx.read_gexf(StringIO(text))
    assert {(u, v, d["kind"]) for u, v, d in back.edges(data=True)} == _expected(g)[1]
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {
        n: d["label"] for n, d in g.nodes(data=True)
    }

    ns = {"g": "http://www.gexf.net/1.2draft"}
    root = ET.fromstring(text)
    titles = {a.get("id"): a.get("title") for a in root.iterfind(".//g:attributes/g:attribute", ns)}
    nodes = {}
    for node in root.iterfind(".//g:nodes/g:node", ns):
        values = {titles[v.get("for")]: v.get("value") for v in node.iterfind(".//g:attvalue", ns)}
        nodes[node.get("id")] = (values["kind"], node.get("label"))
    assert nodes == _expected(g)[0]
    assert len(root.findall(".//g:edges/g:edge", ns)) == g.number_of_edges()


def test_node_link_and_cytoscape_are_json_with_every_node_and_edge() -> None:
    g = _source()
    node_link = json.loads(json.dumps(export.node_link(g)))
    assert {n["id"] for n in node_link["nodes"]} == set(g.nodes)
    assert len(node_link["links"]) == g.number_of_edges()
    elements = json.loads(json.dumps(export.cytoscape(g)))["elements"]
    assert {n["data"]["id"] for n in elements["nodes"]} == set(g.nodes)
    assert {(e["data"]["source"], e["data"]["target"]) for e in elements["edges"]} == set(g.edges)


def test_missing_values_and_lists_are_flattened_for_the_writers() -> None:
    g = _source()
    g.nodes["episode:1"]["tags"] = ["a", "b"]
    flat = export.flattened(g)
    assert flat.nodes["episode:1"]["tags"] == "a;b"
    assert flat.nodes["episode:1"]["period_start"] == ""
