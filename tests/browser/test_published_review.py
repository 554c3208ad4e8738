"""A published review reads as frozen on every screen, and its lead reviewer reopens it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BOARD_MEMBER, Api, review_nav, sign_in

pytestmark = pytest.mark.browser

FROZEN = re.compile(
    r"This review was published on \d{1,2} \w+ \d{4}, so neither it nor its records"
)


@pytest.fixture
def published(page: Page, live_server: str) -> Iterator[dict[str, Any]]:
    """A review of the lead's own with one record of each kind linked, published with the
    lead's reason to pass the checks it still fails (unique texts: the server is shared).
    Reopened afterwards if still published, so that other tests find no published review."""
    api = Api(page.request, live_server)
    review = _publish(api)
    yield review
    now = api.get(f"/reviews/{review['id']}")
    if now["status"] == "published":
        reason = "Reopened after the browser test."
        api.post(f"/reviews/{review['id']}/reopen", {"version": now["version"], "reason": reason})


def _publish(api: Api) -> dict[str, Any]:
    board_id = api.demo_review()["board_id"]
    mark = uuid.uuid4().hex[:6].upper()
    review = api.post(
        "/reviews",
        {
            "board_id": board_id,
            "reference": f"PUB-{mark}",
            "child_pseudonym": "Child P",
            "review_type": "rapid_review",
        },
    )
    path = f"/reviews/{review['id']}"
    agency = api.get("/agencies?limit=200")["items"][0]
    api.post(
        f"{path}/chronology",
        {"entry_date": "2023-03-01", "agency_id": agency["id"], "summary": "Home visit made."},
    )
    episode = api.post(f"{path}/episodes", {"title": f"Home visit {mark}: the baby not seen"})
    factor = api.post(
        f"{path}/factors",
        {"description": f"Visits were booked by letter only ({mark}).", "level": "own_team"},
    )
    finding = api.post(
        f"{path}/findings",
        {"title": f"Letters alone do not reach families ({mark})", "statement": "Letters fail."},
    )
    episode_key = f"episode:{episode['id']}"
    sources = {
        "contributed_to": f"factor:{factor['id']}",
        "evidenced_by": f"finding:{finding['id']}",
    }
    for kind, source in sources.items():
        api.post(f"{path}/links", {"kind": kind, "source": source, "target": episode_key})
    review = api.send(
        "PATCH",
        path,
        {
            "version": review["version"],
            "status": "published",
            "checks_override_reason": "Published for the Board before its questions were written.",
        },
    )
    assert review["status"] == "published"
    return review | {"episode": episode, "factor": factor, "finding": finding}


def _no_edit_controls(page: Page, base: str, review: dict[str, Any]) -> None:
    """Every screen of the review says it is published and offers nothing to change."""
    banner = page.get_by_role("region", name="Published")
    expect(banner).to_contain_text(FROZEN)
    expect(page.get_by_label("About the review")).to_contain_text("Published on")
    expect(page.get_by_role("heading", name="Change the status")).to_have_count(0)
    expect(page.get_by_role("link", name="Change the review's details")).to_have_count(0)
    expect(page.get_by_role("button", name="Assess the quality markers")).to_have_count(0)

    review_nav(page, "Chronology")
    expect(page.get_by_role("table", name=re.compile("Entries by date and agency"))).to_be_visible()
    expect(banner).to_contain_text(FROZEN)
    expect(page.get_by_role("link", name="Add an entry")).to_have_count(0)
    expect(page.get_by_role("link", name="Import an agency's chronology")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("Mark significant"))).to_have_count(0)

    review_nav(page, "Key practice episodes")
    expect(page.get_by_role("table", name="Episodes")).to_be_visible()
    expect(page.get_by_role("link", name="Add an episode")).to_have_count(0)
    page.get_by_role("link", name=review["episode"]["title"]).click()
    expect(page.get_by_label("Title")).to_be_disabled()
    expect(page.get_by_role("button", name="Save the changes")).to_have_count(0)

    review_nav(page, "Contributory factors")
    expect(page.get_by_role("table", name="Factors")).to_be_visible()
    expect(page.get_by_role("link", name="Add a factor")).to_have_count(0)
    page.get_by_role("link", name=review["factor"]["description"]).click()
    expect(page.get_by_label("Description")).to_be_disabled()
    expect(page.get_by_role("button", name="Save the changes")).to_have_count(0)
    expect(page.get_by_role("button", name="Delete this factor")).to_have_count(0)

    review_nav(page, "Causal graph")
    expect(page.get_by_role("table", name=re.compile("Links"))).to_be_visible()
    expect(page.get_by_role("link", name="Add a link without dragging")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Remove"))).to_have_count(0)
    expect(page.get_by_role("button", name="Add the link")).to_have_count(0)

    review_nav(page, "Findings")
    expect(page.get_by_role("link", name="Add a finding")).to_have_count(0)
    page.get_by_role("link", name=review["finding"]["title"]).click()
    expect(page.get_by_label("Title")).to_be_disabled()
    expect(page.get_by_role("button", name="Save the changes")).to_have_count(0)
    expect(page.get_by_role("button", name="Add a question for the Board")).to_have_count(0)

    review_nav(page, "Tagging")
    page.get_by_role("heading", name="Contributory factors").wait_for()
    expect(page.get_by_role("button", name=re.compile("^Add a tag"))).to_have_count(0)
    expect(page.get_by_role("heading", name="Your coding")).to_have_count(0)

    # An address that only adds goes back to the list, which says why.
    page.goto(f"{base}/reviews/{review['id']}/episodes/new")
    expect(page.get_by_role("heading", level=1)).to_have_text("Key practice episodes")
    expect(page.get_by_role("region", name="Published")).to_contain_text(FROZEN)


def test_a_published_review_offers_nothing_to_change_until_its_lead_reopens_it(
    page: Page, live_server: str, published: dict[str, Any]
) -> None:
    api = Api(page.request, live_server)
    review = published
    sign_in(page, live_server)
    page.goto(f"{live_server}/reviews/{review['id']}")
    page.get_by_role("heading", level=1, name="Overview").wait_for()
    _no_edit_controls(page, live_server, review)

    review_nav(page, "Key practice episodes")
    banner = page.get_by_role("region", name="Published")
    banner.get_by_role("button", name="Reopen the review").click()
    reason = page.get_by_label("Why is the review reopened?")
    expect(reason).to_be_focused()
    banner.get_by_role("button", name="Reopen the review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why the review is reopened")
    reason.fill("The family's solicitor found a street name in KPE 1.")
    banner.get_by_role("button", name="Reopen the review").click()

    expect(page.get_by_role("alert")).to_contain_text("The review was reopened: it is a draft")
    expect(page.get_by_role("region", name="Published")).to_have_count(0)
    page.get_by_role("link", name="Add an episode").click()
    page.get_by_label("Title").fill("Second home visit: the baby seen asleep")
    page.get_by_role("button", name="Add the episode").click()
    expect(page.get_by_role("alert")).to_contain_text("KPE 2 was added.")

    review_nav(page, "Overview")
    expect(page.get_by_label("About the review")).to_contain_text("Draft")
    expect(page.get_by_role("heading", name="Change the status")).to_be_visible()
    assert api.get(f"/reviews/{review['id']}")["status"] == "draft"


def test_only_the_lead_reviewer_is_offered_to_reopen_a_published_review(
    page: Page, live_server: str, published: dict[str, Any]
) -> None:
    sign_in(page, live_server, BOARD_MEMBER)
    page.goto(f"{live_server}/reviews/{published['id']}")
    banner = page.get_by_role("region", name="Published")
    expect(banner).to_contain_text(FROZEN)
    expect(banner).to_contain_text("Only its lead reviewer can reopen it.")
    expect(banner.get_by_role("button", name="Reopen the review")).to_have_count(0)
