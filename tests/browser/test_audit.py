"""The audit trail for administrators: the administrator opens it from the navigation, and
finds the lead reviewer's reading of the demo review by filtering on the account and review."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import LEAD, Api, serious_accessibility_violations, sign_in

pytestmark = pytest.mark.browser


def test_an_administrator_finds_who_read_a_review(page: Page, live_server: str) -> None:
    lead = Api(page.request, live_server)
    review = lead.demo_review()
    lead.get(f"/reviews/{review['id']}")  # a read, audited

    sign_in(page, live_server, "admin@demo.example.org")
    page.get_by_role("link", name="Audit trail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    page.get_by_label("Done by").fill(LEAD)
    page.get_by_label("Review number").fill(str(review["id"]))
    page.get_by_role("button", name="Apply filters").click()
    rows = page.get_by_role("table", name="Entries, newest first").get_by_role("row")
    expect(rows.nth(1)).to_contain_text(LEAD)
    expect(rows.filter(has_text="Read").first).to_contain_text("reviews")
    assert serious_accessibility_violations(page) == []
