"""Findings that come back: a reviewer links a new finding to a suggested earlier one, and the
board member's dashboard counts it."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    DEMO_REVIEW,
    Api,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser


def _came_back(api: Api, board_id: int, finding_id: int) -> int:
    items = api.get(f"/boards/{board_id}/recurring-findings?limit=200")["items"]
    return next((i["came_back"] for i in items if i["earlier"]["finding_id"] == finding_id), 0)


def test_a_reviewer_links_a_new_finding_to_a_suggested_earlier_one_and_the_dashboard_counts_it(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    demo = api.demo_review()
    earlier: dict[str, Any] = api.get(f"/reviews/{demo['id']}/findings?limit=1")["items"][0]
    board = api.get(f"/boards/{demo['board_id']}")
    member = Api(page.request, live_server, BOARD_MEMBER)
    before = _came_back(member, board["id"], earlier["id"])

    # A later review of the same partnership, with a finding that reads like the earlier one.
    mark = uuid.uuid4().hex[:6].upper()
    review = api.post(
        "/reviews",
        {
            "board_id": demo["board_id"],
            "reference": f"AGAIN-{mark}",
            "child_pseudonym": "Child R",
            "review_type": "local_child_safeguarding_practice_review",
        },
    )
    finding = api.post(
        f"/reviews/{review['id']}/findings",
        {"title": f"Again: {earlier['title']}", "statement": earlier["statement"]},
    )

    sign_in(page, live_server)
    page.goto(f"{live_server}/reviews/{review['id']}/findings/{finding['id']}")
    panel = page.get_by_role("region", name="Found before?")
    suggested = panel.get_by_role("list", name="Suggested earlier findings")
    name = f"{board['name']} {DEMO_REVIEW}, Finding {earlier['ordinal']}"
    first = suggested.get_by_role("listitem").first
    expect(first).to_contain_text(f"{name}: {earlier['title']}")
    expect(first).to_contain_text("This partnership")
    expect(first).to_contain_text("Suggested because")
    expect(first).to_contain_text("both use the words")
    expect(panel.get_by_text("Not linked to an earlier finding.")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    first.get_by_role("button", name=f"Found before in {name}").click()
    expect(panel.get_by_role("status")).to_have_text(
        f"Finding {finding['ordinal']} is now linked: Found before in {name}."
    )
    linked = panel.get_by_role("list", name="Found before in")
    expect(linked).to_contain_text(f"Found before in {name}: {earlier['title']}")
    page.reload()
    expect(page.get_by_role("list", name="Found before in")).to_contain_text(name)

    page.get_by_role("link", name="Sign out").click()
    sign_in(page, live_server, BOARD_MEMBER)
    page.get_by_role("link", name="Patterns", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Board dashboard")).to_be_visible()
    table = page.get_by_role("table", name="Findings that came back")
    row = table.get_by_role("row").filter(has_text=f"{DEMO_REVIEW}, Finding {earlier['ordinal']}")
    times = before + 1
    expect(row).to_contain_text("Once" if times == 1 else f"{times} times")
    expect(
        row.get_by_role("link", name=f"AGAIN-{mark}, Finding {finding['ordinal']}")
    ).to_be_visible()
    assert serious_accessibility_violations(page) == []
