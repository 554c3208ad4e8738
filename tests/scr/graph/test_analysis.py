from __future__ import annotations

from datetime import date

import networkx as nx

from scr.graph import analysis
from tests.scr.graph.rows import Episode, Factor, Finding, graph


def _five() -> nx.DiGraph:
    # f1 -> f2 -> e1, f2 -> f3 -> e2, and e1 led_to e2.
    return graph(
        episodes=[
            Episode(1, period_start=date(2022, 1, 1)),
            Episode(2, period_start=date(2022, 3, 1)),
        ],
        factors=[Factor(1), Factor(2), Factor(3)],
        links=[
            ("influenced", "factor:1", "factor:2"),
            ("influenced", "factor:2", "factor:3"),
            ("contributed_to", "factor:2", "episode:1"),
            ("contributed_to", "factor:3", "episode:2"),
            ("led_to", "episode:1", "episode:2"),
        ],
    )


def test_build_keys_kinds_and_labels() -> None:
    g = _five()
    assert g.nodes["episode:1"]["kind"] == "episode"
    assert g.nodes["episode:1"]["label"] == "KPE 1: Visit"
    assert g.nodes["factor:3"]["level"] == "organisational"
    assert g.edges["factor:1", "factor:2"]["kind"] == "influenced"


def test_roots_are_factors_nothing_influences_that_do_something() -> None:
    g = _five()
    g.add_node("factor:9", kind="factor", label="alone")
    assert analysis.root_factors(g) == ["factor:1"]


def test_reach_follows_influence_and_contribution_but_not_the_story() -> None:
    g = _five()
    assert analysis.reach(g, "factor:1") == ["episode:1", "episode:2"]
    assert analysis.reach(g, "factor:3") == ["episode:2"]
    g2 = graph(
        episodes=[Episode(1), Episode(2)],
        factors=[Factor(1)],
        links=[("contributed_to", "factor:1", "episode:1"), ("led_to", "episode:1", "episode:2")],
    )
    assert analysis.reach(g2, "factor:1") == ["episode:1"]


def test_factors_are_ranked_by_reach_then_betweenness() -> None:
    ranked = analysis.factor_standing(_five())
    assert [s.factor for s in ranked] == ["factor:2", "factor:1", "factor:3"]
    assert ranked[0].betweenness > 0
    assert ranked[1].root


def test_feedback_loops_are_listed_and_bounded() -> None:
    g = graph(
        factors=[Factor(i) for i in range(1, 5)],
        links=[
            ("influenced", "factor:2", "factor:3"),
            ("influenced", "factor:3", "factor:4"),
            ("influenced", "factor:4", "factor:2"),
            ("influenced", "factor:1", "factor:2"),
        ],
    )
    loops = analysis.feedback_loops(g)
    assert loops.loops == [["factor:2", "factor:3", "factor:4"]]
    assert not loops.more
    dense = nx.complete_graph(60, create_using=nx.DiGraph)
    nx.set_edge_attributes(dense, "influenced", "kind")
    bounded = analysis.feedback_loops(nx.relabel_nodes(dense, lambda n: f"factor:{n}"), limit=5)
    assert len(bounded.loops) == 5
    assert bounded.more


def test_led_to_pointing_back_in_time_is_found() -> None:
    g = graph(
        episodes=[
            Episode(1, period_start=date(2022, 5, 1)),
            Episode(2, period_start=date(2022, 2, 1)),
        ],
        links=[("led_to", "episode:1", "episode:2")],
    )
    [back] = analysis.backwards_led_to(g)
    assert (back.source, back.target, back.target_date) == ("episode:1", "episode:2", "2022-02-01")
    assert analysis.backwards_led_to(_five()) == []


def test_components_largest_first() -> None:
    g = _five()
    g.add_node("finding:1", kind="finding", label="loose")
    assert analysis.components(g) == [
        ["episode:1", "episode:2", "factor:1", "factor:2", "factor:3"],
        ["finding:1"],
    ]


def test_longest_chains_collapse_loops_and_end_in_episodes() -> None:
    g = graph(
        episodes=[Episode(1)],
        factors=[Factor(i) for i in range(1, 5)],
        findings=[Finding(1)],
        links=[
            ("influenced", "factor:1", "factor:2"),
            ("influenced", "factor:2", "factor:3"),
            ("influenced", "factor:3", "factor:2"),
            ("contributed_to", "factor:3", "episode:1"),
            ("contributed_to", "factor:4", "episode:1"),
            ("evidenced_by", "finding:1", "episode:1"),
        ],
    )
    assert analysis.longest_chains(g) == [[["factor:1"], ["factor:2", "factor:3"], ["episode:1"]]]


def test_reach_of_every_factor_agrees_with_a_plain_search_on_random_graphs() -> None:
    import random

    rng = random.Random(3)
    for _ in range(30):
        factors = [Factor(i) for i in range(1, 13)]
        episodes = [Episode(i) for i in range(1, 7)]
        links = {
            ("influenced", f"factor:{a}", f"factor:{b}")
            for a, b in (rng.sample(range(1, 13), 2) for _ in range(18))
        }
        links |= {
            ("contributed_to", f"factor:{rng.randint(1, 12)}", f"episode:{rng.randint(1, 6)}")
            for _ in range(10)
        }
        g = graph(episodes=episodes, factors=factors, links=sorted(links))
        causal = analysis.edges_of(g, analysis.CAUSAL)
        for factor, reached in analysis.reach_of_all(g).items():
            plain = {n for n in nx.descendants(causal, factor) if n.startswith("episode:")}
            assert set(reached) == plain


def test_loops_sharing_a_factor_are_each_listed() -> None:
    g = graph(
        factors=[Factor(i) for i in range(1, 4)],
        links=[
            ("influenced", "factor:1", "factor:2"),
            ("influenced", "factor:2", "factor:1"),
            ("influenced", "factor:2", "factor:3"),
            ("influenced", "factor:3", "factor:2"),
        ],
    )
    assert analysis.feedback_loops(g).loops == [
        ["factor:1", "factor:2"],
        ["factor:2", "factor:3"],
    ]
