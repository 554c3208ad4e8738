"""The reviews list with its filters, a review's overview, and changing its status."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    BOARD_MEMBER,
    DEMO_REVIEW,
    open_demo_review,
    review_nav,
    serious_accessibility_violations,
    sign_in,
)

pytestmark = pytest.mark.browser


def test_the_reviews_list_filters_by_status_type_and_year_in_the_address(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Reviews", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reviews")
    expect(page.get_by_role("table", name="Reviews")).to_contain_text(DEMO_REVIEW)

    page.get_by_label("Status").select_option(label="Published")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/reviews\?status=published$"))
    expect(page.get_by_role("status")).to_have_text("0 reviews match the filters.")
    expect(page.get_by_role("table", name="Reviews")).to_have_count(0)

    page.get_by_role("button", name="Clear filters").click()
    page.get_by_label("Type of review").select_option(
        label="Local child safeguarding practice review"
    )
    page.get_by_label("Year notified").fill("2023")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("status")).to_have_text("1 review matches the filters.")
    expect(page.get_by_role("table", name="Reviews")).to_contain_text("Child M")

    page.reload()  # the filters are in the address, so they can be bookmarked
    expect(page.get_by_label("Year notified")).to_have_value("2023")
    expect(page.get_by_role("table", name="Reviews")).to_contain_text(DEMO_REVIEW)

    page.get_by_label("Year notified").fill("23")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the year as four digits, like 2023"
    )


def test_the_overview_shows_the_review_its_timescales_and_checks(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server)
    open_demo_review(page)
    about = page.get_by_label("About the review")
    expect(about).to_contain_text(DEMO_REVIEW)
    expect(about).to_contain_text("Child M")
    expect(about).to_contain_text("Analysis")
    expect(about).to_contain_text("Local child safeguarding practice review")
    expect(about).to_contain_text("Full")
    expect(page.get_by_label("Key dates")).to_contain_text("18 July 2023")
    timescales = page.get_by_role("table", name="Timescales")
    notification = timescales.get_by_role("row", name=re.compile("^Notification"))
    expect(notification).to_contain_text("25 July 2023")
    expect(notification).to_contain_text("Met")
    expect(page.get_by_role("list", name="Blocking checks")).to_contain_text(
        "is not explained by any contributory factor"
    )
    expect(page.get_by_role("list", name="Advisory checks")).to_contain_text("linked to nothing")
    assert "/reviews/" in page.url
    page.reload()  # the address of a review's screen can be bookmarked
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")


def test_moving_to_draft_with_blocking_checks_lists_them(page: Page, live_server: str) -> None:
    sign_in(page, live_server)
    open_demo_review(page)
    page.get_by_label("Draft").check()
    page.get_by_role("button", name="Change the status").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("cannot move to draft while these blocking checks fail")
    expect(summary.get_by_role("link").first).to_contain_text("KPE")
    expect(summary).to_be_focused()
    expect(page.get_by_label("About the review")).to_contain_text("Analysis")


def test_a_board_member_reads_a_review_and_changes_nothing(page: Page, live_server: str) -> None:
    sign_in(page, live_server, BOARD_MEMBER)
    open_demo_review(page)
    expect(page.get_by_role("heading", name="Change the status")).to_have_count(0)
    review_nav(page, "Chronology")
    expect(page.get_by_role("table", name=re.compile("Entries by date and agency"))).to_be_visible()
    expect(page.get_by_role("link", name="Add an entry")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("Mark significant"))).to_have_count(0)

    # A record reads as a document, not as greyed-out form fields.
    for section, table in (
        ("Key practice episodes", "Episodes"),
        ("Contributory factors", "Factors"),
    ):
        review_nav(page, section)
        page.get_by_role("table", name=table).get_by_role("link").first.click()
        first_term = "Period" if table == "Episodes" else "Description"
        expect(page.get_by_role("term").first).to_have_text(first_term)
        expect(page.locator("main").get_by_role("textbox")).to_have_count(0)
        assert serious_accessibility_violations(page) == []


def test_the_review_screens_have_no_serious_accessibility_problem(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Reviews", exact=True).click()
    expect(page.get_by_role("table", name="Reviews")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    open_demo_review(page)
    expect(page.get_by_role("list", name="Blocking checks")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    review_nav(page, "Chronology")
    expect(page.get_by_role("img", name=re.compile("entries from 8 agencies"))).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.get_by_role("link", name="Add an entry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a chronology entry")
    assert serious_accessibility_violations(page) == []

    review_nav(page, "Key practice episodes")
    expect(page.get_by_role("table", name="Episodes")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.get_by_role("table", name="Episodes").get_by_role("link").first.click()
    expect(page.get_by_label("Title")).not_to_have_value("")
    assert serious_accessibility_violations(page) == []
