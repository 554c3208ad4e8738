"""A reviewer opens a review, changes its details, and keeps its known identifiers."""

from __future__ import annotations

import itertools
import re

import pytest
from playwright.sync_api import Page, expect

from scr.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import (
    BOARD_MEMBER,
    LEAD,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser

_serial = itertools.count(1)
BOARD = "Eastmere Safeguarding Children Partnership"


def _open_a_review(page: Page, reference: str) -> None:
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("button", name="Open a review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open a review")
    page.get_by_label("Safeguarding partnership").select_option(label=BOARD)
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Child", exact=True).fill("Child Q")
    page.get_by_role("radio", name="Rapid review").check()
    page.get_by_role("checkbox", name="Neglect only").check()
    page.get_by_role("checkbox", name="Domestic abuse").check()
    page.get_by_role("button", name="Open the review").click()
    page.get_by_role("button", name=f"Yes, open it for {BOARD}").click()
    page.get_by_role("heading", level=1, name="Overview").wait_for()


def test_a_reviewer_opens_a_review_and_changes_its_details(page: Page, live_server: str) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("button", name="Open a review").click()
    page.get_by_role("button", name="Open the review").click()
    summary = page.locator(".govuk-error-summary")
    # The demo's corpus brings many partnerships, but only one has commissioned the reviewer.
    partnerships = page.get_by_label("Safeguarding partnership").locator("option")
    expect(partnerships).to_have_count(1)
    expect(partnerships).to_have_text(BOARD)
    expect(summary).to_contain_text("Enter the review's reference")
    expect(summary).to_contain_text("Select the type of review")
    assert serious_accessibility_violations(page) == []

    reference = f"EAS-2026-B{next(_serial)}"
    _open_a_review(page, reference)
    expect(page.get_by_role("alert")).to_contain_text(
        f"Review {reference} was opened. You are its lead reviewer."
    )
    about = page.get_by_role("definition")
    expect(about.filter(has_text="Rapid review")).to_have_count(1)
    expect(about.filter(has_text="Neglect only, Domestic abuse")).to_have_count(1)
    expect(page.get_by_role("link", name="Known identifiers")).to_be_visible()

    page.get_by_role("link", name="Change the review's details").click()
    expect(page.get_by_label("Reference")).to_have_value(reference)
    expect(page.get_by_role("checkbox", name="Neglect only")).to_be_checked()
    page.get_by_role("radio", name="Serious harm").check()
    page.locator("#incident-date").fill("3")
    page.locator("#incident-date-month").fill("2")
    page.locator("#incident-date-year").fill("2026")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("alert")).to_contain_text("The review's details were changed.")
    expect(page.get_by_role("definition").filter(has_text="Serious harm")).to_have_count(1)
    expect(page.get_by_label("Key dates")).to_contain_text("3 February 2026")


def test_a_stale_change_of_details_shows_both_versions(page: Page, live_server: str) -> None:
    sign_in(page, live_server)
    reference = f"EAS-2026-C{next(_serial)}"
    _open_a_review(page, reference)
    review_id = int(re.search(r"/reviews/(\d+)", page.url).group(1))  # type: ignore[union-attr]
    page.get_by_role("link", name="Change the review's details").click()
    page.get_by_label("Child", exact=True).fill("Child R")

    headers = _headers(page, live_server)
    current = page.request.get(f"{live_server}/api/v1/reviews/{review_id}", headers=headers)
    assert current.ok, current.text()
    changed = page.request.patch(
        f"{live_server}/api/v1/reviews/{review_id}",
        headers=headers,
        data={"version": current.json()["version"], "child_pseudonym": "Child P"},
    )
    assert changed.ok

    page.get_by_role("button", name="Save the changes").click()
    notice = page.locator(".govuk-error-summary")
    expect(notice).to_contain_text("Someone else changed this")
    child = notice.get_by_role("row", name=re.compile("^Child"))
    expect(child).to_contain_text("Child P")
    expect(child).to_contain_text("Child R")
    page.get_by_role("button", name="Use their version").click()
    expect(page.get_by_label("Child", exact=True)).to_have_value("Child P")


def _headers(page: Page, live_server: str) -> dict[str, str]:
    answer = page.request.post(
        f"{live_server}/api/v1/auth/token", form={"username": LEAD, "password": DEMO_PASSWORD}
    )
    assert answer.ok, answer.text()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def test_the_lead_keeps_identifiers_and_accepts_a_scan_hit(page: Page, live_server: str) -> None:
    sign_in(page, live_server)
    _open_a_review(page, f"EAS-2026-D{next(_serial)}")
    review_id = int(re.search(r"/reviews/(\d+)", page.url).group(1))  # type: ignore[union-attr]
    episode = page.request.post(
        f"{live_server}/api/v1/reviews/{review_id}/episodes",
        headers=_headers(page, live_server),
        data={
            "title": "School nurse visit",
            "what_happened": "The school nurse saw Child Q at Larkfield Primary on 14/03/2025.",
        },
    )
    assert episode.ok

    review_nav(page, "Known identifiers")
    expect(page.get_by_role("status")).to_contain_text("1 open hit stops publication.")
    page.get_by_label("Word or phrase").fill("Larkfield Primary")
    page.get_by_label("What it is").select_option(label="A school or nursery")
    page.get_by_role("button", name="Add the identifier").click()
    expect(page.get_by_role("alert")).to_contain_text("The identifier was added")
    expect(page.get_by_role("table", name="The list")).to_contain_text("Larkfield Primary")
    hits = page.get_by_role("table", name="Hits")
    expect(hits.get_by_role("row").filter(has_text="Known identifier")).to_contain_text(
        "Larkfield Primary"
    )
    expect(page.get_by_role("status")).to_contain_text("2 open hits stop publication.")
    assert serious_accessibility_violations(page) == []

    date_hit = hits.get_by_role("row").filter(has_text="Full date")
    date_hit.get_by_role("button", name=re.compile("^Accept")).click()
    page.get_by_label("Why it does not identify anyone").fill("short")
    page.get_by_role("button", name="Accept the hit").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("at least 10 characters")
    page.get_by_label("Why it does not identify anyone").fill(
        "The date of the school nurse's visit, not a date of birth."
    )
    page.get_by_role("button", name="Accept the hit").click()
    expect(date_hit).to_contain_text("Accepted")
    expect(page.get_by_role("status")).to_contain_text("1 open hit stops publication.")

    page.get_by_role("button", name="Remove Larkfield Primary").click()
    expect(page.get_by_role("table", name="The list")).to_contain_text(
        "No identifiers are listed yet."
    )
    expect(page.get_by_role("status")).to_contain_text("No open hits")


def test_a_board_member_has_no_identifiers_screen(page: Page, live_server: str) -> None:
    sign_in(page, live_server, BOARD_MEMBER)
    page.get_by_role("link", name="Reviews", exact=True).click()
    expect(page.get_by_role("button", name="Open a review")).to_have_count(0)
    page.get_by_role("table", name="Reviews").get_by_role("link").first.click()
    page.get_by_role("heading", level=1, name="Overview").wait_for()
    nav = page.get_by_role("navigation", name="Review")
    expect(nav.get_by_role("link", name="Causal graph")).to_be_visible()
    expect(nav.get_by_role("link", name="Known identifiers")).to_have_count(0)
    expect(page.get_by_role("link", name="Change the review's details")).to_have_count(0)
