"""The causal graph can be read and drawn: the demo's graph opens whole with text of 11px or
more, stays whole after a link is added, the panel to choose a link's kind covers neither of
its records, the focus goes to the message after adding, a link can be drawn with the keyboard
alone, and at a phone's width the graph and the patterns fit the screen with readable text."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    Api,
    drag,
    graph_node,
    open_demo_review,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SMALLEST_TEXT = 11

# Each node's box, the drawing's box, and the smallest text of the nodes as drawn on the screen
# (its font size times the scale the node is drawn at).
MEASURE = """() => {
  const pane = document.querySelector('.react-flow').getBoundingClientRect();
  const nodes = [...document.querySelectorAll('.react-flow__node')].map((node) => {
    const box = node.getBoundingClientRect();
    const scale = box.width / node.offsetWidth;
    const sizes = [...node.querySelectorAll('.scr-node__label, .scr-node__kind')].map(
      (text) => parseFloat(getComputedStyle(text).fontSize) * scale);
    return {id: node.dataset.id, left: box.left, top: box.top, right: box.right,
            bottom: box.bottom, text: Math.min(...sizes)};
  });
  return {pane: {left: pane.left, top: pane.top, right: pane.right, bottom: pane.bottom}, nodes};
}"""


def _measure(page: Page) -> dict[str, Any]:
    return page.evaluate(MEASURE)  # type: ignore[no-any-return]


def _outside(drawing: dict[str, Any]) -> list[str]:
    """The nodes not wholly inside the drawing's visible box."""
    pane = drawing["pane"]
    return [
        node["id"]
        for node in drawing["nodes"]
        if node["left"] < pane["left"] - 1
        or node["top"] < pane["top"] - 1
        or node["right"] > pane["right"] + 1
        or node["bottom"] > pane["bottom"] + 1
    ]


def _smallest_text(drawing: dict[str, Any]) -> float:
    return min(node["text"] for node in drawing["nodes"])


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not on the screen"
    return box


def _in_window(page: Page, selector: str) -> bool:
    return bool(
        page.locator(selector).evaluate(
            "e => { const r = e.getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }"
        )
    )


def _focused_choice(page: Page, other_than: str | None = None) -> str:
    """The record whose "Link to here" button has the focus, once one other than `other_than`
    has it (the focus follows the arrow keys as the drawing is drawn again)."""
    handle = page.wait_for_function(
        "(other) => { const key = document.activeElement?.dataset?.linkTo;"
        " return key && key !== other ? key : null; }",
        arg=other_than,
    )
    return str(handle.json_value())


def _new_review(api: Api) -> tuple[int, list[str], list[str]]:
    """A review of the lead's own with three episodes and four factors, none linked yet."""
    board_id = api.get("/reviews")["items"][0]["board_id"]
    mark = uuid.uuid4().hex[:6].upper()
    review = api.post(
        "/reviews",
        {
            "board_id": board_id,
            "reference": f"READ-{mark}",
            "child_pseudonym": "Child R",
            "review_type": "rapid_review",
        },
    )
    rid = review["id"]
    episodes = [
        api.post(
            f"/reviews/{rid}/episodes",
            {
                "title": f"Visit {n} ({mark}): the baby was not seen",
                "period_start": f"2023-0{n}-0{n}",
            },
        )
        for n in (1, 2, 3)
    ]
    factors = [
        api.post(
            f"/reviews/{rid}/factors",
            {"description": f"Factor {n} ({mark}): caseloads above the limit", "level": "own_team"},
        )
        for n in (1, 2, 3, 4)
    ]
    # Linked into a chain, so that one more link moves records about.
    api.post(
        f"/reviews/{rid}/links",
        {
            "kind": "influenced",
            "source": f"factor:{factors[0]['id']}",
            "target": f"factor:{factors[1]['id']}",
        },
    )
    api.post(
        f"/reviews/{rid}/links",
        {
            "kind": "led_to",
            "source": f"episode:{episodes[0]['id']}",
            "target": f"episode:{episodes[1]['id']}",
        },
    )
    return (
        rid,
        [f"episode:{e['id']}" for e in episodes],
        [f"factor:{f['id']}" for f in factors],
    )


