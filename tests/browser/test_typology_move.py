"""Typology 1.1 end to end: the lead reviewer moves a review's tags from 1.0 to 1.1 on the
Tagging screen, choosing for the split caseload code, and the partnership's figures in 1.1 are
those counted through the mapping before the move, with the chosen code counted as well; the
typology browser shows what 1.1 changed and what a 1.0 code became.

The review moved is a new one of the demo partnership, so that the demo review the other
browser tests read keeps its 1.0 tags."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Api, serious_accessibility_violations, sign_in

pytestmark = pytest.mark.browser

ADMIN = "admin@demo.example.org"


def _figures(api: Api, board: str) -> dict[str, int]:
    answer = api.get(f"/patterns/frequencies?board={board}&version=1.1&limit=200")
    assert answer["suppressed"] is False  # an administrator's view of one partnership
    return {item["code"]: item["count"]["reviews"] for item in answer["items"]}


def _new_review(lead: Api) -> dict[str, Any]:
    review: dict[str, Any] = lead.post(
        "/reviews",
        {
            "board_id": lead.demo_review()["board_id"],
            "reference": f"MOVE-{uuid.uuid4().hex[:6].upper()}",
            "child_pseudonym": "Child J",
            "review_type": "local_child_safeguarding_practice_review",
        },
    )
    for description in (
        "Health visitors carried caseloads far above the safe limit.",
        "The family's warmth was read as progress.",
    ):
        lead.post(
            f"/reviews/{review['id']}/factors", {"description": description, "level": "own_team"}
        )
    return review


def test_the_lead_moves_a_review_s_tags_to_1_1_and_the_board_counts_the_choice(
    page: Page, live_server: str
) -> None:
    lead = Api(page.request, live_server)
    admin = Api(page.request, live_server, ADMIN)
    copy = _new_review(lead)
    factors = lead.get(f"/reviews/{copy['id']}/factors")["items"]
    # Agreed tags under 1.0: a code 1.1 splits, and one it merges into a practice theme.
    for factor, code in zip(
        factors, ("sp.management.caseload", "sp.reasoning.over-optimism"), strict=False
    ):
        lead.post(
            f"/reviews/{copy['id']}/tags",
            {
                "target": f"factor:{factor['id']}",
                "code": code,
                "typology_version": "1.0",
                "agreed": True,
            },
        )
    board = next(b for b in admin.get("/boards?limit=200")["items"] if b["id"] == copy["board_id"])
    before = _figures(admin, board["code"])

    sign_in(page, live_server)
    page.goto(f"{live_server}/reviews/{copy['id']}/tagging")
    moving = page.get_by_role("region", name="Move the tags to typology version 1.1")
    expect(moving).to_contain_text("2 tags are under version 1.0")
    moving.get_by_role("button", name="Preview the move").click()
    table = moving.get_by_role("table", name="Where each tag goes")
    expect(table.get_by_role("row")).to_have_count(3)
    expect(table).to_contain_text("Over-optimism")
    assert serious_accessibility_violations(page) == []
    moving.get_by_role("button", name="Move the tags to version 1.1").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose where the split tag goes")
    table.get_by_role("radio", name="complexity", exact=False).check()
    moving.get_by_role("button", name="Move the tags to version 1.1").click()
    done = "The review's tags are moved to typology version 1.1."
    expect(page.get_by_text(done)).to_be_visible()
    expect(page.get_by_role("region", name="Move the tags to typology version 1.1")).to_have_count(
        0
    )

    tags = lead.get(f"/reviews/{copy['id']}/tags")["items"]
    assert sorted(t["code"] for t in tags) == [
        "pt.over-optimism",
        "sp.management.caseload-complexity",
    ]
    after = _figures(admin, board["code"])
    # The same figures as counted through the mapping, and the choice for the split as well.
    assert after == before | {
        "sp.management.caseload-complexity": before.get("sp.management.caseload-complexity", 0) + 1
    }

    page.goto(f"{live_server}/typology?version=1.1")
    page.get_by_text("What changed from version 1.0").click()
    changes = page.get_by_role("table", name="Version 1.1 against 1.0", exact=False)
    expect(changes.get_by_role("row").filter(has_text="Split")).to_contain_text("complexity")
    page.goto(f"{live_server}/typology?version=1.0&code=sp.management.caseload")
    replaced = page.locator(".govuk-summary-list__row").filter(has_text="Replaced by")
    expect(replaced).to_contain_text("(split, version 1.1)")
