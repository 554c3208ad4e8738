"""The causal graph as a figure, drawn on the server by Graphviz (Debian's ``graphviz``).

Each record is drawn with its short name only ("KPE 3", "Factor 2", "Finding 1", as
``scr.records.names`` names them), so that the figure stays legible when it is scaled to an
A4 page (titles made the demo's lettering about 5 points high); the report's key table gives
each name's record. The shapes (not only colours) tell episodes, factors and findings apart,
and the line styles the kinds of link. The text alternative is the list of links in words
(``links_in_words``), which the report prints beside the figure.
"""

from __future__ import annotations

import shutil
import subprocess

import networkx as nx

from scr.report import words

MAX_DRAWN = 80
"""The most records the figure draws: beyond that it is not legible on an A4 page (and
Graphviz's layout takes seconds), so the report gives the links in words alone."""

_SHAPES = {
    "episode": 'shape=box, style="rounded,filled", fillcolor="#d2e2f1"',
    "factor": 'shape=ellipse, style=filled, fillcolor="#fff7bf"',
    "finding": 'shape=hexagon, style=filled, fillcolor="#cce2d8"',
}
_EDGES = {
    "contributed_to": "style=solid",
    "influenced": "style=dashed",
    "led_to": "style=bold",
    "evidenced_by": "style=dotted",
}


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_source(g: nx.DiGraph, names: dict[str, str]) -> str:
    """The figure in Graphviz's language, left to right (a portrait page is tall), in a
    stable order."""
    lines = [
        "digraph review {",
        '  graph [rankdir=LR, nodesep=0.2, ranksep=0.5, fontname="DejaVu Sans"];',
        '  node [fontname="DejaVu Sans", fontsize=12, margin="0.06,0.03"];',
        '  edge [color="#505a5f", arrowsize=0.7];',
    ]
    order = {k: i for i, k in enumerate(names)}  # episodes, factors, findings, by number
    for key in sorted(g.nodes, key=lambda k: order.get(k, len(order))):
        kind = g.nodes[key]["kind"]
        label = names.get(key, key)
        lines.append(f"  {_quote(key)} [label={_quote(label)}, {_SHAPES[kind]}];")
    for source, target, data in sorted(
        g.edges(data=True), key=lambda e: (order[e[0]], order[e[1]])
    ):
        lines.append(f"  {_quote(source)} -> {_quote(target)} [{_EDGES[data['kind']]}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def drawn(g: nx.DiGraph) -> bool:
    """Whether the graph is drawn as a figure (small enough to read on a page)."""
    return 0 < int(g.number_of_nodes()) <= MAX_DRAWN


def draw(source: str, fmt: str) -> bytes | None:
    """The figure as SVG or PNG, or None where Graphviz is not installed."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    args = [dot, f"-T{fmt}"] + (["-Gdpi=150"] if fmt == "png" else [])
    done = subprocess.run(args, input=source.encode(), capture_output=True, check=True)
    return done.stdout


def links_in_words(
    g: nx.DiGraph, names: dict[str, str], titles: dict[str, str]
) -> list[tuple[str, str, str]]:
    """Each link as (from, kind, to), in the figure's names and the records' titles."""

    def said(key: str) -> str:
        return f"{names.get(key, key)}: {titles.get(key, '')}"

    order = {k: i for i, k in enumerate(names)}
    edges = [(s, t, d) for s, t, d in g.edges(data=True) if s in order and t in order]
    return [
        (said(s), words.LINKS[d["kind"]], said(t))
        for s, t, d in sorted(edges, key=lambda e: (order[e[0]], order[e[1]]))
    ]


def alt_text(g: nx.DiGraph) -> str:
    """What the figure shows, for a reader who cannot see it."""
    kinds = [d["kind"] for _, d in g.nodes(data=True)]
    return (
        f"The review's causal graph: {kinds.count('episode')} key practice episodes (boxes), "
        f"{kinds.count('factor')} contributory factors (ellipses) and "
        f"{kinds.count('finding')} findings (hexagons), joined by {g.number_of_edges()} links. "
        "Every link is listed in words in the table after the figure."
    )