def _open_graph(page: Page, base: str, review_id: int) -> None:
    page.goto(f"{base}/reviews/{review_id}/graph")
    page.locator(".react-flow__node").first.wait_for()
    page.locator(".scr-graph").scroll_into_view_if_needed()


@pytest.fixture
def desktop(browser: Browser) -> Any:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Any:
    context = browser.new_context(viewport=PHONE, has_touch=True)
    yield context.new_page()
    context.close()


def test_the_demo_graph_opens_whole_with_readable_text(desktop: Page, live_server: str) -> None:
    page = desktop
    sign_in(page, live_server)
    open_demo_review(page)
    review_nav(page, "Causal graph")
    page.locator(".react-flow__node").first.wait_for()
    page.locator(".scr-graph").scroll_into_view_if_needed()
    drawing = _measure(page)
    assert len(drawing["nodes"]) >= 27
    assert _outside(drawing) == []
    assert _smallest_text(drawing) >= SMALLEST_TEXT


def test_a_link_added_by_dragging_keeps_every_record_in_view_and_says_so_where_one_is(
    desktop: Page, live_server: str
) -> None:
    page = desktop
    api = Api(page.request, live_server)
    review_id, episodes, factors = _new_review(api)
    sign_in(page, live_server)
    _open_graph(page, live_server, review_id)
    assert _outside(_measure(page)) == []

    target = graph_node(episodes[2])
    drag(
        page,
        f'{graph_node(factors[1])} .react-flow__handle[data-handleid="out"]',
        f'{target} .react-flow__handle[data-handleid="in"]',
    )
    chooser = page.get_by_role("form", name="Add a link")
    expect(chooser).to_be_visible()
    # The panel covers neither the record dropped on nor the one the drag began at.
    panel = _box(page, ".scr-graph__aside")
    assert not _overlap(panel, _box(page, target))
    assert not _overlap(panel, _box(page, graph_node(factors[1])))
    chooser.get_by_role("button", name="Add the link").click()

    message = page.get_by_role("alert").filter(has_text="The link was added")
    expect(message).to_be_visible()
    # The focus is on the message, not left on the page's body, and the message is in view.
    expect(message).to_be_focused()
    assert _in_window(page, ".scr-link-added")
    expect(page.locator(".react-flow__edge")).to_have_count(3)
    drawing = _measure(page)
    assert _outside(drawing) == []
    assert _smallest_text(drawing) >= SMALLEST_TEXT
    assert not _overlap(_box(page, ".scr-link-added"), _box(page, target))
    assert serious_accessibility_violations(page) == []
    links = api.get(f"/reviews/{review_id}/links")["items"]
    assert ("contributed_to", factors[1], episodes[2]) in {
        (x["kind"], x["source"], x["target"]) for x in links
    }


def test_a_link_is_drawn_on_the_graph_with_the_keyboard_alone(
    desktop: Page, live_server: str
) -> None:
    page = desktop
    api = Api(page.request, live_server)
    review_id, episodes, factors = _new_review(api)
    sign_in(page, live_server)
    _open_graph(page, live_server, review_id)

    # Tab from the factor's name to its button, which shows when it has the focus.
    page.locator(f"{graph_node(factors[2])} .scr-node__label").focus()
    page.keyboard.press("Tab")
    start = page.locator(f"{graph_node(factors[2])} .scr-node__link-from")
    expect(start).to_be_focused()
    expect(start).to_have_accessible_name(re.compile(r"^Link from this record: Factor 3"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("status").filter(has_text="Linking from")).to_contain_text(
        "the arrow keys move between the records it may point to"
    )
    # A factor may point to the other factors and to the episodes; the first has the focus.
    choices = page.locator("[data-link-to]")
    expect(choices).to_have_count(len(episodes) + len(factors) - 1)
    focused = _focused_choice(page)
    assert focused in set(episodes) | set(factors[:2] + factors[3:])
    # The arrow keys go through every record it may point to, each in view when it is reached.
    seen = {focused}
    for _ in range(len(episodes) + len(factors) - 2):
        page.keyboard.press("ArrowDown")
        now = _focused_choice(page, focused)
        focused = now
        assert _in_window(page, f'[data-link-to="{now}"]')
        seen.add(now)
    assert len(seen) == len(episodes) + len(factors) - 1
    assert serious_accessibility_violations(page) == []
    while focused != episodes[0]:
        page.keyboard.press("ArrowDown")
        focused = _focused_choice(page, focused)
    page.keyboard.press("Enter")

    chooser = page.get_by_role("form", name="Add a link")
    expect(chooser).to_be_focused()
    expect(chooser.get_by_role("radio", name=re.compile(r"^Contributed to: "))).to_be_checked()
    chooser.get_by_role("button", name="Add the link").focus()
    page.keyboard.press("Enter")

    message = page.get_by_role("alert").filter(has_text="The link was added")
    expect(message).to_be_focused()
    assert _in_window(page, ".scr-link-added")
    links = api.get(f"/reviews/{review_id}/links")["items"]
    assert ("contributed_to", factors[2], episodes[0]) in {
        (x["kind"], x["source"], x["target"]) for x in links
    }

    # Escape stops a link being drawn, and gives the focus back to where it began.
    start = page.locator(f"{graph_node(factors[3])} .scr-node__link-from")
    start.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-link-to]").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("[data-link-to]")).to_have_count(0)
    expect(start).to_be_focused()


