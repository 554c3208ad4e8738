from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path
from typing import Any

import igraph
import networkx as nx
from lxml import etree

from scr.graph import export
from tests.scr.graph.rows import Episode, Factor, Finding, graph


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


def test_graphml_writes_booleans_in_the_schemas_form_and_reads_them_back() -> None:
    g = nx.Graph()
    g.add_node("pt.escalation", suppressed=False, reviews=12)
    g.add_node("pt.information-sharing", suppressed=True)
    g.add_edge("pt.escalation", "pt.information-sharing", suppressed=True)
    text = export.graphml(g)

    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text)
    booleans = {k.get("id") for k in root.iterfind("g:key", ns) if k.get("attr.type") == "boolean"}
    written = [d.text for d in root.iterfind(".//g:data", ns) if d.get("key") in booleans]
    # xsd:boolean is true, false, 1 or 0: not Python's True and False.
    assert sorted(written, key=str) == ["false", "true", "true"]
    back = nx.read_graphml(StringIO(text))
    assert dict(back.nodes(data="suppressed")) == {
        "pt.escalation": False,
        "pt.information-sharing": True,
    }
    assert back.edges["pt.escalation", "pt.information-sharing"]["suppressed"] is True


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


HOSTILE = 'Mother said "no" <script>&amp; ]]> \u202eevil\u202c \U0001f600 tab\there\nline'
CONTROLS = "bell\x07 escape\x1b form\x0c nul\x00 cr\r end\uffff"


def _hostile(text: str) -> nx.DiGraph:
    return graph(
        episodes=[Episode(1, title=text)],
        factors=[Factor(1, description=text)],
        findings=[Finding(1, title=text)],
        links=[
            ("contributed_to", "factor:1", "episode:1"),
            ("evidenced_by", "finding:1", "episode:1"),
        ],
    )


def _cooccurrence(text: str) -> nx.Graph:
    # The shape of the code network (scr.patterns.network): codes, labels, counts.
    g = nx.Graph()
    g.add_node(f"sp.{text}", label=text, reviews=12)
    g.add_node("sp.other", label="Other <b>", reviews=11)
    g.add_edge(f"sp.{text}", "sp.other", reviews=10, lift=1.5, note=text)
    return g


def _labels(text: str, reader: Any) -> set[str]:
    return {d["label"] for _n, d in reader(StringIO(text)).nodes(data=True)}


def test_hostile_text_survives_every_xml_export_as_written() -> None:
    review, codes = _hostile(HOSTILE), _cooccurrence(HOSTILE)
    for g in (review, codes):
        for text in (export.graphml(g), export.gexf(g)):
            etree.fromstring(text.encode("utf-8"))  # lxml: well-formed, or it raises
            ET.fromstring(text)
    for text, reader in (
        (export.graphml(codes), nx.read_graphml),
        (export.gexf(codes), nx.read_gexf),
    ):
        assert HOSTILE in _labels(text, reader)
    # A review's labels are its records' text on one line (whitespace collapsed).
    one_line = " ".join(HOSTILE.split())
    for text, reader in (
        (export.graphml(review), nx.read_graphml),
        (export.gexf(review), nx.read_gexf),
    ):
        assert one_line in _labels(text, reader)


def test_characters_xml_cannot_hold_are_replaced_so_the_file_still_reads() -> None:
    # Text saved before control characters were refused still exports.
    codes = _cooccurrence(CONTROLS)
    for g in (_hostile(CONTROLS), codes):
        for text in (export.graphml(g), export.gexf(g)):
            assert etree.fromstring(text.encode("utf-8")) is not None
    # (GraphML's reader gives a bare carriage return back as a newline, GEXF's as it was.)
    replaced = "bell\ufffd escape\ufffd form\ufffd nul\ufffd cr\n end\ufffd"
    for text, reader in (
        (export.graphml(codes), nx.read_graphml),
        (export.gexf(codes), nx.read_gexf),
    ):
        assert replaced in {label.replace("\r", "\n") for label in _labels(text, reader)}
