"""The Team screen: a lead reviewer opens a review of their own, records a participant by role
and agency, and adds the demo's second coder, who then finds the review in their list."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    LEAD,
    SECOND_CODER,
    Api,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser


def test_the_lead_adds_a_second_coder_who_then_sees_the_review(
    page: Page, live_server: str
) -> None:
    api = Api(page.request, live_server)
    reference = f"TEAM-{uuid.uuid4().hex[:6].upper()}"
    review = api.post(
        "/reviews",
        {
            "board_id": api.demo_review()["board_id"],
            "reference": reference,
            "child_pseudonym": "Child K",
            "review_type": "rapid_review",
        },
    )

    sign_in(page, live_server)
    page.goto(f"{live_server}/reviews/{review['id']}")
    page.get_by_role("heading", level=1, name="Overview").wait_for()
    review_nav(page, "Team")
    expect(page.get_by_role("heading", level=1)).to_have_text("Team")
    team = page.get_by_role("table", name="The review's team")
    expect(team.get_by_role("row")).to_have_count(2)
    expect(team.get_by_role("row").filter(has_text=LEAD)).to_contain_text("Lead reviewer, codes")

    adding = page.get_by_role("form", name="Add a participant")
    adding.get_by_label("Part in the review").select_option(label="Review team")
    adding.get_by_label("Job role").fill("detective inspector 1")
    adding.get_by_label("Agency").select_option(label="Police")
    adding.get_by_role("button", name="Add the participant").click()
    expect(page.get_by_role("alert")).to_contain_text("detective inspector 1 was added")
    participant = page.get_by_role("table", name="Participants").get_by_role("row").nth(1)
    expect(participant).to_contain_text("Review team")
    expect(participant).to_contain_text("Police")

    coder = page.get_by_role("form", name="Add a second coder")
    coder.get_by_label("Reviewer").select_option(label=SECOND_CODER)
    coder.get_by_role("button", name="Add as a coder").click()
    expect(page.get_by_role("alert")).to_contain_text(f"{SECOND_CODER} was added as a coder")
    expect(team.get_by_role("row").filter(has_text=SECOND_CODER)).to_contain_text(
        "Not submitted yet"
    )
    assert serious_accessibility_violations(page) == []

    page.reload()
    expect(team.get_by_role("row")).to_have_count(3)
    page.get_by_role("link", name="Sign out").click()
    sign_in(page, live_server, SECOND_CODER)
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("table", name="Reviews").get_by_role("link", name=reference).click()
    review_nav(page, "Team")
    mine = page.get_by_role("table", name="The review's team").get_by_role("row")
    expect(mine.filter(has_text=SECOND_CODER)).to_contain_text("Codes")
    expect(page.get_by_role("form", name="Add a second coder")).to_have_count(0)
    expect(page.get_by_text("Only the review's lead reviewer can add a coder")).to_be_visible()