def test_a_link_added_with_the_form_is_said_above_the_form_with_the_focus(
    desktop: Page, live_server: str
) -> None:
    page = desktop
    api = Api(page.request, live_server)
    review_id, episodes, factors = _new_review(api)
    sign_in(page, live_server)
    _open_graph(page, live_server, review_id)
    form = page.locator("#add-link")
    form.get_by_label("From").select_option(factors[3])
    form.get_by_label("Kind of link").select_option("contributed_to")
    form.get_by_label("To").select_option(episodes[1])
    form.get_by_role("button", name="Add the link").click()
    message = page.get_by_role("alert").filter(has_text="The link was added")
    expect(message).to_be_focused()
    assert _in_window(page, ".scr-link-added")


def _no_sideways_scroll(page: Page) -> bool:
    return bool(
        page.evaluate(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


def test_at_a_phones_width_the_graph_fits_and_its_miniature_does_not_cover_it(
    phone: Page, live_server: str
) -> None:
    page = phone
    sign_in(page, live_server)
    open_demo_review(page)
    page.goto(page.url.replace("/overview", "") + "/graph")
    page.locator(".react-flow__node").first.wait_for()
    page.locator(".scr-graph").scroll_into_view_if_needed()
    assert _no_sideways_scroll(page)
    expect(page.locator(".react-flow__minimap")).to_be_hidden()
    drawing = _measure(page)
    assert _smallest_text(drawing) >= SMALLEST_TEXT
    # The drawing is no taller than the screen, so the page can still be scrolled past it.
    assert drawing["pane"]["bottom"] - drawing["pane"]["top"] <= PHONE["height"]


def test_at_a_phones_width_the_patterns_fit_with_readable_chart_text(
    phone: Page, live_server: str
) -> None:
    page = phone
    sign_in(page, live_server, BOARD_MEMBER)
    page.get_by_role("link", name="Patterns", exact=True).click()
    page.get_by_role("table", name="Reviews per code", exact=True).wait_for()
    assert _no_sideways_scroll(page)
    charts = page.locator("svg.scr-chart")
    expect(charts).to_have_count(3)
    # Every chart's text as drawn: its font size times the scale the chart is drawn at.
    smallest = page.evaluate(
        """() => [...document.querySelectorAll('svg.scr-chart')].map((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return Math.min(...[...svg.querySelectorAll('text')].map(
            (t) => parseFloat(getComputedStyle(t).fontSize) * scale));
        })"""
    )
    assert all(size >= SMALLEST_TEXT for size in smallest), smallest
    # A chart or table wider than the screen scrolls in its own box, named for the keyboard.
    network = page.get_by_role("region", name=re.compile(r"^Network of codes found together"))
    expect(network).to_be_visible()
    expect(page.get_by_role("region", name="Reviews per code (scrolls sideways)")).to_be_visible()
    assert serious_accessibility_violations(page) == []
