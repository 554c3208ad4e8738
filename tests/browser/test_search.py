"""The Search screen: a reviewer finds a word of the demo review's first finding, reads the
matched words marked in the snippet, and opens the finding from the results."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Api, serious_accessibility_violations, sign_in

pytestmark = pytest.mark.browser


def test_a_reviewer_searches_the_reviews_and_opens_a_finding(page: Page, live_server: str) -> None:
    api = Api(page.request, live_server)
    review = api.demo_review()
    finding = api.get(f"/reviews/{review['id']}/findings")["items"][0]
    word = max(re.findall(r"[A-Za-z]{6,}", finding["title"]), key=len)

    sign_in(page, live_server)
    page.get_by_role("link", name="Search", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the reviews")
    page.get_by_label("Words to find").fill(word)
    page.get_by_label("Kind of record").select_option(label="Findings")
    page.get_by_role("button", name="Search").click()

    results = page.get_by_role("list", name="Search results")
    link = results.get_by_role("link", name=re.compile(re.escape(finding["title"][:40])))
    expect(link).to_contain_text(f"{review['reference']}, Finding {finding['ordinal']}")
    expect(results.locator("mark").first).to_be_visible()
    told = re.compile(rf"records? holds? \u2018{word}\u2019")
    expect(page.get_by_role("status")).to_have_text(told)
    assert serious_accessibility_violations(page) == []
    link.click()
    expect(page).to_have_url(re.compile(rf"/reviews/{review['id']}/findings/{finding['id']}$"))
