"""A reviewer records contributory factors and draws the causal graph by dragging; the demo
review's graph shows what its analysis finds."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    DEMO_REVIEW,
    Api,
    drag,
    graph_node,
    open_demo_review,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser


def _new_review_with_an_episode(api: Api) -> tuple[int, dict[str, Any]]:
    """A review of the lead's own (unique texts: the server is shared by a run's tests)."""
    board_id = api.get("/reviews")["items"][0]["board_id"]
    mark = uuid.uuid4().hex[:6].upper()
    review = api.post(
        "/reviews",
        {
            "board_id": board_id,
            "reference": f"GRAPH-{mark}",
            "child_pseudonym": "Child G",
            "review_type": "rapid_review",
        },
    )
    episode = api.post(
        f"/reviews/{review['id']}/episodes",
        {"title": f"Home visit {mark}: the baby was not seen", "period_start": "2023-03-02"},
    )
    return review["id"], episode


def test_a_reviewer_adds_a_factor_and_links_it_to_an_episode_by_dragging(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    review_id, episode = _new_review_with_an_episode(api)
    description = f"Visits were booked by letter only ({uuid.uuid4().hex[:6]})."
    sign_in(page, live_server)

    page.goto(f"{live_server}/reviews/{review_id}/factors")
    expect(page.get_by_role("heading", level=1)).to_have_text("Contributory factors")
    page.get_by_role("link", name="Add a factor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a contributory factor")
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Description").fill(description)
    page.get_by_role("radio", name="Organisational culture and management").check()
    page.get_by_label("Detail and evidence (optional)").fill("The service's policy since 2021.")
    page.get_by_role("button", name="Add the factor").click()

    expect(page.get_by_role("alert")).to_contain_text("The factor was added.")
    row = page.get_by_role("table", name="Factors").get_by_role("row").filter(has_text=description)
    expect(row).to_contain_text("Organisational culture and management")
    expect(row).to_contain_text("Not linked yet")
    assert serious_accessibility_violations(page) == []
    (factor,) = api.get(f"/reviews/{review_id}/factors")["items"]
    factor_key, episode_key = f"factor:{factor['id']}", f"episode:{episode['id']}"

    review_nav(page, "Causal graph")
    expect(page.locator(graph_node(factor_key))).to_be_visible()
    expect(page.locator(graph_node(episode_key))).to_be_visible()
    page.locator(".scr-graph").scroll_into_view_if_needed()
    drag(
        page,
        f'{graph_node(factor_key)} .react-flow__handle[data-handleid="out"]',
        f'{graph_node(episode_key)} .react-flow__handle[data-handleid="in"]',
    )

    chooser = page.get_by_role("form", name="Add a link")
    # A factor may only contribute to an episode: that is the one kind offered.
    expect(chooser.get_by_role("radio")).to_have_count(1)
    expect(chooser.get_by_role("radio", name=re.compile(r"^Contributed to: "))).to_be_checked()
    chooser.get_by_label("Evidence for the link (optional)").fill("Letters went unanswered.")
    chooser.get_by_role("button", name="Add the link").click()

    expect(page.get_by_role("alert")).to_contain_text("The link was added")
    links_table = page.get_by_role("table", name=re.compile(r"^Links"))
    saved = links_table.get_by_role("row").filter(has_text=description)
    expect(saved).to_contain_text("Contributed to")
    expect(saved).to_contain_text(episode["title"])
    expect(page.locator(".react-flow__edge")).to_have_count(1)
    links = api.get(f"/reviews/{review_id}/links")["items"]
    assert [(x["kind"], x["source"], x["target"], x["evidence_note"]) for x in links] == [
        ("contributed_to", factor_key, episode_key, "Letters went unanswered.")
    ]
    assert serious_accessibility_violations(page) == []

    # Dragging the other way round, from the episode to the factor, offers the same link and
    # the service refuses it as a duplicate, in its own words.
    drag(
        page,
        f'{graph_node(episode_key)} .react-flow__handle[data-handleid="out"]',
        f"{graph_node(factor_key)} .scr-node__kind",
    )
    chooser.get_by_role("button", name="Add the link").click()
    problem = page.locator(".govuk-error-summary").filter(has_text="The link was not added")
    expect(problem).to_contain_text("Factor 1 is already linked to KPE 1 (contributed to).")
    assert len(api.get(f"/reviews/{review_id}/links")["items"]) == 1


def test_the_demo_graph_highlights_the_root_factors_and_the_feedback_loop(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server)
    open_demo_review(page)
    review_nav(page, "Causal graph")
    expect(page.get_by_role("heading", level=1)).to_have_text("Causal graph")
    page.locator(".react-flow__node").first.wait_for()

    api = Api(page.request, live_server)
    review_id = int(page.url.split("/reviews/")[1].split("/")[0])
    analysis = api.get(f"/reviews/{review_id}/analysis?loop_limit=50")
    graph = api.get(f"/reviews/{review_id}/graph")
    links = api.get(f"/reviews/{review_id}/links?limit=200")["items"]
    roots = set(analysis["root_factors"])
    loops = analysis["feedback_loops"]["loops"]
    on_loops = {factor for loop in loops for factor in loop}
    assert roots, "the demo review has root factors"
    assert loops, "the demo review has a feedback loop"

    factors = [n["id"] for n in graph["nodes"] if n["kind"] == "factor"]
    expect(page.locator(".react-flow__node")).to_have_count(len(graph["nodes"]))
    for factor in factors:
        box = page.locator(f"{graph_node(factor)} .scr-node")
        root = re.compile(r"\bscr-node--root\b")
        loop = re.compile(r"\bscr-node--loop\b")
        if factor in roots:
            expect(box).to_have_class(root)
            expect(box).to_contain_text("Root factor")
        else:
            expect(box).not_to_have_class(root)
        if factor in on_loops:
            expect(box).to_have_class(loop)
            expect(box).to_contain_text("Feedback loop")
        else:
            expect(box).not_to_have_class(loop)

    closing = {(loop[i], loop[(i + 1) % len(loop)]) for loop in loops for i in range(len(loop))}
    loop_links = {
        x["id"]
        for x in links
        if x["kind"] == "influenced" and (x["source"], x["target"]) in closing
    }
    assert len(loop_links) == len(closing)
    expect(page.locator(".react-flow__edge.scr-edge--loop")).to_have_count(len(loop_links))
    for link_id in loop_links:
        expect(page.locator(f'.react-flow__edge[data-id="link-{link_id}"]')).to_have_class(
            re.compile(r"\bscr-edge--loop\b")
        )

    key = page.locator(".scr-key")
    expect(key).to_contain_text("Root factor: nothing influences it")
    expect(key).to_contain_text("Factor on a feedback loop")
    expect(key).to_contain_text("a link of a feedback loop")
    listed = page.get_by_role("list", name="Root factors").get_by_role("listitem")
    expect(listed).to_have_count(len(roots))
    expect(page.get_by_role("list", name="Feedback loops").get_by_role("listitem")).to_have_count(
        len(loops)
    )
    assert serious_accessibility_violations(page) == []


def test_clicking_a_node_opens_its_record(page: Page, live_server: str) -> None:
    sign_in(page, live_server)
    open_demo_review(page)
    review_id = int(page.url.split("/reviews/")[1].split("/")[0])
    api = Api(page.request, live_server)
    graph = api.get(f"/reviews/{review_id}/graph")
    episode = next(n for n in graph["nodes"] if n["kind"] == "episode")
    factor = next(n for n in graph["nodes"] if n["kind"] == "factor")

    review_nav(page, "Causal graph")
    page.locator(".scr-graph").scroll_into_view_if_needed()
    # Anywhere on the node opens it, not only its name.
    page.locator(f"{graph_node(episode['id'])} .scr-node__kind").click()
    expect(page).to_have_url(re.compile(rf"/reviews/{review_id}/episodes/{episode['id'][8:]}$"))
    expect(page.get_by_label("Title")).to_have_value(re.compile(r"\S"))

    page.go_back()
    page.locator(".scr-graph").scroll_into_view_if_needed()
    page.locator(f"{graph_node(factor['id'])} .scr-node__label").click()
    expect(page).to_have_url(re.compile(rf"/reviews/{review_id}/factors/{factor['id'][7:]}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Factor 1: contributory factor")


def test_a_board_member_reads_the_graph_without_changing_it(page: Page, live_server: str) -> None:
    sign_in(page, live_server, BOARD_MEMBER)
    open_demo_review(page)
    review_nav(page, "Causal graph")
    page.locator(".react-flow__node").first.wait_for()
    expect(
        page.get_by_text("You can read the graph; only the review's reviewers change it.")
    ).to_be_visible()
    expect(page.locator(".react-flow__handle.connectable")).to_have_count(0)
    expect(page.get_by_role("button", name="Add the link")).to_have_count(0)
    expect(
        page.get_by_role("table", name=re.compile(r"^Links")).get_by_role("button")
    ).to_have_count(0)


def test_a_board_member_downloads_the_graph_as_graphml_and_gexf(
    page: Page, live_server: str, tmp_path: Path
) -> None:
    sign_in(page, live_server, BOARD_MEMBER)
    open_demo_review(page)
    review_nav(page, "Causal graph")
    page.locator(".react-flow__node").first.wait_for()
    api = Api(page.request, live_server, BOARD_MEMBER)
    graph = api.get(f"/reviews/{api.demo_review()['id']}/graph")
    downloads = page.get_by_role("region", name="Download the graph")
    for name, read in (("GraphML", nx.read_graphml), ("GEXF", nx.read_gexf)):
        with page.expect_download() as downloaded:
            downloads.get_by_role("link", name=f"The causal graph as {name}").click()
        # Saved under the service's name for the file: the review's reference.
        saved = tmp_path / downloaded.value.suggested_filename
        assert saved.name == f"{DEMO_REVIEW}.{name.lower()}"
        downloaded.value.save_as(saved)
        back = read(saved)
        assert sorted(back.nodes) == sorted(node["id"] for node in graph["nodes"])
